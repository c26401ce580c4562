import { createContext, useContext, useEffect, useState } from 'react';
import { wallClock } from '@/utils/clock';

/**
 * A fixed "now" for a page rendered once, on a server (the workbench shows the card as nurses
 * see it at the server's clock, `config.now()`): when given, components read it instead of the
 * wall clock, and nothing ticks.
 */
export const FixedNowContext = createContext<Date | null>(null);

/**
 * "Now" for components: re-renders at each full minute, which is when a session can start or
 * end and when a note's date can change; the popup lives only while it is open.
 */
export function useNow(): Date {
  const fixed = useContext(FixedNowContext);
  const [now, setNow] = useState(() => fixed ?? wallClock());
  useEffect(() => {
    if (fixed) return undefined;
    const untilNextMinute = 60_000 - (now.getTime() % 60_000);
    const timer = setTimeout(() => setNow(wallClock()), untilNextMinute);
    return () => clearTimeout(timer);
  }, [now, fixed]);
  return fixed ?? now;
}
