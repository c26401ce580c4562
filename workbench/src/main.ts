#!/usr/bin/env node
/**
 * The production start: `node workbench/dist/main.js [--port P] [--data DIR] [--host H]
 * [--public-url URL]`, the same as the CLI's `serve` (config.ts lists the environment).
 * It does not import cli.ts, so that the bundle holds one entry point's start-up only.
 */
import { parseArgs } from 'node:util';
import '@jarjestoopas/utils/zod-messages';
import { serve } from './commands/serve';
import { CONFIG_FLAGS, loadConfig } from './config';
import { UsageError } from './usage-error';

try {
  const { values } = parseArgs({ options: CONFIG_FLAGS, strict: true });
  await serve(loadConfig(values));
} catch (error) {
  if (!(error instanceof UsageError || (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')))) throw error;
  console.error(`workbench: ${error.message}`);
  process.exit(2);
}
