/**
 * The workbench shows the popup's own card (issue 19 item 3): its pages hold exactly the markup
 * the popup's ServiceCard renders with the same props, not a second implementation. And the
 * editor's preview (item 6) shows the card and the note before and after a save, and what
 * changes for nurses, without saving anything.
 */
import { readFileSync } from 'node:fs';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { ServiceCard } from '@/components/search/ServiceCard';
import { I18nContext } from '@/components/shared/use-i18n';
import { FixedNowContext } from '@/components/shared/use-now';
import type { Organisation, Service } from '@/utils/catalogue/schema';
import { createTranslator } from '@/utils/i18n/messages';
import type { UiLanguage } from '@/utils/i18n/language';
import { formatReferralNote } from '@/utils/referral/format-note';
import { buildApp } from '@/workbench/src/app';
import type { Db } from '@/workbench/src/db/db';
import * as store from '@/workbench/src/store';
import { catalogue, postReport, PUBLIC_URL, reportBuilder, seededDb, signIn } from '../workbench/harness';

// A service with no contact point of its own whose organisation has a web page but no e-mail.
const SERVICE: Service = catalogue.services.find(
  (service: Service) =>
    service.phones.length === 0 &&
    !service.email &&
    !service.website &&
    service.addresses.length === 0 &&
    catalogue.organisations.some((o: Organisation) => o.id === service.organisationId && o.website && !o.email),
);
const ORGANISATION: Organisation = catalogue.organisations.find((o: Organisation) => o.id === SERVICE.organisationId);
const now = new Date('2026-12-03T10:00:00Z');

/** The popup's component, rendered directly, with the props the popup would give an opened card. */
function popupCard(service: Service, organisation: Organisation, language: UiLanguage = 'fi'): string {
  const card = createElement(ServiceCard, {
    result: { service, organisation },
    id: `card-${service.id}`,
    selected: true,
    previewOpen: true,
    readOnly: true,
    note: formatReferralNote({ service, organisation, date: now, language }),
    onSelect: () => {},
    onCopy: () => {},
    onTogglePreview: () => {},
  });
  return renderToStaticMarkup(
    createElement(I18nContext.Provider, { value: { language, t: createTranslator(language) } }, createElement(FixedNowContext.Provider, { value: now }, card)),
  );
}

describe('the workbench renders the popup’s own card', () => {
  let db: Db;
  let app: FastifyInstance;
  let cookie: string;
  let csrf: string;

  beforeAll(async () => {
    const seeded = await seededDb();
    db = seeded.db;
    app = await buildApp({ ...seeded, publicUrl: PUBLIC_URL, now: () => now, intakeRateLimit: { max: 40, timeWindow: 60_000 }, loginRateLimit: { max: 5, timeWindow: 60_000 } });
    ({ cookie } = await signIn(app));
    // One stale-contact report about the service, without a comment, so the inbox links to a report page.
    const posted = await postReport(app, reportBuilder('6f1c1a52-3b0e-4b6c-9a55-', SERVICE, ORGANISATION)({ comment: undefined }));
    expect(posted.statusCode).toBe(201);
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  const stored = async () => ({
    service: (await store.getRecord(db, 'service', SERVICE.id))!.data as unknown as Service,
    organisation: (await store.getRecord(db, 'organisation', ORGANISATION.id))!.data as unknown as Organisation,
  });

  it('the inbox and the record page hold exactly the popup component’s markup', async () => {
    const { service, organisation } = await stored();
    const expected = popupCard(service, organisation);
    expect(expected).toContain('class="result selected"');
    expect(expected).toContain('class="note-preview"');
    const inbox = await app.inject({ url: '/', headers: { cookie } });
    expect(inbox.statusCode).toBe(200);
    csrf = /name="_csrf" value="([^"]+)"/.exec(inbox.body)![1]!;
    expect(inbox.body).toContain(expected);
    const record = await app.inject({ url: `/records/service/${SERVICE.id}`, headers: { cookie } });
    expect(record.body).toContain(expected);
    const reportId = /href="\/reports\/([0-9a-f-]{36})"/.exec(inbox.body)![1]!;
    const reportPage = await app.inject({ url: `/reports/${reportId}`, headers: { cookie } });
    expect(reportPage.body).toContain(expected);
    // In the maintainer's language: the same component in Swedish.
    const swedish = await app.inject({ url: `/records/service/${SERVICE.id}`, headers: { cookie, 'accept-language': 'sv' } });
    expect(swedish.body).toContain(popupCard(service, organisation, 'sv'));
  });

  it('the page carries the popup’s card stylesheet, kept to the card', async () => {
    const css = (await app.inject('/static/workbench.css')).body;
    const card = readFileSync('components/search/service-card.css', 'utf8');
    expect(css).toContain(`.nurse-card {\n${card}\n}`);
  });

  it('the record’s facts say which kinds nurses see from the organisation', async () => {
    const record = await app.inject({ url: `/records/service/${SERVICE.id}`, headers: { cookie } });
    const facts = /<dl data-testid="current-facts">[\s\S]*?<\/dl>/.exec(record.body)![0];
    expect(facts).toMatch(/Verkkosivu<\/dt><dd>– <span class="hint">\(ei omaa – hoitaja näkee järjestön\)/);
  });

  const form = (fields: Record<string, string>) => ({ _csrf: csrf, returnTo: `/records/service/${SERVICE.id}`, 'phones.0.number': '', 'phones.0.display': '', 'phones.0.label': '', email: '', website: '', hours: '', ...fields });

  it('preview: a first own e-mail — the card after still shows the organisation’s web page; nothing is saved', async () => {
    const before = await stored();
    const preview = await app.inject({ method: 'POST', url: `/records/service/${SERVICE.id}/preview`, headers: { cookie }, payload: form({ email: 'ryhmat@example.fi' }) });
    expect(preview.statusCode).toBe(200);
    const after: Service = { ...before.service, email: 'ryhmat@example.fi' };
    const section = /<section aria-labelledby="h-preview"[\s\S]*?<\/section>/.exec(preview.body)![0];
    const host = new URL(ORGANISATION.website!).hostname.replace(/^www\./, '');
    // Before and after are the popup's component, with the props a nurse's popup gives them.
    expect(section).toContain(popupCard(before.service, before.organisation).replaceAll(`card-${SERVICE.id}`, `before-card-${SERVICE.id}`));
    expect(section).toContain(popupCard(after, before.organisation).replaceAll(`card-${SERVICE.id}`, `after-card-${SERVICE.id}`));
    const afterCard = /data-testid="preview-after">([\s\S]*?)<\/figure>/.exec(section)![1]!;
    expect(afterCard).toContain(`Verkossa: ${host} (järjestön)`);
    expect(afterCard).toContain('Sähköposti: ryhmat@example.fi');
    expect(section).toContain('<li>Sähköposti: ryhmat@example.fi tulee näkyviin</li>');
    expect(section).not.toContain('poistuu');
    // The form keeps what was typed; the record is as it was.
    expect(preview.body).toMatch(/id="f-email" name="email" type="email" value="ryhmat@example.fi"/);
    expect((await stored()).service).toEqual(before.service);
  });

  it('preview says what disappears: clearing the service’s only e-mail', async () => {
    const saved = await app.inject({ method: 'POST', url: `/records/service/${SERVICE.id}`, headers: { cookie }, payload: form({ email: 'ryhmat@example.fi' }) });
    expect(saved.statusCode).toBe(303);
    const preview = await app.inject({ method: 'POST', url: `/records/service/${SERVICE.id}/preview`, headers: { cookie }, payload: form({}) });
    expect(preview.body).toContain('<li class="change-removed">Sähköposti: ryhmat@example.fi poistuu</li>');
    const beforeCard = /data-testid="preview-before">([\s\S]*?)<\/figure>/.exec(preview.body)![1]!;
    expect(beforeCard).toContain('ryhmat@example.fi');
    const afterCard = /data-testid="preview-after">([\s\S]*?)<\/figure>/.exec(preview.body)![1]!;
    expect(afterCard).not.toContain('ryhmat@example.fi');
    expect((await stored()).service.email).toBe('ryhmat@example.fi');
  });

  it('preview of a typo shows the error beside the field, like a save', async () => {
    const preview = await app.inject({ method: 'POST', url: `/records/service/${SERVICE.id}/preview`, headers: { cookie }, payload: form({ 'phones.0.number': '+35898', 'phones.0.display': '09 8' }) });
    expect(preview.statusCode).toBe(422);
    expect(preview.body).toMatch(/id="f-phones-0-number"[^>]*aria-invalid="true"/);
    expect(preview.body).not.toContain('h-preview');
  });
});
