/** The editor's preview: what nurses see now and after the save, and what changes for them. */
import type { Organisation, Service } from '@jarjestoopas/utils/catalogue/schema';
import { contactChanges } from './contact-changes';
import { html, type Raw } from './html';
import type { PageContext } from './layout';
import type { WorkbenchKey } from './messages';
import { nurseCard } from './nurse-card';

const FACT_LABEL: Record<string, WorkbenchKey> = { phones: 'factPhones', email: 'factEmail', website: 'factWebsite', addresses: 'factAddresses', hours: 'factHours' };

export function savePreview(ctx: PageContext, before: Service, after: Service, organisation: Organisation, now: Date): Raw {
  const { t } = ctx.tr;
  const changes = contactChanges(before, after, organisation, ctx.tr);
  return html`<section aria-labelledby="h-preview" class="preview" data-testid="save-preview"><h2 id="h-preview">${t('previewTitle')}</h2>
<p role="status">${t('previewNotSaved')}</p>
${
  changes.length === 0
    ? html`<p data-testid="preview-changes">${t('previewNoChange')}</p>`
    : html`<p>${t('previewChanges')}</p><ul data-testid="preview-changes">${changes.map((change) => {
        const label = t(FACT_LABEL[change.fact]!);
        const text =
          change.after.length === 0
            ? t('changeRemoved', label, change.before.join(', '))
            : change.before.length === 0
              ? t('changeAdded', label, change.after.join(', '))
              : t('changeChanged', label, change.before.join(', '), change.after.join(', '));
        // What disappears from the nurse's card stands out: it is what a save most often breaks.
        return change.after.length === 0 ? html`<li class="change-removed">${text}</li>` : html`<li>${text}</li>`;
      })}</ul>`
}
<div class="columns"><div data-testid="preview-before">${nurseCard(ctx, before, organisation, now, t('previewBefore'), 'before')}</div>
<div data-testid="preview-after">${nurseCard(ctx, after, organisation, now, t('previewAfter'), 'after')}</div></div></section>`;
}
