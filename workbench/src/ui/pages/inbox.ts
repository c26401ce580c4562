/**
 * The inbox: one page of reports (newest first, 50 a page, filtered by state and service),
 * grouped by service with the card nurses see; each can be selected, and a page's selection or
 * every waiting report of the filter closed at once (audit L3: the public intake can flood it).
 */
import type { Organisation, Service } from '@jarjestoopas/utils/catalogue/schema';
import { REPLY_MAX } from '@jarjestoopas/utils/reports/answer';
import type { ReportFilter, StoredReport } from '../../store/reports';
import { html } from '../html';
import { csrfField, day, layout, type PageContext } from '../layout';
import { reportSummary } from '../report-summary';
import { nurseCard } from '../nurse-card';

export interface InboxGroup {
  serviceId: string;
  service?: Service;
  organisation?: Organisation;
  reports: StoredReport[];
}

export interface InboxView {
  groups: InboxGroup[];
  filter: ReportFilter;
  total: number;
  page: number;
  pages: number;
}

export const INBOX_STATES = ['open', 'fixed', 'not-a-problem', 'all'] as const;

/** The inbox's own address for a filter and page. */
export function inboxHref(filter: ReportFilter, page: number): string {
  const query = new URLSearchParams({ state: filter.state, ...(filter.serviceId ? { service: filter.serviceId } : {}), page: String(page) });
  return `/?${query}`;
}

export function inboxPage(ctx: PageContext, view: InboxView, today: string, now: Date, flash?: string): string {
  const { t } = ctx.tr;
  const { groups, filter, total, page, pages } = view;
  const stateLabel = { open: t('stateOpen'), fixed: t('stateFixed'), 'not-a-problem': t('stateNotAProblem'), all: t('stateAll') };
  const closable = filter.state === 'open' || filter.state === 'all';
  return layout(
    ctx,
    t('inboxTitle'),
    html`${flash ? html`<p class="flash" role="status">${flash}</p>` : ''}
<form method="get" action="/" class="filters"><fieldset><legend>${t('stateLegend')}</legend>
${INBOX_STATES.map((state) => html`<input type="radio" id="state-${state}" name="state" value="${state}"${state === filter.state ? ' checked' : ''}> <label for="state-${state}">${stateLabel[state]}</label> `)}
</fieldset>
<label for="filter-service">${t('filterService')}</label> <input id="filter-service" name="service" value="${filter.serviceId ?? ''}">
<button type="submit" class="secondary">${t('filterApply')}</button></form>
<p>${total === 0 ? t('inboxEmpty') : t('inboxPageOf', total, page, pages)}</p>
${closable && total > 0
  ? html`<form method="post" action="/reports/close-many" id="bulk" data-testid="bulk-close">${csrfField(ctx)}
<input type="hidden" name="state" value="${filter.state}"><input type="hidden" name="service" value="${filter.serviceId ?? ''}">
<fieldset><legend>${t('bulkLegend')}</legend>
<input type="radio" id="bulk-np" name="status" value="not-a-problem" checked> <label for="bulk-np">${t('closeNotAProblem')}</label>
<input type="radio" id="bulk-fixed" name="status" value="fixed"> <label for="bulk-fixed">${t('closeFixed')}</label>
<label for="bulk-reply">${t('reply')}</label><textarea id="bulk-reply" name="reply" rows="2" maxlength="${String(REPLY_MAX)}"></textarea>
<button type="submit" name="matching" value="selected">${t('closeSelected')}</button>
<button type="submit" name="matching" value="all" class="secondary">${t('closeAllMatching', total)}</button></fieldset></form>`
  : ''}
${groups.map(
  (group) => html`<section class="group" aria-labelledby="g-${group.serviceId}" data-testid="inbox-group">
<h2 id="g-${group.serviceId}">${group.service?.name ?? group.reports[0]!.body.serviceName}</h2>
${group.service && group.organisation ? nurseCard(ctx, group.service, group.organisation, now) : ''}
<h3>${t('reportsForService')}</h3>
<ul>${group.reports.map(
    (report) => html`<li>${closable && report.status === 'open' ? html`<input type="checkbox" form="bulk" name="ids" value="${report.id}" id="pick-${report.id}"> <label for="pick-${report.id}" class="skip">${t('selectReport', `${group.service?.name ?? ''} ${day(ctx, report.receivedAt)}`)}</label>` : ''}${reportSummary(ctx, report)}<a href="/reports/${report.id}">${t('openReport')}<span class="skip"> – ${group.service?.name ?? ''} ${day(ctx, report.receivedAt)}</span></a></li>`,
  )}</ul></section>`,
)}
${pages > 1
  ? html`<nav aria-label="${t('pagesLabel')}" class="pages">${page > 1 ? html`<a href="${inboxHref(filter, page - 1)}" rel="prev">${t('pageNewer')}</a> ` : ''}${page < pages ? html`<a href="${inboxHref(filter, page + 1)}" rel="next">${t('pageOlder')}</a>` : ''}</nav>`
  : ''}`,
  );
}
