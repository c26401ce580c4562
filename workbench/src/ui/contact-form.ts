/** The contact form shared by services and organisations: phones, e-mail, website, addresses, hours, and which facts were confirmed. */
import { html, Raw } from './html';
import { csrfField, type PageContext } from './layout';
import type { WorkbenchKey } from './messages';

export type FieldErrors = Record<string, string>;

function field(name: string, label: string, value: string | undefined, errors: FieldErrors, type = 'text', extra = ''): Raw {
  const id = `f-${name.replace(/\./g, '-')}`;
  const error = errors[name];
  return html`<label for="${id}">${label}</label>
<input id="${id}" name="${name}" type="${type}" value="${value ?? ''}"${new Raw(error ? ` aria-invalid="true" aria-describedby="${id}-error"` : '')}${new Raw(extra)}>
${error ? html`<span class="error" id="${id}-error">${error}</span>` : ''}`;
}

/** The contact facts that can be edited and confirmed; the same names for services and organisations. */
export const FACTS = ['phones', 'email', 'website', 'addresses', 'hours'] as const;
type Fact = (typeof FACTS)[number];
const FACT_LABEL: Record<Fact, WorkbenchKey> = { phones: 'factPhones', email: 'factEmail', website: 'factWebsite', addresses: 'factAddresses', hours: 'factHours' };

export interface EditFormValues {
  phones: Array<{ number: string; display: string; label: string }>;
  email: string;
  website: string;
  /** Street, postal code, city and label as typed; `undefined` when the form had no address rows. */
  addresses?: Array<{ street: string; postalCode: string; city: string; label: string }>;
  hours: string;
}

export function contactForm(
  ctx: PageContext,
  action: string,
  kind: 'service' | 'organisation',
  values: EditFormValues,
  errors: FieldErrors,
  returnTo: string,
): Raw {
  const { t } = ctx.tr;
  const rows = [...values.phones, { number: '', display: '', label: '' }];
  // One empty row more than there are addresses, like the phones: room for a new one.
  const addressRows = [...(values.addresses ?? []), { street: '', postalCode: '', city: '', label: '' }];
  return html`<form method="post" action="${action}" novalidate data-testid="edit-form">${csrfField(ctx)}
<input type="hidden" name="returnTo" value="${returnTo}">
${Object.keys(errors).length > 0 ? html`<p class="flash bad" role="alert">${t('fixErrors')}</p>` : ''}
${rows.map(
  (phone, index) => html`<fieldset><legend>${t('phoneRow', index + 1)}</legend><div class="phone-row">
<div>${field(`phones.${index}.number`, t('phoneNumber'), phone.number, errors, 'text', ' inputmode="tel"')}</div>
<div>${field(`phones.${index}.display`, t('phoneDisplay'), phone.display, errors)}</div>
<div>${field(`phones.${index}.label`, t('phoneLabel'), phone.label, errors)}</div></div></fieldset>`,
)}
${field('email', t('email'), values.email, errors, 'email')}
${field('website', t('website'), values.website, errors, 'url')}
${addressRows.map(
  (address, index) => html`<fieldset><legend>${t('addressRow', index + 1)}</legend><div class="phone-row">
<div>${field(`addresses.${index}.street`, t('addressStreet'), address.street, errors, 'text', ' autocomplete="off"')}</div>
<div>${field(`addresses.${index}.postalCode`, t('addressPostalCode'), address.postalCode, errors, 'text', ' inputmode="numeric" autocomplete="off"')}</div>
<div>${field(`addresses.${index}.city`, t('addressCity'), address.city, errors, 'text', ' autocomplete="off"')}</div>
<div>${field(`addresses.${index}.label`, t('addressLabel'), address.label, errors)}</div></div></fieldset>`,
)}
${kind === 'service' ? field('hours', t('hours'), values.hours, errors) : ''}
<fieldset><legend>${t('verifyLegend')}</legend><p class="hint" id="verify-hint">${t('verifyHint')}</p>
${FACTS.filter((fact) => kind === 'service' || fact !== 'hours').map(
  (fact) => html`<input type="checkbox" id="verify-${fact}" name="verify" value="${fact}" aria-describedby="verify-hint"> <label for="verify-${fact}">${t(FACT_LABEL[fact])}</label>`,
)}</fieldset>
<button type="submit">${t('save')}</button>
${kind === 'service' ? html`<button type="submit" class="secondary" formaction="${action}/preview">${t('previewButton')}</button>` : ''}</form>`;
}
