/**
 * The popup's startup, marked on the page's performance timeline (ms from navigation start)
 * so that the benchmark can say where the time goes: modules evaluated, index read, index
 * open, React's first render, first shard. Each mark once per page; nothing leaves the page.
 */
export type StartupMark = 'modules-evaluated' | 'index-read' | 'index-open' | 'first-render' | 'search-ready' | 'first-shard';

const marked = new Set<StartupMark>();

export function markStartup(name: StartupMark): void {
  if (marked.has(name)) return;
  marked.add(name);
  performance.mark(`jo:${name}`);
}
