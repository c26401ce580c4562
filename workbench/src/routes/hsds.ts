/**
 * Public: the published catalogue as an Open Referral HSDS 3.0 API (docs/hsds.md, "API"):
 * `GET /hsds/` (version metadata), `GET /hsds/services` (a `Page` of services),
 * `GET /hsds/services/{id}` (one fully nested service). The endpoints, parameters and answers are
 * those of the specification's openapi.json (the Open Referral UK profile uses the same three).
 * Read only, no key, any origin (CORS `*` here only); only the latest published revision is
 * served, never a draft; each answer's ETag comes from that revision, so an unchanged catalogue
 * costs a 304. Languages: Accept-Language picks fi / sv / en (utils/catalogue/hsds-language.ts).
 */
import fastifyCors from '@fastify/cors';
import {
  HSDS_DEFAULT_PER_PAGE,
  HSDS_MAX_PER_PAGE,
  HSDS_OPENAPI_URL,
  HSDS_PROFILE_DESCRIPTION,
  filterHsdsServices,
  hsdsApiMeta,
  hsdsPage,
  serviceListItem,
} from '@jarjestoopas/utils/catalogue/hsds-api';
import { hsdsLanguageFor, localiseHsdsService } from '@jarjestoopas/utils/catalogue/hsds-language';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, type FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { publishedHsdsSource, type PublishedHsds } from '../hsds-published';

const errorBody = z.object({ error: z.string() });
const errors = { 400: errorBody, 404: errorBody };
// The answers' shape is checked against the official HSDS schemas in the tests
// (tests/unit/workbench-hsds.test.ts); here only loosely, so nothing is stripped on the way out.
const hsdsObject = z.record(z.string(), z.unknown());
const metaBody = z.object({ version: z.string(), profile: z.string(), openapi_url: z.string().optional() });
const count = z.number().int().min(0);
const pageBody = z.object({
  total_items: count,
  total_pages: count,
  page_number: count,
  size: count,
  first_page: z.boolean(),
  last_page: z.boolean(),
  empty: z.boolean(),
  contents: z.array(hsdsObject),
});

/** An HSDS filter this API does not offer: refused, because filters combine with AND and ignoring one would widen the answer. */
const unsupported = (name: string) => z.undefined({ error: `${name} is not supported by this API (it has no taxonomies or locations search)` }).optional();

const pageNumber = (max?: number) => {
  const base = z.coerce.number({ error: 'must be a whole number' }).int({ error: 'must be a whole number' }).min(1, { error: 'must be at least 1' });
  return max === undefined ? base : base.max(max, { error: `must be at most ${max}` });
};

const servicesQuery = z.object({
  page: pageNumber().default(1),
  per_page: pageNumber(HSDS_MAX_PER_PAGE).default(HSDS_DEFAULT_PER_PAGE),
  /** HSDS 3.0's full-text search; `text` is the same for clients written to Open Referral UK 1.0. */
  search: z.string().max(200).optional(),
  text: z.string().max(200).optional(),
  modified_after: z.union([z.iso.datetime({ offset: true }), z.iso.date()], { error: 'must be a date (2026-12-01) or a date-time with a zone (2026-12-01T08:00:00Z)' }).optional(),
  organization_id: z.uuid({ error: 'must be an organization id (a UUID)' }).optional(),
  full: z.enum(['true', 'false']).optional(),
  format: z.literal('json', { error: 'only json is offered' }).optional(),
  taxonomy_term_id: unsupported('taxonomy_term_id'),
  taxonomy_id: unsupported('taxonomy_id'),
  postcode: unsupported('postcode'),
  proximity: unsupported('proximity'),
  minimal: unsupported('minimal'),
});

const serviceParams = z.object({ id: z.uuid({ error: 'a service id is a UUID' }) });

/** How long a client or proxy may reuse an answer without asking; after that a revalidation costs a 304. */
const CACHE_CONTROL = 'public, max-age=60';

export const hsdsRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(fastifyCors, {
    origin: '*',
    methods: ['GET', 'HEAD'],
    allowedHeaders: ['If-None-Match', 'Accept-Language'],
    exposedHeaders: ['ETag', 'Content-Language'],
    maxAge: 600,
  });
  app.setErrorHandler((error: { statusCode?: number; message: string }, request, reply) => {
    if (hasZodFastifySchemaValidationErrors(error)) {
      const problems = error.validation.map((issue) => `${issue.instancePath.replace(/^\//, '').replaceAll('/', '.') || '(request)'}: ${issue.message}`);
      return reply.status(400).send({ error: problems.join('; ').slice(0, 500) });
    }
    const status = error.statusCode && error.statusCode >= 400 ? error.statusCode : 500;
    if (status === 500) request.log.error(error);
    return reply.status(status).send({ error: status === 500 ? 'internal error' : error.message });
  });
  app.setNotFoundHandler((_request, reply) => reply.status(404).send({ error: 'no such HSDS endpoint: /hsds/, /hsds/services and /hsds/services/{id} are offered' }));

  const published = publishedHsdsSource(app.db);

  /** Headers of a catalogue answer; true when the client's copy is current, and then the 304 is sent. */
  function cached(request: FastifyRequest, reply: FastifyReply, current: PublishedHsds, language: string): boolean {
    const etag = `${current.etag.slice(0, -1)}-hsds-${language}"`;
    reply
      .header('ETag', etag)
      .header('Last-Modified', current.publishedAt.toUTCString())
      .header('Cache-Control', CACHE_CONTROL)
      .header('Vary', 'Accept-Language')
      .header('Content-Language', language);
    const match = request.headers['if-none-match'];
    if (!match || !match.split(',').some((tag) => tag.trim() === etag || tag.trim() === '*')) return false;
    void reply.status(304).send();
    return true;
  }

  app.get('/', { schema: { response: { 200: metaBody } } }, async (_request, reply) =>
    reply.header('Cache-Control', 'public, max-age=3600').send(hsdsApiMeta(`${app.config.publicUrl().replace(/\/+$/, '')}/hsds/profile`, HSDS_OPENAPI_URL)),
  );

  app.get('/profile', async (_request, reply) => reply.header('Cache-Control', 'public, max-age=3600').send(HSDS_PROFILE_DESCRIPTION));

  app.get('/services', { schema: { querystring: servicesQuery, response: { 200: pageBody, ...errors } } }, async (request, reply) => {
    const query = request.query;
    if (query.search !== undefined && query.text !== undefined && query.search !== query.text) {
      return reply.status(400).send({ error: 'give search or text, not two different searches' });
    }
    const language = hsdsLanguageFor(request.headers['accept-language']);
    const current = await published();
    if (!current) return reply.header('Content-Language', language).send(hsdsPage([], query.page, query.per_page));
    if (cached(request, reply, current, language)) return reply;
    const matching = filterHsdsServices(current.services, {
      search: query.search ?? query.text,
      modifiedAfter: query.modified_after === undefined ? undefined : new Date(query.modified_after),
      organizationId: query.organization_id,
    });
    const page = hsdsPage(matching, query.page, query.per_page);
    const full = query.full === 'true';
    return reply.send({ ...page, contents: page.contents.map((service) => localiseHsdsService(full ? service : serviceListItem(service), language)) });
  });

  app.get('/services/:id', { schema: { params: serviceParams, response: { 200: hsdsObject, ...errors } } }, async (request, reply) => {
    const current = await published();
    const service = current?.byId.get(request.params.id.toLowerCase());
    if (!current || !service) return reply.status(404).send({ error: `no published service has the id ${request.params.id}` });
    const language = hsdsLanguageFor(request.headers['accept-language']);
    if (cached(request, reply, current, language)) return reply;
    return reply.send(localiseHsdsService(service, language));
  });
};
