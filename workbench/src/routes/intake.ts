/**
/**
 * Public: reports from the extension (POST /api/reports): stale-contact reports and, with
 * `kind: "missing-service"`, nurses' search words that found no direct match (issue 20). CORS
 * admits extension origins only (plugins/extension-cors.ts); the Idempotency-Key (= the report
 * id) makes a resend after a lost reply harmless.
 * Patient data is refused first, before anything is validated, stored or echoed.
 */
import { findPersonalIdentityCodesInReport } from '@jarjestoopas/utils/reports/guard-fields';
import { isMissingServiceReport, reportSchema } from '@jarjestoopas/utils/reports/schema';
import { hasZodFastifySchemaValidationErrors, type FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { newStatusToken } from '../status-tokens';
import * as store from '../store';

export const REPORT_BODY_LIMIT = 16 * 1024;

const errorBody = z.object({ error: z.string() });
const stored = z.object({ id: z.string(), statusToken: z.string().optional() });

export const intakeRoutes: FastifyPluginAsyncZod = async (app) => {
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
        // statusToken: reads this report's state and reply (routes/report-status.ts); only its hash is stored.
        response: { 200: stored, 201: stored, 400: errorBody, 422: errorBody },
      },
      preValidation: async (request, reply) => {
        // The shared guard over the whole body: every key and value, and a code split across two of them.
        if (findPersonalIdentityCodesInReport(request.body).length > 0) {
          return reply.status(422).send({ error: 'the report contains a Finnish personal identity code (henkilötunnus); remove it and send again' });
        }
      },
    },
    async (request, reply) => {
      const idempotencyKey = request.headers['idempotency-key'];
      if (idempotencyKey !== request.body.id) return reply.status(400).send({ error: 'the Idempotency-Key header must equal the report id' });
      const report = request.body;
      // The answer may carry a status token: no cache may keep it.
      reply.header('cache-control', 'no-store');
      if (isMissingServiceReport(report)) {
        // Words for the vocabulary, not a question about one service: nothing to hear back about, no token.
        const result = await store.insertMissingServiceReport(app.db, report, idempotencyKey);
        return reply.status(result.created ? 201 : 200).send({ id: result.id });
      }
      const { token, hash } = newStatusToken();
      const result = await store.insertReport(app.db, report, idempotencyKey, hash);
      return reply.status(result.created ? 201 : 200).send(result.tokenIssued ? { id: result.id, statusToken: token } : { id: result.id });
    },
  );
};
