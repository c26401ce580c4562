/**
 * `import-ptv --municipality 092 [--municipality 245 …] [--api BASE] [--json]`: read the NGO
 * services of those municipalities from PTV into the workbench as drafts for review ("Tuonnit").
 * The catalogue and the feed do not change. `--json` prints the summary object and nothing else.
 */
import type { Config } from '../config';
import { createPtvV11Source } from '../ptv/client/v11';
import { importPtvIntoDb } from '../ptv-import/run';
import { UsageError } from '../usage-error';
import { openWorkbenchDb } from '../workbench-db';

export interface ImportPtvOptions {
  json: boolean;
  now?: () => Date;
  /** stdout: the summary, or the human lines. */
  out?: (text: string) => void;
}

export async function importPtvCommand(config: Config, options: ImportPtvOptions): Promise<void> {
  if (config.ptvMunicipalities.length === 0) throw new UsageError('import-ptv needs --municipality CODE (e.g. --municipality 092 --municipality 245)');
  const out = options.out ?? ((text: string) => process.stdout.write(`${text}\n`));
  const { db, unlock } = await openWorkbenchDb(config);
  try {
    const outcome = await importPtvIntoDb(db, {
      source: createPtvV11Source({ baseUrl: config.ptvApi }),
      baseUrl: config.ptvApi,
      municipalities: config.ptvMunicipalities,
      by: 'command line',
      now: (options.now ?? (() => new Date()))(),
    });
    if (options.json) {
      out(JSON.stringify(outcome.summary));
      return;
    }
    const { summary } = outcome;
    out(`PTV import ${outcome.runId} from ${config.ptvApi} (${config.ptvMunicipalities.join(', ')}): ${summary.new} new, ${summary.changed} changed, ${summary.unchanged} unchanged, ${summary.skipped} skipped, ${outcome.gone.length} gone from PTV.`);
    for (const service of summary.services.filter((item) => item.status === 'skipped')) out(`  skipped ${service.ptvId} ${service.names.fi ?? service.names.sv ?? service.names.en ?? ''}: ${service.reason}`);
    out('Nothing is published until a maintainer accepts it under "Tuonnit" (/imports).');
  } finally {
    await db.close();
    unlock();
  }
}
