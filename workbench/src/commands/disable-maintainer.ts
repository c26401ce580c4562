/** `disable-maintainer EMAIL`: that person cannot sign in again, and their sign-ins end now. */
import type { Config } from '../config';
import * as store from '../store';
import { UsageError } from '../usage-error';
import { openWorkbenchDb } from '../workbench-db';

export async function disableMaintainer(config: Config, email: string | undefined): Promise<void> {
  if (!email) throw new UsageError('disable-maintainer needs the e-mail address of a maintainer');
  const { db, unlock } = await openWorkbenchDb(config);
  try {
    const ended = await store.disableMaintainer(db, email);
    if (ended === undefined) throw new UsageError(`no maintainer ${email.toLowerCase()}`);
    console.log(`Maintainer ${email.toLowerCase()} is disabled: ${ended} sign-in${ended === 1 ? '' : 's'} ended; they cannot sign in again (add-maintainer sets a new password and enables them).`);
  } finally {
    await db.close();
    unlock();
  }
}
