/** The inbox: open reports grouped by service, each with the card nurses see. */
import type { Organisation, Service } from '@jarjestoopas/utils/catalogue/schema';
import type { StoredReport } from '../../store/reports';
import { html } from '../html';
import { day, layout, type PageContext } from '../layout';
import { reportSummary } from '../report-summary';
import { nurseCard } from '../nurse-card';

export interface InboxGroup {
  serviceId: string;
  service?: Service;
  organisation?: Organisation;
  reports: StoredReport[];
}

export function inboxPage(ctx: PageContext, groups: InboxGroup[], today: string, now: Date, flash?: string): string {
  const { t } = ctx.tr;
  const total = groups.reduce((sum, group) => sum + group.reports.length, 0);
  return layout(
    ctx,
    t('inboxTitle'),
    html`${flash ? html`<p class="flash" role="status">${flash}</p>` : ''}
<p>${total === 0 ? t('inboxEmpty') : t('inboxCount', total, groups.length)}</p>
${groups.map(
  (group) => html`<section class="group" aria-labelledby="g-${group.serviceId}" data-testid="inbox-group">
<h2 id="g-${group.serviceId}">${group.service?.name ?? group.reports[0]!.body.serviceName}</h2>
${group.service && group.organisation ? nurseCard(ctx, group.service, group.organisation, now) : ''}
<h3>${t('reportsForService')}</h3>
<ul>${group.reports.map(
    (report) => html`<li>${reportSummary(ctx, report)}<a href="/reports/${report.id}">${t('openReport')}<span class="skip"> – ${group.service?.name ?? ''} ${day(ctx, report.receivedAt)}</span></a></li>`,
  )}</ul></section>`,
)}`,
  );
}
