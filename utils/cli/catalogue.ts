/**
 * The maintainer's command line: `npm run catalogue -- <command>`. A thin shell over the same
 * utils/ core the popup uses; see `help` below for the commands.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { exportHsds, importHsds } from '../catalogue/hsds';
import { importSource } from '../catalogue/import-source';
import { AREAS } from '../catalogue/schema';
import { finnishHolidays, holidayModule } from '../hours/generate-holidays';
import { formatIssues, parseCatalogue } from '../catalogue/load';
import { buildSearchIndex } from '../search/build-index';
import { bundledLexicon } from '../search/lexicon-files';
import { searchServices } from '../search/search';
import { synonymFileSchema } from '../search/synonyms';
import { withBundledVocabulary } from '../search/bundled-vocabulary';
import { decodeSheet, importSheet, withSessions } from '../sessions/import-sheet';
import { aliasFileSchema } from '../sessions/match-names';
import * as feed from './feed-commands';
// `validate` and the importers print zod's messages.
import '../zod-messages';

const ROOT = resolve(import.meta.dirname, '..', '..');
const DEFAULT_CATALOGUE = resolve(ROOT, 'data/catalogue.json');
const SYNONYMS = resolve(ROOT, 'data/synonyms.json');

const HELP = `Järjestöopas catalogue tool

  npm run catalogue -- validate [file]
      Check a catalogue file (default data/catalogue.json; schemaVersion 1 or 2); lists every problem with its
      record and field: hostile characters, user info in links, phone displays that dial another number, …
  npm run --silent catalogue -- search "<query>" [--json] [--catalogue <file>] [--limit N]
      Search as the popup does. With --json prints only a JSON array, best first.
  npm run catalogue -- import-source <organisations.json> [--curation data/curation.json] [--out data/catalogue.json] [--revision N]
      Build the catalogue from gathered source facts (see data/README.md).
  npm run catalogue -- import-sessions <sheet.csv> --out <file> [--catalogue data/catalogue.json] [--aliases data/session-aliases.json] [--revision N]
      Write a copy of the catalogue with the booking sheet's (CSV) info sessions, e.g. the catalogue
      the wellbeing area publishes. All or nothing: any bad row stops the import with its row
      number. The revision grows by one unless --revision is given.
  npm run catalogue -- export-hsds [file] --out <dir>
      Write <dir>/services.json: every service as an Open Referral HSDS 3.0 service object (docs/hsds.md).
  npm run catalogue -- import-hsds <services.json> [--out <file>] [--region R] [--revision N] [--area A] [--category C] [--maintainer M]
      Read HSDS 3.0 services (ours or another directory's) into a validated catalogue; prints it without --out.
  npm run catalogue -- holiday-data
      Rewrite utils/hours/holidays-fi.ts (Finnish public holidays) from the installed date-holidays package.
  npm run catalogue -- keygen [--out feed-signing-key.json]
      Make a feed signing key pair (private file, mode 600); prints the public key to trust.
  npm run catalogue -- sign <file> --key <key file>
      Write <file>.sig: ECDSA P-256 / SHA-256 over the file's exact bytes.
  npm run catalogue -- build [file] --key <key file> [--out feed] [--revision N]
      Validate, write <out>/catalogue.json and its signature catalogue.json.sig: the whole feed.
`;

class UsageError extends Error {}

/** A command's options (each `--name value`, or a flag) and its positional arguments, by node:util's parseArgs. */
function parse<Options extends ParseArgsConfig['options']>(args: string[], options: Options) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

function readJson(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new UsageError(`cannot read ${file}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${file} is not valid JSON: ${(error as Error).message}`);
  }
}

function loadCatalogueFile(file: string) {
  const result = parseCatalogue(readJson(file));
  if (!result.success) {
    throw new UsageError(`${file} is not a valid catalogue:\n${formatIssues(result.data, result.issues).join('\n')}`);
  }
  return result.catalogue;
}

function validate(args: string[]): number {
  const file = resolve(args[0] ?? DEFAULT_CATALOGUE);
  const data = readJson(file);
  const result = parseCatalogue(data);
  if (result.success) {
    const { catalogue } = result;
    const upgraded = (data as { schemaVersion?: unknown }).schemaVersion === 1 ? ' (schemaVersion 1, read as 2)' : '';
    console.log(
      `OK ${file}${upgraded}: revision ${catalogue.revision}, ${catalogue.organisations.length} organisations, ${catalogue.services.length} services`,
    );
    return 0;
  }
  const lines = formatIssues(data, result.issues);
  console.error(`INVALID ${file}: ${lines.length} problem(s)`);
  for (const line of lines) console.error(`  ${line}`);
  return 1;
}

function search(argv: string[]): number {
  const { values, positionals: args } = parse(argv, { json: { type: 'boolean' }, catalogue: { type: 'string' }, limit: { type: 'string' } });
  const json = values.json ?? false;
  const file = resolve(values.catalogue ?? DEFAULT_CATALOGUE);
  const limitText = values.limit ?? '10';
  const limit = Number(limitText);
  if (!Number.isInteger(limit) || limit < 1) throw new UsageError(`--limit must be a positive integer, not "${limitText}"`);
  const query = args.join(' ');
  const synonyms = withBundledVocabulary(synonymFileSchema.parse(readJson(SYNONYMS)));
  const index = buildSearchIndex(loadCatalogueFile(file), synonyms, bundledLexicon());
  const results = searchServices(index, query, { limit });
  if (json) {
    const items = results.map(({ service, organisation, score, weak }) => ({
      serviceId: service.id,
      serviceName: service.name,
      organisationId: organisation.id,
      organisationName: organisation.name,
      score,
      weak,
    }));
    process.stdout.write(`${JSON.stringify(items, null, 2)}\n`);
    return 0;
  }
  if (results.length === 0) console.log(`No results for "${query}". Try a broader word.`);
  else if (results.every(({ weak }) => weak)) console.log(`No direct match for "${query}"; the closest:`);
  results.forEach(({ service, organisation, score, crisis }, rank) => {
    console.log(`${String(rank + 1).padStart(2)}. ${crisis ? '[crisis help] ' : ''}${service.name} — ${organisation.name}  (${score})`);
  });
  return 0;
}

function importCommand(argv: string[]): number {
  const { values, positionals: args } = parse(argv, { curation: { type: 'string' }, out: { type: 'string' }, revision: { type: 'string' } });
  const curationFile = resolve(values.curation ?? resolve(ROOT, 'data/curation.json'));
  const out = resolve(values.out ?? DEFAULT_CATALOGUE);
  const revision = Number(values.revision ?? '1');
  const sourceFile = args[0];
  if (!sourceFile) throw new UsageError('import-source needs the organisations.json file');
  const catalogue = importSource(readJson(resolve(sourceFile)), readJson(curationFile), {
    revision,
    publishedAt: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
  });
  writeOutput(out, `${JSON.stringify(catalogue, null, 2)}\n`);
  console.log(`Wrote ${out}: ${catalogue.organisations.length} organisations, ${catalogue.services.length} services`);
  return 0;
}

/** Writes an output file, creating its folder first (e.g. `.output/` on a fresh clone). */
function writeOutput(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
}

function importSessionsCommand(argv: string[]): number {
  const { values, positionals: args } = parse(argv, {
    catalogue: { type: 'string' },
    out: { type: 'string' },
    aliases: { type: 'string' },
    revision: { type: 'string' },
  });
  const catalogueFile = resolve(values.catalogue ?? DEFAULT_CATALOGUE);
  const outOption = values.out;
  // The bundled data/catalogue.json ships no sessions (the example sheet must never reach nurses
  // as a real schedule, and it stays what import-source makes of the sources): name the target.
  if (!outOption) throw new UsageError('import-sessions needs --out <file>: the catalogue to write with the sessions');
  const out = resolve(outOption);
  const aliasFile = resolve(values.aliases ?? resolve(ROOT, 'data/session-aliases.json'));
  const revisionText = values.revision;
  const sheetFile = args[0];
  if (!sheetFile) throw new UsageError('import-sessions needs the booking sheet exported as CSV');
  let csv: string;
  try {
    const decoded = decodeSheet(readFileSync(resolve(sheetFile)));
    if (decoded.notice) console.error(`NOTE ${sheetFile}: ${decoded.notice}`);
    csv = decoded.text;
  } catch {
    throw new UsageError(`cannot read ${sheetFile}`);
  }
  const catalogue = loadCatalogueFile(catalogueFile);
  const aliases = aliasFileSchema.parse(readJson(aliasFile));
  // A feed client refuses a catalogue whose revision does not grow: new sessions, new revision.
  const revision = revisionText === undefined ? catalogue.revision + 1 : Number(revisionText);
  if (!Number.isInteger(revision) || revision < 0) throw new UsageError(`--revision must be a whole number, not "${revisionText}"`);
  const sheet = importSheet(csv, catalogue, aliases);
  const result = sheet.ok
    ? withSessions(catalogue, sheet.sessions, { revision, publishedAt: new Date().toISOString().replace(/\.\d+Z$/, 'Z') })
    : sheet;
  if (!result.ok) {
    console.error(`NOT IMPORTED ${sheetFile}: ${result.errors.length} problem(s); nothing was written`);
    for (const line of result.errors) console.error(`  ${line}`);
    return 1;
  }
  writeOutput(out, `${JSON.stringify(result.catalogue, null, 2)}\n`);
  const cancelled = result.catalogue.infoSessions.filter((session) => session.cancelled).length;
  console.log(`Wrote ${out}: ${result.catalogue.infoSessions.length} sessions (${cancelled} cancelled), revision ${revision}`);
  return 0;
}

/** The feed commands sign with WebCrypto, which is asynchronous. */
async function feedCommand(command: string, argv: string[]): Promise<number> {
  const { values, positionals: args } = parse(argv, { key: { type: 'string' }, out: { type: 'string' }, revision: { type: 'string' } });
  const { key, out, revision: revisionText } = values;
  if (command === 'keygen') return feed.keygen(out ?? 'feed-signing-key.json');
  if (command === 'sign') return feed.sign(args[0], key);
  const revision = revisionText === undefined ? undefined : Number(revisionText);
  if (revision !== undefined && (!Number.isInteger(revision) || revision < 0)) throw new UsageError(`--revision must be a whole number, not "${revisionText}"`);
  return feed.build(args[0] ?? DEFAULT_CATALOGUE, key, out ?? 'feed', revision);
}

function exportHsdsCommand(argv: string[]): number {
  const { values, positionals: args } = parse(argv, { out: { type: 'string' } });
  const { out } = values;
  if (!out) throw new UsageError('export-hsds needs --out <dir>');
  const file = resolve(args[0] ?? DEFAULT_CATALOGUE);
  const services = exportHsds(loadCatalogueFile(file));
  mkdirSync(resolve(out), { recursive: true });
  writeFileSync(resolve(out, 'services.json'), `${JSON.stringify(services, null, 2)}\n`);
  console.log(`Wrote ${resolve(out, 'services.json')}: ${services.length} HSDS 3.0 services`);
  return 0;
}

function importHsdsCommand(argv: string[]): number {
  const { values, positionals: args } = parse(argv, {
    out: { type: 'string' },
    region: { type: 'string' },
    revision: { type: 'string' },
    maintainer: { type: 'string' },
    area: { type: 'string' },
    category: { type: 'string' },
  });
  const file = args[0];
  if (!file) throw new UsageError('import-hsds needs the services.json file');
  const area = values.area ?? 'suomi';
  if (!(AREAS as readonly string[]).includes(area)) throw new UsageError(`--area must be one of ${AREAS.join(', ')}`);
  let catalogue;
  try {
    catalogue = importHsds(readJson(resolve(file)), {
      region: values.region ?? 'vake',
      revision: Number(values.revision ?? '1'),
      publishedAt: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
      maintainer: { name: values.maintainer ?? 'HSDS import' },
      defaultAreas: [area as (typeof AREAS)[number]],
      defaultCategory: values.category ?? 'arjen-apu',
    });
  } catch (error) {
    const issues = (error as { issues?: Array<{ path: PropertyKey[]; message: string }> }).issues;
    if (!issues) throw error;
    throw new UsageError(`${file} cannot be read as HSDS services:\n${issues.map((issue) => `  ${issue.path.map(String).join('.')}: ${issue.message}`).join('\n')}`);
  }
  const text = `${JSON.stringify(catalogue, null, 2)}\n`;
  const { out } = values;
  if (out) {
    writeFileSync(resolve(out), text);
    console.log(`Wrote ${resolve(out)}: ${catalogue.organisations.length} organisations, ${catalogue.services.length} services`);
  } else {
    process.stdout.write(text);
  }
  return 0;
}

function holidayDataCommand(): number {
  const target = resolve(ROOT, 'utils/hours/holidays-fi.ts');
  writeFileSync(target, holidayModule(finnishHolidays()));
  console.log(`Wrote ${target}`);
  return 0;
}

export function main(argv: string[]): number | Promise<number> {
  const [command, ...args] = argv;
  try {
    switch (command) {
      case 'keygen':
      case 'sign':
      case 'build':
        return feedCommand(command, args).catch((error: unknown) => {
          if (!(error instanceof feed.FeedUsageError || error instanceof UsageError)) throw error;
          console.error(`catalogue: ${error.message}`);
          return 2;
        });
      case 'validate':
        return validate(args);
      case 'search':
        return search(args);
      case 'import-source':
        return importCommand(args);
      case 'import-sessions':
        return importSessionsCommand(args);
      case 'export-hsds':
        return exportHsdsCommand(args);
      case 'import-hsds':
        return importHsdsCommand(args);
      case 'holiday-data':
        return holidayDataCommand();
      case undefined:
      case 'help':
      case '--help':
        console.log(HELP);
        return command === undefined ? 1 : 0;
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`catalogue: ${error.message}`);
      return 2;
    }
    throw error;
  }
}

void Promise.resolve(main(process.argv.slice(2))).then((code) => {
  process.exitCode = code;
});
