/** `add-maintainer EMAIL`: the password from stdin (a pipe) or a prompt that echoes nothing. */
import { createInterface } from 'node:readline';
import { z } from 'zod';
import type { Config } from '../config';
import { hashPassword, MIN_PASSWORD_LENGTH } from '../passwords';
import * as store from '../store';
import { UsageError } from '../usage-error';
import { openWorkbenchDb } from '../workbench-db';

async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    let text = '';
    for await (const chunk of process.stdin) text += chunk;
    return text.split('\n')[0]!.replace(/\r$/, '');
  }
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  // Hide what is typed: echo nothing after the prompt (readline has no option for it).
  const output = rl as unknown as { _writeToOutput: (text: string) => void };
  process.stdout.write(`Password (at least ${MIN_PASSWORD_LENGTH} characters): `);
  output._writeToOutput = () => undefined;
  const password = await new Promise<string>((done) => rl.question('', done));
  rl.close();
  process.stdout.write('\n');
  return password;
}

export async function addMaintainer(config: Config, email: string | undefined): Promise<void> {
  if (!email || !z.email().safeParse(email).success) throw new UsageError('add-maintainer needs an e-mail address');
  const password = await readPassword();
  if (password.length < MIN_PASSWORD_LENGTH) throw new UsageError(`the password must be at least ${MIN_PASSWORD_LENGTH} characters`);
  const { db, unlock } = await openWorkbenchDb(config);
  try {
    await store.addMaintainer(db, email, await hashPassword(password));
    console.log(`Maintainer ${email.toLowerCase()} can now sign in.`);
  } finally {
    await db.close();
    unlock();
  }
}
