/**
 * What screenshots of the popup showed going wrong, as a check both browsers' drivers can run
 * in the page (a self-contained function: Playwright and puppeteer serialise it).
 */
export interface LayoutProblems {
  horizontalOverflow: number;
  clipped: string[];
}

export const NO_LAYOUT_PROBLEMS: LayoutProblems = { horizontalOverflow: 0, clipped: [] };

/** Text that does not fit its box (cut off or overflowing), and page-wide sideways scroll. */
export function findLayoutProblems(): LayoutProblems {
  const clipped: string[] = [];
  const candidates = document.querySelectorAll<HTMLElement>('h1, h2, p, a, button, label, select, .badge, [role="status"]');
  for (const element of candidates) {
    if (element.offsetParent === null) continue;
    const text = (element.textContent ?? '').trim().slice(0, 60);
    if (element.scrollWidth > element.clientWidth + 1 && getComputedStyle(element).overflowX !== 'visible') {
      clipped.push(`${element.tagName.toLowerCase()}: ${text}`);
    }
    if (element.getBoundingClientRect().right > document.documentElement.clientWidth + 1) {
      clipped.push(`off-screen ${element.tagName.toLowerCase()}: ${text}`);
    }
  }
  return { horizontalOverflow: document.documentElement.scrollWidth - document.documentElement.clientWidth, clipped };
}

/** How many result items are wholly inside both the window and the scrolling results area. */
export function countWhollyVisible(): number {
  const area = document.querySelector('.results-area');
  if (!area) return 0;
  const box = area.getBoundingClientRect();
  const top = Math.max(box.top, 0);
  const bottom = Math.min(box.bottom, window.innerHeight);
  return [...document.querySelectorAll('ul.results > li')].filter((item) => {
    const rect = item.getBoundingClientRect();
    return rect.height > 0 && rect.top >= top - 0.5 && rect.bottom <= bottom + 0.5;
  }).length;
}
