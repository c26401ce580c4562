#!/usr/bin/env node
/**
 * `npm run workbench -- …` (from source) or `node workbench/dist/cli.js …` (built):
 *   [serve] [--port P] [--data DIR] [--host H] [--public-url URL]   start the workbench
 *   add-maintainer EMAIL [--data DIR]                               password from stdin / prompt (a new
 *                                                                   password ends the person's sign-ins)
 *   disable-maintainer EMAIL [--data DIR]                           ends their sign-ins; no sign-in again
 *   publish [--data DIR]                                            publish the current records
 *   import-ptv --municipality 092 [--municipality 245] [--api BASE] [--json] [--data DIR]
 *                                                                   PTV's NGO services → drafts for review
 *
 * Environment variables and defaults: config.ts.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
// Record problems reach the maintainer in zod's words.
import '@jarjestoopas/utils/zod-messages';
import { addMaintainer } from './commands/add-maintainer';
import { disableMaintainer } from './commands/disable-maintainer';
import { importPtvCommand } from './commands/import-ptv';
import { publishCommand } from './commands/publish';
import { serve } from './commands/serve';
import { CONFIG_FLAGS, loadConfig } from './config';
import { UsageError } from './usage-error';

const COMMANDS = 'serve | add-maintainer EMAIL | disable-maintainer EMAIL | publish | import-ptv';
/** Flags only import-ptv understands (the PTV settings themselves are configuration: config.ts). */
const COMMAND_FLAGS = { json: { type: 'boolean' } } as const;

export async function main(argv: string[], env?: Readonly<Record<string, string | undefined>>): Promise<number> {
  try {
    let parsed;
    try {
      parsed = parseArgs({ args: argv, options: { ...CONFIG_FLAGS, ...COMMAND_FLAGS }, allowPositionals: true, strict: true });
    } catch (error) {
      throw new UsageError(error instanceof Error ? error.message : String(error));
    }
    const [command = 'serve', ...rest] = parsed.positionals;
    const { json, ...flags } = parsed.values;
    if (json && command !== 'import-ptv') throw new UsageError(`--json is an import-ptv flag (${COMMANDS})`);
    const config = loadConfig(flags, env);
    const expected = command === 'add-maintainer' || command === 'disable-maintainer' ? 1 : 0;
    if (rest.length > expected) throw new UsageError(`unexpected argument "${rest[expected]}" (${COMMANDS})`);
    if (command === 'serve') await serve(config);
    else if (command === 'add-maintainer') await addMaintainer(config, rest[0]);
    else if (command === 'disable-maintainer') await disableMaintainer(config, rest[0]);
    else if (command === 'publish') await publishCommand(config);
    else if (command === 'import-ptv') await importPtvCommand(config, { json: json ?? false });
    else throw new UsageError(`unknown command "${command}" (${COMMANDS})`);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`workbench: ${error.message}`);
      return 2;
    }
    throw error;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then((code) => {
    if (code !== 0) process.exit(code);
  });
}
