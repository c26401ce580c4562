import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** Zone → the minutes `Date#getTimezoneOffset` gives there on 1.7.2026 (proves the switch). */
const ZONES: Record<string, number> = {
  'America/Los_Angeles': 420,
  'Asia/Tokyo': -540,
  'Pacific/Kiritimati': -840,
  UTC: 0,
  'Europe/Helsinki': -180,
};

/**
 * Runs `body` once per process time zone (five, west to east of Helsinki and Helsinki itself).
 * Each block switches the process's own zone and first proves the switch took effect, so a
 * Helsinki-time test cannot pass by running in Helsinki (or UTC) only.
 */
export function inEachTimeZone(body: () => void): void {
  const originalTz = process.env.TZ;
  afterAll(() => {
    if (originalTz === undefined) delete process.env.TZ;
    else process.env.TZ = originalTz;
  });
  describe.each(Object.entries(ZONES))('in a browser whose own time zone is %s', (zone, julyOffset) => {
    beforeAll(() => {
      process.env.TZ = zone;
    });
    it('really runs in that zone', () => {
      expect(new Date('2026-07-01T12:00:00Z').getTimezoneOffset()).toBe(julyOffset);
    });
    body();
  });
}
