/** "Tuonnit": PTV drafts by review state (new, changed, gone, done, skipped), one page at a time. */
import type { PtvImportRun, PtvServiceRow, ReviewPage, ReviewState } from '../../store/ptv-imports';
import { html } from '../html';
import { day, layout, type PageContext } from '../layout';
import type { WorkbenchKey } from '../messages';
import { fieldLabel } from '../ptv-values';

export const STATE_LABEL: Record<ReviewState, WorkbenchKey> = {
  new: 'importsNew',
  changed: 'importsChanged',
  gone: 'importsGone',
  done: 'importsDone',
  skipped: 'importsSkipped',
};

function lastRun(ctx: PageContext, run: PtvImportRun | undefined) {
  const { t } = ctx.tr;
  if (!run) return html`<p>${t('importsNoRuns')}</p>`;
  if (run.error) return html`<p class="flash bad">${t('importsFailedRun', day(ctx, run.startedAt), run.error)}</p>`;
  const s = run.summary ?? {};
  return html`<p data-testid="last-run">${t('importsLastRun', day(ctx, run.startedAt), s.new ?? 0, s.changed ?? 0, s.unchanged ?? 0, s.skipped ?? 0, s.gone ?? 0)}</p>`;
}

function what(ctx: PageContext, row: PtvServiceRow): string {
  if (row.review === 'skipped') return row.skipReason ?? '';
  return row.pending.map((item) => fieldLabel(ctx.tr.language, item.field)).join(', ');
}

export function importsPage(ctx: PageContext, args: { state: ReviewState; page: number; pageSize: number; list: ReviewPage; lastRun?: PtvImportRun; flash?: string }): string {
  const { t } = ctx.tr;
  const { state, page, list } = args;
  const pages = Math.max(1, Math.ceil(list.total / args.pageSize));
  const link = (to: number) => `/imports?state=${state}&page=${to}`;
  return layout(
    ctx,
    t('importsTitle'),
    html`${args.flash ? html`<p class="flash" role="status">${args.flash}</p>` : ''}
<p>${t('importsIntro')}</p>
${lastRun(ctx, args.lastRun)}
<nav aria-label="${t('importsTitle')}"><ul class="tabs">${(Object.keys(STATE_LABEL) as ReviewState[]).map(
      (key) => html`<li><a href="/imports?state=${key}"${key === state ? html` aria-current="page"` : ''}>${t(STATE_LABEL[key])} (${list.counts[key]})</a></li>`,
    )}</ul></nav>
${
  list.rows.length === 0
    ? html`<p>${t('importsEmpty')}</p>`
    : html`<table data-testid="imports-list"><caption>${t(STATE_LABEL[state])}: ${t('importsPage', page, pages)}</caption>
<thead><tr><th scope="col">${t('service')}</th><th scope="col">${t('organisation')}</th><th scope="col">${state === 'skipped' ? t('decision') : t('pendingFields')}</th><th scope="col">${t('importedAt')}</th></tr></thead>
<tbody>${list.rows.map(
        (row) => html`<tr><td><a href="/imports/ptv/${row.ptvId}">${row.name}</a></td><td>${row.organisationName}</td><td>${what(ctx, row)}</td><td>${day(ctx, row.importedAt)}</td></tr>`,
      )}</tbody></table>`
}
${pages > 1 ? html`<nav aria-label="${t('importsPage', page, pages)}"><ul class="tabs">
${page > 1 ? html`<li><a rel="prev" href="${link(page - 1)}">${t('previousPage')}</a></li>` : ''}
<li>${t('importsPage', page, pages)}</li>
${page < pages ? html`<li><a rel="next" href="${link(page + 1)}">${t('nextPage')}</a></li>` : ''}</ul></nav>` : ''}`,
  );
}
