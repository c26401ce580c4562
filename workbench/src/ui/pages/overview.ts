/** Which services were verified, and how long ago. */
import type { Organisation, Service } from '@jarjestoopas/utils/catalogue/schema';
import { html } from '../html';
import { layout, type PageContext } from '../layout';
import { verificationBadge, type verificationStatus } from '../verification';

export function overviewPage(ctx: PageContext, rows: Array<{ service: Service; organisation?: Organisation; status: ReturnType<typeof verificationStatus> }>, today: string): string {
  const { t } = ctx.tr;
  const order = { never: 0, overdue: 1, warn: 2, ok: 3 } as const;
  const label = { never: 'neverVerified', overdue: 'overdue', warn: 'warn', ok: 'upToDate' } as const;
  const counts = { never: 0, overdue: 0, warn: 0, ok: 0 };
  for (const row of rows) counts[row.status] += 1;
  const sorted = [...rows].sort((a, b) => order[a.status] - order[b.status] || a.service.name.localeCompare(b.service.name, 'fi'));
  return layout(
    ctx,
    t('overviewTitle'),
    html`<p>${t('overviewIntro')}</p>
<ul data-testid="overview-counts">${(['never', 'overdue', 'warn', 'ok'] as const).map((key) => html`<li>${t(label[key])}: <strong>${counts[key]}</strong></li>`)}</ul>
<table><caption class="skip">${t('overviewTitle')}</caption><thead><tr><th scope="col">${t('service')}</th><th scope="col">${t('organisation')}</th><th scope="col">${t('verifiedAt')}</th></tr></thead>
<tbody>${sorted.map(
      (row) => html`<tr><td><a href="/records/service/${row.service.id}">${row.service.name}</a></td><td>${row.organisation?.name ?? ''}</td><td>${verificationBadge(ctx, row.service.verifiedAt, today)}</td></tr>`,
    )}</tbody></table>`,
  );
}
