/**
 * "Tuonnit": review PTV drafts. The list pages by state; a draft's page shows the field diff;
 * decisions are POSTs (CSRF-checked by requireSignIn like every form) that redirect back.
 */
import type { Category } from '@jarjestoopas/utils/catalogue/schema';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { text } from '../forms/fields';
import { acceptPtv, decideGone, matchPtv, matchProposals, rejectPtv, type DecisionResult } from '../ptv-import/review';
import { pendingFields } from '../ptv/review/fields';
import * as store from '../store';
import { REVIEW_STATES } from '../store/ptv-imports';
import { importReviewPage } from '../ui/pages/import-review';
import { importsPage } from '../ui/pages/imports';

const IMPORTS_PAGE_SIZE = 50;

const listQuery = z.looseObject({
  state: z.enum(REVIEW_STATES).catch('new'),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
  done: text,
});
const ptvParams = z.object({ ptvId: z.string().regex(/^[0-9a-f-]{36}$/) });
const decideBody = z.looseObject({ decision: z.enum(['accept', 'reject']), field: text, category: text });
const matchBody = z.looseObject({ serviceId: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/) });
const goneBody = z.looseObject({ action: z.enum(['end', 'keep']) });

export const importRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;

  app.get('/imports', { schema: { querystring: listQuery } }, async (request, reply) => {
    const { state, page, done } = request.query;
    const ctx = request.pageContext();
    const [lastRun] = await store.latestPtvImportRuns(db, 1);
    const list = await store.listPtvReview(db, state, page, IMPORTS_PAGE_SIZE);
    return reply.page(importsPage(ctx, { state, page, pageSize: IMPORTS_PAGE_SIZE, list, lastRun, flash: done ? ctx.tr.t('decided') : undefined }));
  });

  async function show(ptvId: string, request: FastifyRequest, reply: FastifyReply, extra: { flash?: string; problems?: string[] } = {}) {
    const row = await store.getPtvService(db, ptvId);
    if (!row) return reply.callNotFound();
    const record = row.recordId ? await store.getRecord(db, 'service', row.recordId) : undefined;
    const decisions = (await store.ptvDecisions(db, ptvId)).get(ptvId) ?? [];
    const pending = row.review === 'skipped' ? [] : pendingFields(row.draft, record?.data, decisions);
    const proposals = !record && row.review === 'new' ? await matchProposals(db, row) : [];
    const categories = (await store.listRecords(db, 'category')).map((category) => category.data as unknown as Category);
    return reply.page(importReviewPage(request.pageContext(), { row, record, pending, decisions, proposals, categories, ...extra }), extra.problems ? 422 : 200);
  }

  app.get('/imports/ptv/:ptvId', { schema: { params: ptvParams, querystring: z.looseObject({ done: text }) } }, async (request, reply) =>
    show(request.params.ptvId, request, reply, { flash: request.query.done ? request.pageContext().tr.t('decided') : undefined }),
  );

  /** After a decision: back to the draft while it still asks something, else to the list it came from. */
  async function after(ptvId: string, result: DecisionResult, request: FastifyRequest, reply: FastifyReply) {
    if (!result.ok) return show(ptvId, request, reply, { problems: result.problems });
    const row = await store.getPtvService(db, ptvId);
    if (row && (row.review === 'new' || row.review === 'changed' || row.review === 'gone')) return reply.redirect(`/imports/ptv/${ptvId}?done=1`, 303);
    return reply.redirect('/imports?done=1', 303);
  }

  app.post('/imports/ptv/:ptvId/decide', { schema: { params: ptvParams, body: decideBody } }, async (request, reply) => {
    const { ptvId } = request.params;
    const { decision, field, category } = request.body;
    const actor = request.signedIn!.email;
    const fields = field ? [field] : 'all';
    const result =
      decision === 'accept' ? await acceptPtv(db, ptvId, fields, actor, { categories: category ? [category] : undefined }) : await rejectPtv(db, ptvId, fields, actor);
    return after(ptvId, result, request, reply);
  });

  app.post('/imports/ptv/:ptvId/match', { schema: { params: ptvParams, body: matchBody } }, async (request, reply) =>
    after(request.params.ptvId, await matchPtv(db, request.params.ptvId, request.body.serviceId, request.signedIn!.email), request, reply),
  );

  app.post('/imports/ptv/:ptvId/gone', { schema: { params: ptvParams, body: goneBody } }, async (request, reply) =>
    after(request.params.ptvId, await decideGone(db, request.params.ptvId, request.body.action, request.signedIn!.email), request, reply),
  );
};
