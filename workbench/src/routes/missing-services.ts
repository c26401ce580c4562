/**
 * "Puuttuvat palvelut" (issue 20 item 4): nurses' missing-service reports grouped, and the two
 * answers a maintainer gives from a group: a term on a need concept, a keyword on a service.
 * Both are stored (migration 006), audit-logged, and published in the feed's vocabulary section.
 */
import { feedVocabularySchema, type Service } from '@jarjestoopas/utils/catalogue/schema';
import { findPersonalIdentityCodes } from '@jarjestoopas/utils/reports/guard';
import { bundledConcepts } from '@jarjestoopas/utils/vocabulary/bundled-concepts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { text } from '../forms/fields';
import * as store from '../store';
import { missingServicesPage } from '../ui/pages/missing-services';

export const MISSING_PAGE_SIZE = 20;
const concepts = bundledConcepts();
const conceptIds = new Set(concepts.map((concept) => concept.id));

const grouping = (value: string): store.MissingGrouping => (value === 'concept' ? 'concept' : 'words');
const pageNumber = (value: string) => (/^[1-9][0-9]{0,5}$/.test(value) ? Number(value) : 1);

async function render(request: FastifyRequest, reply: FastifyReply, query: { by: string; page: string; flash?: string; problem?: string }, status = 200) {
  const { db } = request.server;
  const by = grouping(query.by);
  const page = pageNumber(query.page);
  const services = (await store.listRecords(db, 'service')).map((record) => record.data as unknown as Service);
  const vocabulary = await store.feedVocabulary(db);
  return reply.page(
    missingServicesPage(request.pageContext(), {
      by,
      page,
      pageSize: MISSING_PAGE_SIZE,
      result: await store.listMissingGroups(db, by, page, MISSING_PAGE_SIZE),
      concepts,
      services: services.map((service) => ({ id: service.id, name: service.name })).sort((a, b) => a.name.localeCompare(b.name, 'fi')),
      additions: (vocabulary?.terms.length ?? 0) + (vocabulary?.serviceKeywords.length ?? 0),
      ...(query.flash ? { flash: query.flash } : {}),
      ...(query.problem ? { problem: query.problem } : {}),
    }),
    status,
  );
}

/** The word as the feed will carry it: the feed's own schema decides (length, no hidden characters), and no henkilötunnus. */
function checkWord(word: string): string | null {
  const element = feedVocabularySchema.shape.serviceKeywords._zod.def.element.shape.keyword;
  const parsed = element.safeParse(word);
  if (!parsed.success) return parsed.error.issues[0]?.message ?? 'invalid';
  if (findPersonalIdentityCodes(word).length > 0) return 'henkilötunnus';
  return null;
}

export const missingServiceRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, config } = app;
  // The feed names who added a word as it names who verified a fact (audit M3): the configured
  // organisation or the catalogue's maintainer, never a maintainer's e-mail (that is in the history).
  const publicSource = async () => config.verifiedBy ?? (await store.readHeader(db)).maintainer.name;
  const group = { by: text, group: text };

  app.get('/missing-services', { schema: { querystring: z.looseObject({ by: text, page: text, added: text, resolved: text }) } }, async (request, reply) => {
    const { t } = request.pageContext().tr;
    const { added, resolved } = request.query;
    const flash = added === 'term' ? t('missingTermAdded', resolved) : added === 'keyword' ? t('missingKeywordAdded', resolved) : undefined;
    return render(request, reply, { ...request.query, ...(flash ? { flash } : {}) });
  });

  app.post('/missing-services/terms', { schema: { body: z.looseObject({ concept: text, language: text, term: text, ...group }) } }, async (request, reply) => {
    const { concept, language, by, group: key } = request.body;
    const term = request.body.term.trim();
    const problem = !conceptIds.has(concept) ? `unknown need "${concept}"` : !['fi', 'sv', 'en'].includes(language) ? `language "${language}"` : checkWord(term);
    if (problem) return render(request, reply, { by, page: '1', problem }, 422);
    const result = await store.addConceptTerm(db, {
      conceptId: concept,
      language: language as 'fi' | 'sv' | 'en',
      term,
      source: await publicSource(),
      actor: request.signedIn!.email,
      group: { by: grouping(by), key },
    });
    return reply.redirect(`/missing-services?by=${grouping(by)}&added=term&resolved=${result.resolved}`, 303);
  });

  app.post('/missing-services/keywords', { schema: { body: z.looseObject({ service: text, keyword: text, ...group }) } }, async (request, reply) => {
    const { service, by, group: key } = request.body;
    const keyword = request.body.keyword.trim();
    const record = await store.getRecord(db, 'service', service);
    const problem = !record || record.endedAt ? `unknown service "${service}"` : checkWord(keyword);
    if (problem) return render(request, reply, { by, page: '1', problem }, 422);
    const result = await store.addServiceKeyword(db, { serviceId: service, keyword, source: await publicSource(), actor: request.signedIn!.email, group: { by: grouping(by), key } });
    return reply.redirect(`/missing-services?by=${grouping(by)}&added=keyword&resolved=${result.resolved}`, 303);
  });
};
