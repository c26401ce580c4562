/**
 * What a service's record itself holds (what the contact form edits), and for each kind it has
 * none of, that nurses see its organisation's instead (the per-kind rule, contactsOf).
 */
import { contactsOf, formatAddress, type ContactKind } from '@jarjestoopas/utils/catalogue/contacts';
import type { Organisation, Service } from '@jarjestoopas/utils/catalogue/schema';
import { formatHours } from '@jarjestoopas/utils/hours/format';
import { html, type Raw } from './html';
import type { PageContext } from './layout';
import { verificationBadge } from './verification';

export function currentFacts(ctx: PageContext, service: Service, organisation: Organisation, today: string): Raw {
  const { t } = ctx.tr;
  const borrowed = contactsOf(service, organisation).fromOrganisation;
  const none = (kind: ContactKind) => (borrowed.includes(kind) ? html`– <span class="hint">(${t('factFromOrganisation')})</span>` : '–');
  return html`<dl data-testid="current-facts">
<dt>${t('factPhones')}</dt><dd>${service.phones.length ? service.phones.map((p) => html`${p.display} (${p.number})${p.label ? ` – ${p.label}` : ''}<br>`) : none('phones')}</dd>
<dt>${t('factEmail')}</dt><dd>${service.email ?? none('email')}</dd>
<dt>${t('factWebsite')}</dt><dd>${service.website ?? none('website')}</dd>
<dt>${t('factAddresses')}</dt><dd>${service.addresses.length ? service.addresses.map((a) => html`${formatAddress(a)}<br>`) : none('addresses')}</dd>
<dt>${t('factHours')}</dt><dd>${service.hours ? formatHours(service.hours, ctx.tr.language) : '–'}</dd>
<dt>${t('verifiedAt')}</dt><dd>${verificationBadge(ctx, service.verifiedAt, today)}</dd></dl>`;
}
