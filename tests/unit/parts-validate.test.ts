/**
 * Issue 22: a catalogue in parts is validated record by record (utils/sync/parts-validate.ts)
 * and must be accepted exactly when the whole catalogue would be (parseCatalogue): each broken
 * catalogue below is refused by both, with the same kind of reason; the good one by neither.
 */
import { describe, expect, it } from 'vitest';
import { parseCatalogue } from '@/utils/catalogue/load';
import { checkBase, createServiceChecker } from '@/utils/sync/parts-validate';
import { feedCatalogue } from './sync-fixtures';

type Mutable = Record<string, unknown> & { services: Array<Record<string, unknown>>; organisations: Array<Record<string, unknown>> };
const good = () => JSON.parse(JSON.stringify(feedCatalogue(6))) as Mutable;

/** What the parts path says of a catalogue: its services checked in parts of 7. */
function inParts(catalogue: Mutable): { ok: boolean; reason?: string } {
  const { services, organisations, ...sections } = catalogue;
  const base = checkBase(sections, organisations);
  if (!base.ok) return { ok: false, reason: base.reason };
  const checker = createServiceChecker(base.value);
  for (let at = 0; at < services.length; at += 7) {
    const checked = checker.check(services.slice(at, at + 7));
    if (!checked.ok) return { ok: false, reason: checked.reason };
  }
  const end = checker.finish();
  return end.ok ? { ok: true } : { ok: false, reason: end.reason };
}
function whole(catalogue: Mutable): { ok: boolean; reason?: string } {
  const parsed = parseCatalogue(catalogue);
  if (parsed.success) return { ok: true };
  return { ok: false, reason: parsed.issues.every((issue) => issue.path[0] === 'vocabulary') ? 'vocabularyInvalid' : 'schemaInvalid' };
}

const cases: Array<[string, (catalogue: Mutable) => void]> = [
  ['the good catalogue', () => undefined],
  ['a duplicate service id', (c) => void (c.services[20]!.id = c.services[3]!.id)],
  ['a service of an unknown organisation', (c) => void (c.services[40]!.organisationId = 'ei-ole')],
  ['an unknown category', (c) => void (c.services[10]!.categories = ['ei-ole'])],
  ['a service with no source page', (c) => void (c.services[11]!.sources = [])],
  ['a phone display that dials another number', (c) => void (c.services.find((s) => Array.isArray(s.phones) && s.phones.length > 0)!.phones = [{ number: '+358925250111', display: '09 123 4567' }])],
  ['a service failing its schema', (c) => void (c.services[5]!.areas = [])],
  ['a duplicate organisation id', (c) => void (c.organisations[1]!.id = c.organisations[0]!.id)],
  ['a broken organisation', (c) => void (c.organisations[2]!.name = '')],
  ['a session of an unknown organisation', (c) => {
    const sessions = c.infoSessions as Array<Record<string, unknown>>;
    if (sessions.length > 0) sessions[0]!.organisationIds = ['ei-ole'];
    else c.categories = 'x';
  }],
  ['a vocabulary keyword for an unknown service', (c) => void (c.vocabulary = { terms: [], serviceKeywords: [{ service: 'ei-ole', keyword: 'kirjekyyhky', source: 'Vakehyva' }] })],
  ['a vocabulary keyword for a known service', (c) => void (c.vocabulary = { terms: [], serviceKeywords: [{ service: c.services[7]!.id, keyword: 'kirjekyyhky', source: 'Vakehyva' }] })],
  ['a vocabulary term with no concept', (c) => void (c.vocabulary = { terms: [{ language: 'fi', text: 'kirjekyyhky', source: 'Vakehyva' }], serviceKeywords: [] })],
  ['a header field broken', (c) => void (c.publishedAt = 'eilen')],
];

describe('validation in parts accepts exactly what the whole-catalogue check accepts', () => {
  it.each(cases)('%s', (name, change) => {
    const catalogue = good();
    change(catalogue);
    expect(whole(catalogue).ok).toBe(name === 'the good catalogue' || name === 'a vocabulary keyword for a known service');
    expect(inParts(catalogue)).toEqual(whole(catalogue));
  });

  it('a schemaVersion 1 catalogue (read by upgrading it) is not taken in parts: the workbench publishes version 2', () => {
    const catalogue = good();
    catalogue.schemaVersion = 1;
    expect(inParts(catalogue)).toMatchObject({ ok: false, reason: 'schemaInvalid' });
  });
});

