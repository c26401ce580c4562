/**
 * The two features meet on one card (the merge of branches 'languages' and 'wb-react'): a
 * service's texts in the nurse's language with Finnish marked, and the contacts it borrows
 * from its organisation marked as the organisation's. Both marks on the same line, in the
 * card, the note and the HSDS export; and the popup's report link in the card's badge row.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ServiceCard } from '@/components/search/ServiceCard';
import { I18nContext } from '@/components/shared/use-i18n';
import { FixedNowContext } from '@/components/shared/use-now';
import { exportHsds, importHsds } from '@/utils/catalogue/hsds';
import type { Catalogue, Organisation, Service } from '@/utils/catalogue/schema';
import { createTranslator } from '@/utils/i18n/messages';
import type { UiLanguage } from '@/utils/i18n/language';
import { formatReferralNote } from '@/utils/referral/format-note';
import { baseService, catalogue, polli, type ExportedService } from './polli-fixture';

/** The organisation's line has a Finnish label only: in Swedish it is shown in Finnish, marked. */
const organisation: Organisation = polli();
/** Its own e-mail, a Swedish description but no Swedish name; phone and web page are the organisation's. */
const service: Service = {
  ...baseService,
  names: {},
  descriptions: { sv: 'Kamratgrupper för närståendevårdare.' },
  phones: [],
  addresses: [],
  email: 'ryhmat@polli.fi',
  website: undefined,
};
const date = new Date('2026-12-03T10:00:00Z');

function card(language: UiLanguage, report?: string): string {
  const element = createElement(ServiceCard, {
    result: { service, organisation },
    id: 'card',
    selected: true,
    previewOpen: true,
    note: formatReferralNote({ service, organisation, date, language }),
    onSelect: () => {},
    onCopy: () => {},
    onTogglePreview: () => {},
    report: report ? createElement('div', { className: 'stale-report' }, report) : undefined,
  });
  return renderToStaticMarkup(
    createElement(I18nContext.Provider, { value: { language, t: createTranslator(language) } }, createElement(FixedNowContext.Provider, { value: date }, element)),
  );
}

describe('a Finnish text and an organisation’s contact, both said', () => {
  it('the note in Swedish marks the Finnish name and label and the organisation’s phone and web page', () => {
    const note = formatReferralNote({ service, organisation, date, language: 'sv' });
    expect(note).toContain(`${service.name} (på finska)`);
    expect(note).toContain('040 123 4567 (Toimisto [på finska], organisationens)');
    expect(note).toContain('polli.fi (organisationens)');
    expect(note).toMatch(/ryhmat@polli\.fi\n/);
  });

  it('the card in Swedish: the name marked Finnish, the description in Swedish, the borrowed kinds marked', () => {
    const html = card('sv');
    expect(html).toMatch(/<h2 class="service-name" lang="fi"[^>]*>[^<]*<span class="in-finnish"[^>]*>/);
    expect(html).toContain('Kamratgrupper för närståendevårdare.');
    const phoneRow = /<dd><a href="tel:\+358401234567">[\s\S]*?<\/dd>/.exec(html)![0];
    expect(phoneRow).toMatch(/Toimisto<span class="in-finnish"/);
    expect(phoneRow).toContain('contact-from-organisation');
    const mailRow = /<dd><a href="mailto:ryhmat@polli.fi">[\s\S]*?<\/dd>/.exec(html)![0];
    expect(mailRow).not.toContain('contact-from-organisation');
  });

  it('the popup’s report link sits in the badge row; the workbench’s card (none passed) has none', () => {
    const meta = /<div class="result-meta">([\s\S]*?)<div class="actions">/.exec(card('fi', 'Ilmoita vanhentuneesta tiedosta'))![1]!;
    expect(meta).toContain('class="badges"');
    expect(meta).toContain('<div class="stale-report">Ilmoita vanhentuneesta tiedosta</div>');
    expect(card('fi')).not.toContain('stale-report');
  });

  it('HSDS: the Swedish description in x_translations beside the kinds borrowed from the organisation', () => {
    const small: Catalogue = { ...catalogue, organisations: [organisation], services: [service] };
    const [exported] = exportHsds(small) as ExportedService[];
    expect(exported!.x_translations).toEqual({ sv: { description: 'Kamratgrupper för närståendevårdare.' } });
    expect(exported!.x_jarjestoopas.contactsFromOrganisation).toEqual(['phones', 'website']);
    const back = importHsds([exported], { region: small.region, revision: 1, publishedAt: small.publishedAt, maintainer: small.maintainer, defaultAreas: [], defaultCategory: 'x' });
    expect(back.services[0]!.descriptions).toEqual({ sv: 'Kamratgrupper för närståendevårdare.' });
    expect(back.services[0]!.website).toBeUndefined();
  });
});
