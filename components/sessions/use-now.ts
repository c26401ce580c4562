import { createContext, useContext, useEffect, useState } from 'react';

/**
 * The popup's clock, injected: components read "now" from here, never from `new Date()`
 * directly, so a test (or a demo) can set the time. Re-renders at each full minute, which
 * is when a session can start or end; the popup lives only while it is open.
 */
export const ClockContext = createContext<() => Date>(() => new Date());

export function useNow(): Date {
  const clock = useContext(ClockContext);
  const [now, setNow] = useState(clock);
  useEffect(() => {
    const untilNextMinute = 60_000 - (now.getTime() % 60_000);
    const timer = setTimeout(() => setNow(clock()), untilNextMinute);
    return () => clearTimeout(timer);
  }, [now, clock]);
  return now;
}
