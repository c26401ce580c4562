/** The contacts a service shows now (its own or its organisation's). */
import { contactsOf, formatAddress } from '@jarjestoopas/utils/catalogue/contacts';
import type { Organisation, Service } from '@jarjestoopas/utils/catalogue/schema';
import { formatHours } from '@jarjestoopas/utils/hours/format';
import { html, type Raw } from './html';
import type { PageContext } from './layout';
import { verificationBadge } from './verification';

export function currentFacts(ctx: PageContext, service: Service, organisation: Organisation, today: string): Raw {
  const { t } = ctx.tr;
  const contacts = contactsOf(service, organisation);
  return html`<dl data-testid="current-facts">
<dt>${t('factPhones')}</dt><dd>${contacts.phones.length ? contacts.phones.map((p) => html`${p.display} (${p.number})${p.label ? ` – ${p.label}` : ''}<br>`) : '–'}</dd>
<dt>${t('factEmail')}</dt><dd>${contacts.email ?? '–'}</dd>
<dt>${t('factWebsite')}</dt><dd>${contacts.website ?? '–'}</dd>
<dt>${t('factAddresses')}</dt><dd>${contacts.addresses.length ? contacts.addresses.map((a) => html`${formatAddress(a)}<br>`) : '–'}</dd>
<dt>${t('factHours')}</dt><dd>${contacts.hours ? formatHours(contacts.hours, 'fi') : '–'}</dd>
<dt>${t('verifiedAt')}</dt><dd>${verificationBadge(ctx, service.verifiedAt, today)}</dd></dl>`;
}
