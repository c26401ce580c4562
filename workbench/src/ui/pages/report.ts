/** One report: the facts now, the suggestion, the form to fix them, and closing with a reply. */
import type { Organisation, Service } from '@jarjestoopas/utils/catalogue/schema';
import { REPLY_MAX } from '@jarjestoopas/utils/reports/answer';
import type { StoredRecord } from '../../store/records';
import type { StoredReport } from '../../store/reports';
import { contactForm, type EditFormValues, type FieldErrors } from '../contact-form';
import { currentFacts } from '../current-facts';
import { html, Raw } from '../html';
import { csrfField, layout, type PageContext } from '../layout';
import { reportSummary } from '../report-summary';
import { nurseCard } from '../nurse-card';
import { savePreview } from '../save-preview';

export function reportPage(
  ctx: PageContext,
  args: {
    report: StoredReport;
    service?: StoredRecord;
    organisation?: StoredRecord;
    values: EditFormValues;
    errors: FieldErrors;
    today: string;
    now: Date;
    flash?: string;
    /** A refused close: what was typed as the reply, and why it was refused. */
    refusedClose?: { reply: string; error: string };
    /** The service as the form would leave it (not saved): shown before and after. */
    preview?: Service;
  },
): string {
  const { t } = ctx.tr;
  const { report, today, now } = args;
  const service = args.service?.data as unknown as Service | undefined;
  const organisation = args.organisation?.data as unknown as Organisation | undefined;
  const here = `/reports/${report.id}`;
  return layout(
    ctx,
    t('reportTitle', report.body.serviceName),
    html`${args.flash ? html`<p class="flash" role="status">${args.flash}</p>` : ''}
<div class="columns">
<section aria-labelledby="h-current"><h2 id="h-current">${t('currentFacts')}</h2>
${service && organisation ? html`${currentFacts(ctx, service, organisation, today)}${args.preview ? '' : nurseCard(ctx, service, organisation, now)}` : ''}</section>
<section aria-labelledby="h-suggestion" class="suggestion"><h2 id="h-suggestion">${t('reportedSuggestion')}</h2>${reportSummary(ctx, report)}
${report.status !== 'open' ? html`<p role="status">${t('reportClosed', t(report.status === 'fixed' ? 'closeFixed' : 'closeNotAProblem'))}${report.reply ? ` – ${report.reply}` : ''}</p>` : ''}</section>
</div>
${service && organisation && args.preview ? savePreview(ctx, service, args.preview, organisation, now) : ''}
${service ? html`<section aria-labelledby="h-edit"><h2 id="h-edit">${t('editRecord')}</h2>
${contactForm(ctx, `/records/service/${service.id}`, 'service', args.values, args.errors, here)}</section>` : ''}
${report.status === 'open' ? html`<section aria-labelledby="h-close"><h2 id="h-close">${t('closeLegend')}</h2>
<form method="post" action="${here}/close">${csrfField(ctx)}
<fieldset><legend>${t('closeLegend')}</legend>
<input type="radio" id="close-fixed" name="status" value="fixed" checked> <label for="close-fixed">${t('closeFixed')}</label>
<input type="radio" id="close-np" name="status" value="not-a-problem"> <label for="close-np">${t('closeNotAProblem')}</label></fieldset>
<label for="reply">${t('reply')}</label>
<p class="hint" id="reply-hint">${t('replyHint', String(REPLY_MAX))}</p>
${args.refusedClose ? html`<p class="error" id="reply-error" role="alert">${args.refusedClose.error}</p>` : ''}
<textarea id="reply" name="reply" rows="3" maxlength="${String(REPLY_MAX)}" aria-describedby="reply-hint${args.refusedClose ? ' reply-error' : ''}"${new Raw(args.refusedClose ? ' aria-invalid="true"' : '')}>${args.refusedClose?.reply ?? ''}</textarea>
<button type="submit">${t('closeReport')}</button></form></section>` : ''}`,
  );
}
