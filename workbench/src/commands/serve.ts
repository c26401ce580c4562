/** `serve` (the default command, and dist/main.js): open the database, import and publish on a first start, listen. */
import { join } from 'node:path';
import { buildApp } from '../app';
import { importBundledIfEmpty } from '../bundled-catalogue';
import type { Config } from '../config';
import { feedNamesAPerson, latestFeed } from '../store/feed-revisions';
import { createPtvV11Source } from '../ptv/client/v11';
import { importPtvIntoDb } from '../ptv-import/run';
import { startDailySchedule, type DailySchedule } from '../ptv-import/schedule';
import { publish } from '../publishing';
import { loadOrCreateKey } from '../signing-key';
import * as store from '../store';
import { UsageError } from '../usage-error';
import { openWorkbenchDb } from '../workbench-db';

export async function serve(config: Config, log: (line: string) => void = console.log): Promise<void> {
  if (config.ptvDailyAt && config.ptvMunicipalities.length === 0) {
    throw new UsageError('--ptv-daily-at (WORKBENCH_PTV_DAILY_AT) needs the municipalities: --municipality 092 or WORKBENCH_PTV_MUNICIPALITIES=092,245');
  }
  // The key first: production without its key file stops before the database is touched.
  const key = await loadOrCreateKey(config, log);
  const { db, unlock } = await openWorkbenchDb(config);
  const imported = await importBundledIfEmpty(db);
  // Listen first (port 0 picks a free one), then the public URL is known.
  let publicUrl = config.publicUrl ?? '';
  const app = await buildApp({ db, key, publicUrl: () => publicUrl, trustProxy: config.trustProxy, verifiedBy: config.verifiedBy });
  const address = await app.listen({ port: config.port, host: config.host });
  publicUrl = config.publicUrl ?? address.replace(/\/$/, '');
  await store.pointReportsAt(db, `${publicUrl}/api/reports`);
  if (imported) {
    const first = await publish(db, { key, actor: 'start' });
    log(`Imported data/catalogue.json and published it as revision ${first.revision}.`);
  } else if (!(await latestFeed(db))) {
    await publish(db, { key, actor: 'start' });
  } else if (await feedNamesAPerson(db)) {
    // Published before the M3 fix (migration 003 renamed the records): replace it now.
    const fixed = await publish(db, { key, actor: 'start' });
    log(`Republished as revision ${fixed.revision}: the feed named a maintainer's e-mail as verifiedBy.`);
  }
  const maintainers = await store.countMaintainers(db);
  log(`Järjestöopas workbench on ${publicUrl}/  (database: ${db.kind === 'pglite' ? `PGlite in ${join(config.dataDir, 'pgdata')}` : 'PostgreSQL (DATABASE_URL)'})`);
  log(`Feed: ${publicUrl}/feed/catalogue.json (+ .sig), public key ${key.publicKey}`);
  log(`Reports: POST ${publicUrl}/api/reports`);
  log(
    maintainers > 0
      ? `Sign in at ${publicUrl}/login with a maintainer's e-mail and password.`
      : `No maintainers yet: stop (Ctrl+C) and run \`npm run workbench -- add-maintainer you@example.fi --data ${config.dataDir}\`, then start again and sign in at ${publicUrl}/login.`,
  );
  let schedule: DailySchedule | undefined;
  if (config.ptvDailyAt) {
    const { ptvApi, ptvMunicipalities } = config;
    schedule = startDailySchedule({
      at: config.ptvDailyAt,
      log,
      run: async () => {
        const outcome = await importPtvIntoDb(db, { source: createPtvV11Source({ baseUrl: ptvApi }), baseUrl: ptvApi, municipalities: ptvMunicipalities, by: 'schedule', now: new Date() });
        const { summary } = outcome;
        log(`Scheduled PTV import ${outcome.runId}: ${summary.new} new, ${summary.changed} changed, ${summary.unchanged} unchanged, ${summary.skipped} skipped, ${outcome.gone.length} gone.`);
      },
    });
    log(`Daily PTV import at ${config.ptvDailyAt} (Helsinki) of ${ptvMunicipalities.join(', ')} from ${ptvApi}; next ${schedule.next().toISOString()}`);
  }
  const stop = async () => {
    schedule?.stop();
    await app.close();
    await db.close();
    unlock();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
