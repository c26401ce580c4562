/**
 * The one place a page reads the wall clock. Components get "now" from useNow()
 * (components/shared/use-now.ts), never from `new Date()` (tests/unit/meta.test.ts), so the
 * time a page shows is the time it re-renders at; the background gets its clock as an adapter.
 */
export function wallClock(): Date {
  return new Date();
}
