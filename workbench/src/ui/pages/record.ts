/** A service or an organisation: its facts, the card, the contact form, ending, its history. */
import type { Organisation, Service } from '@jarjestoopas/utils/catalogue/schema';
import type { AuditEntry } from '../../store/audit';
import type { StoredRecord } from '../../store/records';
import { contactForm, type EditFormValues, type FieldErrors } from '../contact-form';
import { currentFacts } from '../current-facts';
import { historyTable } from '../history-table';
import { html } from '../html';
import { csrfField, day, layout, type PageContext } from '../layout';
import { nurseCard } from '../nurse-card';
import { savePreview } from '../save-preview';

export function recordPage(
  ctx: PageContext,
  args: {
    kind: 'service' | 'organisation';
    record: StoredRecord;
    organisation?: StoredRecord;
    values: EditFormValues;
    errors: FieldErrors;
    today: string;
    now: Date;
    flash?: string;
    history: AuditEntry[];
    /** The service as the form would leave it (not saved): shown before and after. */
    preview?: Service;
  },
): string {
  const { t } = ctx.tr;
  const service = args.kind === 'service' ? (args.record.data as unknown as Service) : undefined;
  const organisation = (args.kind === 'organisation' ? args.record.data : args.organisation?.data) as unknown as Organisation | undefined;
  const here = `/records/${args.kind}/${args.record.id}`;
  return layout(
    ctx,
    String(args.record.data.name ?? args.record.id),
    html`${args.flash ? html`<p class="flash" role="status">${args.flash}</p>` : ''}
${args.record.endedAt ? html`<p class="flash bad">${t('recordEnded', day(ctx, args.record.endedAt))}</p>` : ''}
${service && organisation ? html`<div class="columns"><div>${currentFacts(ctx, service, organisation, args.today)}</div><div>${args.preview ? '' : nurseCard(ctx, service, organisation, args.now)}</div></div>
${args.preview ? savePreview(ctx, service, args.preview, organisation, args.now) : ''}
<p><a href="/records/organisation/${organisation.id}">${t('editOrganisation')}: ${organisation.name}</a></p>` : ''}
<h2>${args.kind === 'service' ? t('editRecord') : t('editOrganisation')}</h2>
${contactForm(ctx, here, args.kind, args.values, args.errors, here)}
${args.kind === 'service' && !args.record.endedAt ? html`<form method="post" action="${here}/end">${csrfField(ctx)}<button class="secondary" type="submit">${t('endRecord')}</button></form>` : ''}
<h2>${t('historyTitle')}</h2>${historyTable(ctx, args.history)}`,
  );
}
