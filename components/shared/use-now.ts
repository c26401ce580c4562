import { useEffect, useState } from 'react';
import { wallClock } from '@/utils/clock';

/**
 * "Now" for components: re-renders at each full minute, which is when a session can start or
 * end and when a note's date can change; the popup lives only while it is open.
 */
export function useNow(): Date {
  const [now, setNow] = useState(wallClock);
  useEffect(() => {
    const untilNextMinute = 60_000 - (now.getTime() % 60_000);
    const timer = setTimeout(() => setNow(wallClock()), untilNextMinute);
    return () => clearTimeout(timer);
  }, [now]);
  return now;
}
