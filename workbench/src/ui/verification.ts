/** How fresh a record's verification is, as a badge. */
import { formatIsoDay } from '@jarjestoopas/utils/i18n/dates';
import { html, type Raw } from './html';
import type { PageContext } from './layout';

export function verificationBadge(ctx: PageContext, verifiedAt: string | null, today: string): Raw {
  const { ext, t } = ctx.tr;
  const status = verificationStatus(verifiedAt, today);
  if (status === 'never') return html`<span class="badge never">${ext('unverified')}</span>`;
  const text = ext('verifiedBy', formatIsoDay(verifiedAt!, ctx.tr.language));
  return html`<span class="badge ${status}">${text}${status === 'ok' ? '' : ` – ${t(status === 'warn' ? 'warn' : 'overdue')}`}</span>`;
}

/** PTV's rule of thumb: confirm yearly; over 12 months warn, over 18 months overdue. */
export function verificationStatus(verifiedAt: string | null, today: string): 'never' | 'ok' | 'warn' | 'overdue' {
  if (!verifiedAt) return 'never';
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const monthsBack = (months: number) => new Date(Date.UTC(y, m - 1 - months, d)).toISOString().slice(0, 10);
  if (verifiedAt < monthsBack(18)) return 'overdue';
  if (verifiedAt < monthsBack(12)) return 'warn';
  return 'ok';
}
