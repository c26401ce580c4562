/**
 * Issue 20 item 4: a missing-service report (the nurse's search words, after the henkilötunnus
 * guard) goes through the same outbox as stale-contact reports: stored before any network use,
 * delivered exactly once to a real endpoint on 127.0.0.1 (which checks data/report.schema.json),
 * retried when the endpoint is down, refused before storage when the words hold a code.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { missingServiceDraftSchema, reportDraftSchema } from '@/utils/reports/draft';
import { reportEmailBody, reportSubject } from '@/utils/reports/mailto';
import { normaliseMissingWords } from '@/utils/reports/missing-words';
import { createReportsOutbox, type OutboxStorage, type ReportsOutbox } from '@/utils/reports/outbox';
import { isMissingServiceReport, reportSchema, type MissingServiceReport } from '@/utils/reports/schema';
import { bundledCompiledVocabulary } from '@/utils/sync/pack-feed';
import { guessConcepts } from '@/utils/vocabulary/guess-concepts';
import { ReportServer } from '../report-server';
import { ROOT } from './helpers';
import { missingDraft, VALID_CODES } from './reports-fixtures';

const START = Date.parse('2026-11-22T10:00:00+02:00');
let server: ReportServer;
let clock: number;
let ids: number;

function memoryStorage(): OutboxStorage & { raw: () => unknown } {
  let stored: string | undefined;
  return {
    load: async () => (stored === undefined ? [] : JSON.parse(stored)),
    save: async (entries) => void (stored = JSON.stringify(entries)),
    raw: () => (stored === undefined ? undefined : JSON.parse(stored)),
  };
}

function background(storage: OutboxStorage, guess?: (words: string) => string[]): ReportsOutbox {
  return createReportsOutbox({
    storage,
    fetch: (input, init) => fetch(input, init),
    now: () => clock,
    newId: () => `00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}`,
    random: () => 0.5,
    extensionVersion: '0.1.0',
    configuredUrls: async () => ({ settings: server.url }),
    scheduleWakeUp: () => undefined,
    ...(guess ? { guessConcepts: guess } : {}),
  });
}

beforeEach(async () => {
  server = new ReportServer();
  await server.start();
  clock = START;
  ids = 0;
});
afterEach(() => server.stop());

describe('missing-service report through the outbox', () => {
  it('is stored before any network use, then delivered exactly once (alarm, restart and submit together)', async () => {
    const storage = memoryStorage();
    const outbox = background(storage, () => ['everyday-help']);
    const submitted = await outbox.submit(missingDraft());
    expect(submitted.status).toBe('pending');
    expect(server.posts).toHaveLength(0);
    expect(storage.raw()).toHaveLength(1);

    // An alarm and a start-up at once, then a restarted background over the same storage.
    await Promise.all([outbox.deliverDue(), outbox.deliverDue()]);
    await background(storage).deliverDue();
    expect(server.posts).toHaveLength(1);
    expect(server.reports).toHaveLength(1);
    const report = server.reports[0] as MissingServiceReport;
    expect(report).toEqual({
      schemaVersion: 1,
      kind: 'missing-service',
      id: submitted.id,
      createdAt: new Date(START).toISOString(),
      region: 'vake',
      catalogueRevision: 3,
      words: 'kirjekyyhkyjen hoitoapu',
      language: 'fi',
      guessedConcepts: ['everyday-help'],
      filters: { city: 'vantaa' },
      extensionVersion: '0.1.0',
    });
  });

  it('endpoint down: kept and retried; back up: delivered once, the same Idempotency-Key', async () => {
    const outbox = background(memoryStorage());
    await server.stop();
    await outbox.submit(missingDraft());
    await outbox.deliverDue();
    expect((await outbox.list())[0]!.state).toMatchObject({ status: 'pending', lastError: 'network error' });
    await server.start();
    clock += 60 * 60_000;
    await outbox.deliverDue();
    await outbox.deliverDue();
    expect(server.reports).toHaveLength(1);
    expect((await outbox.list())[0]!.state.status).toBe('delivered');
  });

  it.each(Object.entries(VALID_CODES))('a henkilötunnus (century sign %s) in the words is refused before anything is stored', async (_sign, code) => {
    const storage = memoryStorage();
    const outbox = background(storage);
    await expect(outbox.submit(missingDraft({ words: `päihdeapu ${code}` }))).rejects.toThrow();
    await expect(outbox.submit(missingDraft({ words: `${code.slice(0, 6)} ${code.slice(6)} asunto` }))).rejects.toThrow();
    expect(storage.raw()).toBeUndefined();
    expect(server.posts).toHaveLength(0);
  });

  it('the draft carries no patient data fields: names, comments or unknown keys are refused', () => {
    expect(missingServiceDraftSchema.safeParse(missingDraft()).success).toBe(true);
    expect(reportDraftSchema.safeParse({ ...missingDraft(), comment: 'Matti Meikäläinen' }).success).toBe(false);
    expect(reportDraftSchema.safeParse({ ...missingDraft(), words: '   ' }).success).toBe(false);
    expect(reportDraftSchema.safeParse({ ...missingDraft(), words: 'x'.repeat(201) }).success).toBe(false);
  });

  it('a failing concept guess never stops the report', async () => {
    const outbox = background(memoryStorage(), () => {
      throw new Error('no vocabulary');
    });
    await outbox.submit(missingDraft());
    const [entry] = await outbox.list();
    expect(isMissingServiceReport(entry!.report) && entry!.report.guessedConcepts).toEqual([]);
  });
});

describe('missing-service report format', () => {
  const validate = new Ajv2020({ validateFormats: false }).compile(JSON.parse(readFileSync(resolve(ROOT, 'data/report.schema.json'), 'utf8')) as object);
  const report: MissingServiceReport = {
    schemaVersion: 1,
    kind: 'missing-service',
    id: '0f8c3b4e-2a1d-4c5e-9f60-7a8b9c0d1e2f',
    createdAt: '2026-11-22T10:15:00.000Z',
    region: 'vake',
    catalogueRevision: 3,
    words: 'lumenluonti vanhukselle',
    language: 'fi',
    guessedConcepts: ['everyday-help', 'elderly'],
    filters: { city: 'kerava', audience: 'ikaantyneet', openNow: true },
    extensionVersion: '0.1.0',
  };

  it('zod and the JSON Schema file agree on it', () => {
    expect(reportSchema.parse(report)).toEqual(report);
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    for (const bad of [{ ...report, serviceId: 'x' }, { ...report, language: 'de' }, { ...report, filters: { name: 'Anna' } }, { ...report, kind: 'other' }]) {
      expect(reportSchema.safeParse(bad).success).toBe(false);
      expect(validate(bad)).toBe(false);
    }
  });

  it('the e-mail fallback names the words, guessed needs and filters in Finnish', () => {
    expect(reportSubject(report)).toBe('Puuttuva palvelu tai hakusana: lumenluonti vanhukselle');
    const body = reportEmailBody(report);
    expect(body).toContain('Hakusanat: lumenluonti vanhukselle');
    expect(body).toContain('Arvatut tarpeet: everyday-help, elderly');
    expect(body).toContain('kunta: kerava, kenelle: ikaantyneet, auki nyt: kyllä');
    expect(body.endsWith(JSON.stringify(report))).toBe(true);
  });
});

describe('grouping words and guessing concepts', () => {
  it('normalises words for grouping: case, punctuation, function words and order do not split a group', () => {
    expect(normaliseMissingWords('Velat, perintä!')).toBe('perintä velat');
    expect(normaliseMissingWords('perintä  ja velat')).toBe('perintä velat');
    expect(normaliseMissingWords('VELAT velat perintä')).toBe('perintä velat');
    expect(normaliseMissingWords('sää')).not.toBe(normaliseMissingWords('saa'));
  });

  it('guesses the need concepts the words express, from the bundled vocabulary (served or not)', () => {
    const vocabulary = bundledCompiledVocabulary()!;
    expect(guessConcepts('ulosotto ja velat kasaantuu', vocabulary)).toContain('debt');
    expect(guessConcepts('testamentin laatiminen', vocabulary).length).toBeGreaterThan(0);
    expect(guessConcepts('qwxz', vocabulary)).toEqual([]);
    expect(guessConcepts('ja tai', vocabulary)).toEqual([]);
    // Everyday wording (curated-everyday) tells the maintainers the need too, though it tags no service.
    expect(guessConcepts('asuu kavereilla', vocabulary)).toContain('homelessness');
    expect(guessConcepts('karhulappu', vocabulary)).toContain('debt');
  });
});
