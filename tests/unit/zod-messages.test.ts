import { describe, expect, it } from 'vitest';
import { openPackedCatalogue } from '@/utils/catalogue/packed';

// The schemas are zod/mini, which loads no locale: the popup loads zod's English messages only
// when it has a catalogue problem to show (utils/catalogue/packed.ts). This file imports no
// classic zod (which would set them as a side effect), so it sees what the popup sees.
describe('zod messages', () => {
  it('a broken packed index is worded as before, in zod English', async () => {
    const state = await openPackedCatalogue({
      readIndex: async () => ({ format: 'jarjestoopas-packed-index', version: 1, serviceCount: 'many' }),
      readShard: async () => [],
    });
    expect(state.status).toBe('error');
    const problem = state.status === 'error' ? state.problems[0]! : '';
    expect(problem).toMatch(/^packed index: /);
    expect(problem).toContain('serviceCount: Invalid input: expected number, received string');
  });

  it('a record store that fails to read stays a catalogue problem, opened once', async () => {
    let reads = 0;
    const state = await openPackedCatalogue({
      readIndex: async () => {
        reads += 1;
        throw new Error('HTTP 404');
      },
      readShard: async () => [],
    });
    expect(state).toEqual({ status: 'error', problems: ['catalogue: HTTP 404'] });
    expect(reads).toBe(1);
  });
});
