/** Today in Helsinki as YYYY-MM-DD: what "verified today" means to a maintainer in Vantaa. */
export function helsinkiToday(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Helsinki', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
