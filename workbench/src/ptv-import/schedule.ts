/**
 * The daily PTV import inside the server process: a timer set for the next HH:MM in Helsinki
 * (daylight saving included), run, set again. Off unless configured (WORKBENCH_PTV_DAILY_AT).
 * The clock and the timer are injected so a test can make a day pass at once.
 */

export interface ScheduleClock {
  now(): Date;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const systemClock: ScheduleClock = {
  now: () => new Date(),
  setTimeout: (run, ms) => {
    const handle = setTimeout(run, ms);
    // A waiting import must not keep a stopping process alive.
    handle.unref();
    return handle;
  },
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/** Helsinki's offset from UTC at an instant, in minutes (120 in winter, 180 in summer). */
function helsinkiOffsetMinutes(at: Date): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Helsinki', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' })
      .formatToParts(at)
      .map((part) => [part.type, part.value]),
  );
  const wall = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute));
  return Math.round((wall - Math.floor(at.getTime() / 60_000) * 60_000) / 60_000);
}

/** The instant of a Helsinki wall-clock time on a Helsinki calendar day. */
function helsinkiInstant(year: number, month: number, day: number, hour: number, minute: number): Date {
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  let instant = wall - helsinkiOffsetMinutes(new Date(wall)) * 60_000;
  // Once more with the offset at the found instant (the guess may sit across a DST change).
  instant = wall - helsinkiOffsetMinutes(new Date(instant)) * 60_000;
  return new Date(instant);
}

/** The next instant (strictly after `now`) when Helsinki's clock shows `at` ("03:30"). */
export function nextDailyRun(at: string, now: Date): Date {
  const [hour, minute] = at.split(':').map(Number) as [number, number];
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Helsinki', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  const [year, month, day] = today.split('-').map(Number) as [number, number, number];
  for (let plus = 0; plus <= 2; plus += 1) {
    const candidate = helsinkiInstant(year, month, day + plus, hour, minute);
    if (candidate.getTime() > now.getTime()) return candidate;
  }
  throw new Error(`no next run for ${at}`);
}

export interface DailySchedule {
  /** When the timer fires next. */
  next(): Date;
  stop(): void;
}

/** Runs `run` every day at `at` (Helsinki). A run that fails is logged; the next day comes anyway. */
export function startDailySchedule(options: { at: string; run: () => Promise<void>; clock?: ScheduleClock; log?: (line: string) => void }): DailySchedule {
  const clock = options.clock ?? systemClock;
  const log = options.log ?? console.log;
  let handle: unknown;
  let due = nextDailyRun(options.at, clock.now());
  let stopped = false;

  const arm = () => {
    due = nextDailyRun(options.at, clock.now());
    handle = clock.setTimeout(fire, Math.max(0, due.getTime() - clock.now().getTime()));
  };
  const fire = () => {
    options
      .run()
      .catch((error: unknown) => log(`scheduled PTV import failed: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => {
        if (!stopped) arm();
      });
  };
  arm();
  return {
    next: () => due,
    stop: () => {
      stopped = true;
      clock.clearTimeout(handle);
    },
  };
}
