/**
 * Server-rendered pages: plain template functions, no script. Every form carries the session's
 * CSRF token; every input has a label; errors sit next to their field (aria-describedby).
 */
import { formatHours, formatOpenState } from '@jarjestoopas/utils/hours/format';
import { contactsOf, formatAddress } from '@jarjestoopas/utils/catalogue/contacts';
import type { Organisation, Service } from '@jarjestoopas/utils/catalogue/schema';
import { formatClock, formatDay, formatIsoDay } from '@jarjestoopas/utils/i18n/dates';
import { formatReferralNote } from '@jarjestoopas/utils/referral/format-note';
import { mainContactOfService } from '@jarjestoopas/utils/handoff/main-contact';
import { openState } from '@jarjestoopas/utils/hours/open-now';
import type { AuditEntry, StoredRecord, StoredReport } from '../store';
import type { FeedRevision } from '../feed';
import { html, Raw } from './html';
import type { Translator, WorkbenchKey } from './messages';

export interface PageContext {
  tr: Translator;
  user?: { email: string; csrfToken: string };
  path: string;
}

const NAV: Array<[string, WorkbenchKey]> = [
  ['/', 'navInbox'],
  ['/overview', 'navOverview'],
  ['/sessions', 'navSessions'],
  ['/publish', 'navPublish'],
  ['/history', 'navHistory'],
];

export const csrfField = (ctx: PageContext) => html`<input type="hidden" name="_csrf" value="${ctx.user?.csrfToken ?? ''}">`;

export function layout(ctx: PageContext, title: string, body: Raw): string {
  const { t, language } = ctx.tr;
  return `<!doctype html>${html`<html lang="${language}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} – ${t('appName')}</title><link rel="stylesheet" href="/static/workbench.css"></head>
<body><a class="skip" href="#main">${t('skipToContent')}</a>
<header class="top"><strong>${t('appName')}</strong>
${
  ctx.user
    ? html`<nav aria-label="${t('appName')}"><ul>${NAV.map(
        ([href, key]) => html`<li><a href="${href}"${new Raw(ctx.path === href ? ' aria-current="page"' : '')}>${t(key)}</a></li>`,
      )}</ul></nav>
<span class="who">${t('signedInAs', ctx.user.email)}</span>
<form method="post" action="/logout">${csrfField(ctx)}<button class="secondary" type="submit">${t('signOut')}</button></form>`
    : ''
}</header>
<main id="main" tabindex="-1"><h1>${title}</h1>${body}</main></body></html>`}`;
}

export function loginPage(ctx: PageContext, { error, next, email }: { error?: string; next?: string; email?: string }): string {
  const { t } = ctx.tr;
  return layout(
    ctx,
    t('loginTitle'),
    html`${error ? html`<p class="flash bad" role="alert">${error}</p>` : ''}
<form method="post" action="/login">
<input type="hidden" name="next" value="${next ?? '/'}">
<label for="email">${t('email')}</label><input id="email" name="email" type="email" autocomplete="username" required value="${email ?? ''}">
<label for="password">${t('password')}</label><input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">${t('signIn')}</button></form>`,
  );
}

const day = (ctx: PageContext, date: Date) => `${formatDay(date, ctx.tr.language)} ${formatClock(date, ctx.tr.language)}`;

export function verificationBadge(ctx: PageContext, verifiedAt: string | null, today: string): Raw {
  const { ext, t } = ctx.tr;
  const status = verificationStatus(verifiedAt, today);
  if (status === 'never') return html`<span class="badge never">${ext('unverified')}</span>`;
  const text = ext('verifiedBy', formatIsoDay(verifiedAt!, ctx.tr.language));
  return html`<span class="badge ${status}">${text}${status === 'ok' ? '' : ` – ${t(status === 'warn' ? 'warn' : 'overdue')}`}</span>`;
}

/** PTV's rule of thumb: confirm yearly; over 12 months warn, over 18 months overdue. */
export function verificationStatus(verifiedAt: string | null, today: string): 'never' | 'ok' | 'warn' | 'overdue' {
  if (!verifiedAt) return 'never';
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const monthsBack = (months: number) => new Date(Date.UTC(y, m - 1 - months, d)).toISOString().slice(0, 10);
  if (verifiedAt < monthsBack(18)) return 'overdue';
  if (verifiedAt < monthsBack(12)) return 'warn';
  return 'ok';
}

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

function reportSummary(ctx: PageContext, report: StoredReport): Raw {
  const { t, ext } = ctx.tr;
  const body = report.body;
  return html`<dl>
<dt>${t('reportField')}</dt><dd>${ext(`reportField_${body.field}`)}</dd>
<dt>${t('suggestion')}</dt><dd data-testid="suggestion">${body.suggestion ?? t('noSuggestion')}</dd>
${body.comment ? html`<dt>${t('comment')}</dt><dd>${body.comment}</dd>` : ''}
<dt>${t('reportReceived', '')}</dt><dd>${day(ctx, report.receivedAt)} · ${body.region} r${body.catalogueRevision} · ${body.extensionVersion}</dd>
</dl>`;
}

export interface InboxGroup {
  serviceId: string;
  service?: Service;
  organisation?: Organisation;
  reports: StoredReport[];
}

export function inboxPage(ctx: PageContext, groups: InboxGroup[], today: string, now: Date, flash?: string): string {
  const { t } = ctx.tr;
  const total = groups.reduce((sum, group) => sum + group.reports.length, 0);
  return layout(
    ctx,
    t('inboxTitle'),
    html`${flash ? html`<p class="flash" role="status">${flash}</p>` : ''}
<p>${total === 0 ? t('inboxEmpty') : t('inboxCount', total, groups.length)}</p>
${groups.map(
  (group) => html`<section class="group" aria-labelledby="g-${group.serviceId}" data-testid="inbox-group">
<h2 id="g-${group.serviceId}">${group.service?.name ?? group.reports[0]!.body.serviceName}</h2>
${group.service && group.organisation ? serviceCard(ctx, group.service, group.organisation, today, now) : ''}
<h3>${t('reportsForService')}</h3>
<ul>${group.reports.map(
    (report) => html`<li>${reportSummary(ctx, report)}<a href="/reports/${report.id}">${t('openReport')}<span class="skip"> – ${group.service?.name ?? ''} ${day(ctx, report.receivedAt)}</span></a></li>`,
  )}</ul></section>`,
)}`,
  );
}

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
export type Fact = (typeof FACTS)[number];
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
<button type="submit">${t('save')}</button></form>`;
}

function currentFacts(ctx: PageContext, service: Service, organisation: Organisation, today: string): Raw {
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
${service && organisation ? html`${currentFacts(ctx, service, organisation, today)}${serviceCard(ctx, service, organisation, today, now)}` : ''}</section>
<section aria-labelledby="h-suggestion" class="suggestion"><h2 id="h-suggestion">${t('reportedSuggestion')}</h2>${reportSummary(ctx, report)}
${report.status !== 'open' ? html`<p role="status">${t('reportClosed', t(report.status === 'fixed' ? 'closeFixed' : 'closeNotAProblem'))}${report.reply ? ` – ${report.reply}` : ''}</p>` : ''}</section>
</div>
${service ? html`<section aria-labelledby="h-edit"><h2 id="h-edit">${t('editRecord')}</h2>
${contactForm(ctx, `/records/service/${service.id}`, 'service', args.values, args.errors, here)}</section>` : ''}
${report.status === 'open' ? html`<section aria-labelledby="h-close"><h2 id="h-close">${t('closeLegend')}</h2>
<form method="post" action="${here}/close">${csrfField(ctx)}
<fieldset><legend>${t('closeLegend')}</legend>
<input type="radio" id="close-fixed" name="status" value="fixed" checked> <label for="close-fixed">${t('closeFixed')}</label>
<input type="radio" id="close-np" name="status" value="not-a-problem"> <label for="close-np">${t('closeNotAProblem')}</label></fieldset>
<label for="reply">${t('reply')}</label><textarea id="reply" name="reply" rows="3" maxlength="2000"></textarea>
<button type="submit">${t('closeReport')}</button></form></section>` : ''}`,
  );
}

export function overviewPage(ctx: PageContext, rows: Array<{ service: Service; organisation?: Organisation; status: ReturnType<typeof verificationStatus> }>, today: string): string {
  const { t } = ctx.tr;
  const order = { never: 0, overdue: 1, warn: 2, ok: 3 } as const;
  const label = { never: 'neverVerified', overdue: 'overdue', warn: 'warn', ok: 'upToDate' } as const;
  const counts = { never: 0, overdue: 0, warn: 0, ok: 0 };
  for (const row of rows) counts[row.status] += 1;
  const sorted = [...rows].sort((a, b) => order[a.status] - order[b.status] || a.service.name.localeCompare(b.service.name, 'fi'));
  return layout(
    ctx,
    t('overviewTitle'),
    html`<p>${t('overviewIntro')}</p>
<ul data-testid="overview-counts">${(['never', 'overdue', 'warn', 'ok'] as const).map((key) => html`<li>${t(label[key])}: <strong>${counts[key]}</strong></li>`)}</ul>
<table><caption class="skip">${t('overviewTitle')}</caption><thead><tr><th scope="col">${t('service')}</th><th scope="col">${t('organisation')}</th><th scope="col">${t('verifiedAt')}</th></tr></thead>
<tbody>${sorted.map(
      (row) => html`<tr><td><a href="/records/service/${row.service.id}">${row.service.name}</a></td><td>${row.organisation?.name ?? ''}</td><td>${verificationBadge(ctx, row.service.verifiedAt, today)}</td></tr>`,
    )}</tbody></table>`,
  );
}

export function recordPage(
  ctx: PageContext,
  args: { kind: 'service' | 'organisation'; record: StoredRecord; organisation?: StoredRecord; values: EditFormValues; errors: FieldErrors; today: string; now: Date; flash?: string; history: AuditEntry[] },
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
${service && organisation ? html`<div class="columns"><div>${currentFacts(ctx, service, organisation, args.today)}</div><div>${serviceCard(ctx, service, organisation, args.today, args.now)}</div></div>
<p><a href="/records/organisation/${organisation.id}">${t('editOrganisation')}: ${organisation.name}</a></p>` : ''}
<h2>${args.kind === 'service' ? t('editRecord') : t('editOrganisation')}</h2>
${contactForm(ctx, here, args.kind, args.values, args.errors, here)}
${args.kind === 'service' && !args.record.endedAt ? html`<form method="post" action="${here}/end">${csrfField(ctx)}<button class="secondary" type="submit">${t('endRecord')}</button></form>` : ''}
<h2>${t('historyTitle')}</h2>${historyTable(ctx, args.history)}`,
  );
}

function historyTable(ctx: PageContext, entries: AuditEntry[]): Raw {
  const { t } = ctx.tr;
  const show = (value: unknown) => (value === null || value === undefined ? '–' : JSON.stringify(value, null, 1).slice(0, 1500));
  return html`<table><thead><tr><th scope="col">${t('when')}</th><th scope="col">${t('who')}</th><th scope="col">${t('what')}</th><th scope="col">${t('before')}</th><th scope="col">${t('after')}</th></tr></thead>
<tbody>${entries.map(
    (entry) => html`<tr><td>${day(ctx, entry.at)}</td><td>${entry.actor}</td><td>${entry.action} ${entry.kind} ${entry.recordId}</td><td><pre class="diff">${show(entry.before)}</pre></td><td><pre class="diff">${show(entry.after)}</pre></td></tr>`,
  )}</tbody></table>`;
}

export function historyPage(ctx: PageContext, entries: AuditEntry[]): string {
  return layout(ctx, ctx.tr.t('historyTitle'), historyTable(ctx, entries));
}

export function publishPage(
  ctx: PageContext,
  args: { revisions: Array<Omit<FeedRevision, 'catalogue' | 'signature'>>; feedUrl: string; reportUrl: string; publicKey: string; flash?: string; problems?: string[] },
): string {
  const { t } = ctx.tr;
  return layout(
    ctx,
    t('publishTitle'),
    html`${args.flash ? html`<p class="flash" role="status">${args.flash}</p>` : ''}
${args.problems ? html`<div class="flash bad" role="alert"><p>${t('publishFailed')}</p><ul>${args.problems.map((p) => html`<li>${p}</li>`)}</ul></div>` : ''}
<p>${t('publishIntro')}</p>
<form method="post" action="/publish">${csrfField(ctx)}<button type="submit">${t('publishButton')}</button></form>
<dl><dt>${t('feedAddress')}</dt><dd><code>${args.feedUrl}</code></dd><dt>${t('publicKey')}</dt><dd><code data-testid="public-key">${args.publicKey}</code></dd>
<dt>${t('reportAddress')}</dt><dd><code>${args.reportUrl}</code></dd></dl>
<h2>${t('revisions')}</h2>
<table><thead><tr><th scope="col">${t('revision')}</th><th scope="col">${t('publishedAt')}</th><th scope="col">${t('publishedBy')}</th><th scope="col"><span class="skip">${t('republish')}</span></th></tr></thead>
<tbody>${args.revisions.map(
      (rev, index) => html`<tr><td>${rev.revision}${rev.republishedFrom ? html` (${t('republishedFrom', rev.republishedFrom)})` : ''}</td><td>${day(ctx, rev.publishedAt)}</td><td>${rev.publishedBy}</td>
<td>${index === 0 ? '' : html`<form method="post" action="/publish/${rev.revision}/republish">${csrfField(ctx)}<button class="secondary" type="submit">${t('republish')} (${rev.revision})</button></form>`}</td></tr>`,
    )}</tbody></table>`,
  );
}

export function sessionsPage(
  ctx: PageContext,
  args: { errors?: string[]; preview?: { id: number; fileName: string; sessions: Array<Record<string, unknown>> }; siteNames: Map<string, string>; organisationNames: Map<string, string>; flash?: string },
): string {
  const { t } = ctx.tr;
  const preview = args.preview;
  return layout(
    ctx,
    t('sessionsTitle'),
    html`${args.flash ? html`<p class="flash" role="status">${args.flash}</p>` : ''}
<p>${t('sessionsIntro')}</p>
<form method="post" action="/sessions/upload?_csrf=${ctx.user?.csrfToken ?? ''}" enctype="multipart/form-data">
<label for="sheet">${t('sessionsFile')}</label><input id="sheet" name="sheet" type="file" accept=".csv,text/csv" required>
<button type="submit">${t('upload')}</button></form>
${args.errors ? html`<div class="flash bad" role="alert"><p>${t('sessionsErrors')}</p><ul data-testid="sheet-errors">${args.errors.map((e) => html`<li>${e}</li>`)}</ul></div>` : ''}
${preview ? html`<h2>${t('sessionsPreview', preview.sessions.length)}</h2>
<table data-testid="sessions-preview"><thead><tr><th scope="col">${t('start')}</th><th scope="col">${t('site')}</th><th scope="col">${t('organisations')}</th></tr></thead><tbody>
${preview.sessions.map(
  (s) => html`<tr><td>${day(ctx, new Date(String(s.start)))}${s.cancelled ? ` – ${t('cancelled')}` : ''}</td><td>${args.siteNames.get(String(s.siteId)) ?? String(s.siteId)}</td>
<td>${(s.organisationIds as string[]).map((id) => args.organisationNames.get(id) ?? id).join(', ')}</td></tr>`,
)}</tbody></table>
<form method="post" action="/sessions/imports/${preview.id}/apply">${csrfField(ctx)}<button type="submit">${t('sessionsPublish')}</button></form>` : ''}`,
  );
}

export function messagePage(ctx: PageContext, title: string, text: string): string {
  return layout(ctx, title, html`<p>${text}</p>`);
}
