/**
 * Public: reports from the extension (POST /api/reports): stale-contact reports and, with
 * `kind: "missing-service"`, nurses' search words that found no direct match (issue 20). CORS admits extension
 * origins only; the Idempotency-Key (= the report id) makes a resend after a lost reply harmless.
 * Patient data is refused first, before anything is validated, stored or echoed.
 */
import fastifyCors from '@fastify/cors';
import { findPersonalIdentityCodes } from '@jarjestoopas/utils/reports/guard';
import { isMissingServiceReport, reportSchema } from '@jarjestoopas/utils/reports/schema';
import { hasZodFastifySchemaValidationErrors, type FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import * as store from '../store';

export const REPORT_BODY_LIMIT = 16 * 1024;
const EXTENSION_ORIGIN = /^(chrome|moz)-extension:\/\/[A-Za-z0-9._-]+$/;

const errorBody = z.object({ error: z.string() });

/** Every string anywhere in a JSON value, so that no field can smuggle a henkilötunnus. */
function stringsIn(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const item of value) stringsIn(item, out);
  else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      out.push(key);
      stringsIn(item, out);
    }
  }
  return out;
}

export const intakeRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(fastifyCors, {
    origin: (origin, callback) => callback(null, origin === undefined || EXTENSION_ORIGIN.test(origin)),
    methods: ['POST'],
    allowedHeaders: ['Content-Type', 'Idempotency-Key'],
    maxAge: 600,
  });
  app.setErrorHandler((error: { statusCode?: number; message: string }, _request, reply) => {
    if (hasZodFastifySchemaValidationErrors(error)) {
      const problems = error.validation.map((issue) => `${issue.instancePath.replace(/^\//, '').replaceAll('/', '.') || '(body)'}: ${issue.message}`);
      return reply.status(400).send({ error: `not a valid report: ${problems.join('; ')}`.slice(0, 500) });
    }
    const status = error.statusCode && error.statusCode >= 400 ? error.statusCode : 500;
    return reply.status(status).send({ error: status === 500 ? 'internal error' : error.message });
  });

  app.post(
    '/reports',
    {
      bodyLimit: REPORT_BODY_LIMIT,
      config: { rateLimit: app.config.intakeRateLimit },
      schema: {
        body: reportSchema,
        headers: z.looseObject({ 'idempotency-key': z.string().optional() }),
        response: { 200: z.object({ id: z.string() }), 201: z.object({ id: z.string() }), 400: errorBody, 422: errorBody },
      },
      preValidation: async (request, reply) => {
        if (stringsIn(request.body).some((text) => findPersonalIdentityCodes(text).length > 0)) {
          return reply.status(422).send({ error: 'the report contains a Finnish personal identity code (henkilötunnus); remove it and send again' });
        }
      },
    },
    async (request, reply) => {
      const idempotencyKey = request.headers['idempotency-key'];
      if (idempotencyKey !== request.body.id) return reply.status(400).send({ error: 'the Idempotency-Key header must equal the report id' });
      const report = request.body;
      const result = isMissingServiceReport(report)
        ? await store.insertMissingServiceReport(app.db, report, idempotencyKey)
        : await store.insertReport(app.db, report, idempotencyKey);
      return reply.status(result.created ? 201 : 200).send({ id: result.id });
    },
  );
};
