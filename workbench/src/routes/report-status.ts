/**
 * Public: the nurse hears back. `GET /api/reports/:id/status` with `Authorization: Bearer <token>`
 * answers that one report's state and the maintainer's reply (utils/reports/answer.ts). The token
 * is the one the intake gave for that report (only its hash is stored). An unknown id, a
 * malformed id, a missing token and a wrong token all get the same 404, so the route tells a
 * prober nothing, not even whether a report exists. No listing; rate-limited; CORS for extension
 * origins as the intake (plugins/extension-cors.ts).
 */
import { reportAnswerSchema, type AnswerState, type ReportAnswer } from '@jarjestoopas/utils/reports/answer';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { statusTokenMatches } from '../status-tokens';
import * as store from '../store';

const NOT_FOUND = { error: 'no such report' } as const;
const BEARER = /^Bearer ([A-Za-z0-9_-]{1,200})$/;

const STATE_OF: Record<store.ReportStatus, AnswerState> = { open: 'received', fixed: 'fixed', 'not-a-problem': 'not-a-problem' };

export const reportStatusRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/reports/:id/status',
    {
      config: { rateLimit: app.config.statusRateLimit },
      schema: {
        params: z.object({ id: z.string().max(100) }),
        headers: z.looseObject({ authorization: z.string().max(400).optional() }),
        response: { 200: reportAnswerSchema, 404: z.object({ error: z.string() }) },
      },
    },
    async (request, reply) => {
      // The answer is for this one reader: no cache may keep it.
      reply.header('cache-control', 'no-store');
      const presented = BEARER.exec(request.headers.authorization ?? '')?.[1] ?? '';
      const row = await store.getReportAnswer(app.db, request.params.id);
      // Compared even when there is no row: a miss costs what a wrong token costs.
      if (!statusTokenMatches(presented, row?.statusTokenHash) || !row) return reply.status(404).send(NOT_FOUND);
      const answer: ReportAnswer = {
        id: row.id,
        state: STATE_OF[row.status],
        reply: row.reply ? row.reply : null,
        closedAt: row.closedAt ? row.closedAt.toISOString() : null,
      };
      return reply.send(answer);
    },
  );
};
