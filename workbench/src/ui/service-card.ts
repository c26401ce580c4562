/** The service as a nurse meets it, beside what the maintainer edits. */
import type { Organisation, Service } from '@jarjestoopas/utils/catalogue/schema';
import { mainContactOfService } from '@jarjestoopas/utils/handoff/main-contact';
import { formatOpenState } from '@jarjestoopas/utils/hours/format';
import { openState } from '@jarjestoopas/utils/hours/open-now';
import { formatReferralNote } from '@jarjestoopas/utils/referral/format-note';
import { html, type Raw } from './html';
import type { PageContext } from './layout';
import { verificationBadge } from './verification';

/** The service as a nurse meets it: name, organisation, the badge, and the note she copies. */
export function serviceCard(ctx: PageContext, service: Service, organisation: Organisation, today: string, now: Date): Raw {
  const note = formatReferralNote({ service, organisation, date: now, language: ctx.tr.language });
  // The result item's one contact line, as the popup's MainContactLine builds it (phone first, its state now).
  const main = mainContactOfService(service, organisation);
  const state = main?.kind === 'phone' && main.hours ? formatOpenState(openState(main.hours, now), ctx.tr.language) : null;
  return html`<div class="card" data-testid="nurse-card"><strong>${service.name}</strong> · ${organisation.name}<br>
<span data-testid="nurse-main-contact">${main ? html`${main.text}${state ? ` · ${state}` : ''}` : ctx.tr.ext('noContacts')}</span><br>
${verificationBadge(ctx, service.verifiedAt, today)}
<pre class="note" data-testid="nurse-note" aria-label="${ctx.tr.t('cardAsNursesSee')}">${note}</pre></div>`;
}
