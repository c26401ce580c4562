/** `publish`: the current records → a signed revision + 1, from the command line. */
import { importBundledIfEmpty } from '../bundled-catalogue';
import type { Config } from '../config';
import { publish, PublishError } from '../publishing';
import { loadOrCreateKey } from '../signing-key';
import { UsageError } from '../usage-error';
import { openWorkbenchDb } from '../workbench-db';

export async function publishCommand(config: Config): Promise<void> {
  const { db, unlock } = await openWorkbenchDb(config);
  try {
    const key = await loadOrCreateKey(config, console.log);
    await importBundledIfEmpty(db);
    const result = await publish(db, { key, actor: 'command line' });
    console.log(`Published revision ${result.revision}: ${result.services} services, ${result.bytes} bytes, signed by key ${key.keyId} in ${result.ms.toFixed(0)} ms`);
  } catch (error) {
    if (error instanceof PublishError) throw new UsageError(error.message);
    throw error;
  } finally {
    await db.close();
    unlock();
  }
}
