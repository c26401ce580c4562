/** What a nurse reported, in a few lines. */
import type { StoredReport } from '../store/reports';
import { html, type Raw } from './html';
import { day, type PageContext } from './layout';

export function reportSummary(ctx: PageContext, report: StoredReport): Raw {
  const { t, ext } = ctx.tr;
  const body = report.body;
  return html`<dl>
<dt>${t('reportField')}</dt><dd>${ext(`reportField_${body.field}`)}</dd>
<dt>${t('suggestion')}</dt><dd data-testid="suggestion">${body.suggestion ?? t('noSuggestion')}</dd>
${body.comment ? html`<dt>${t('comment')}</dt><dd>${body.comment}</dd>` : ''}
<dt>${t('reportReceived', '')}</dt><dd>${day(ctx, report.receivedAt)} · ${body.region} r${body.catalogueRevision} · ${body.extensionVersion}</dd>
</dl>`;
}
