/** The inbox of nurses' reports (paged, filtered, closed many at once), one report with the form to fix what it is about, and closing it with a reply. */
import type { Organisation, Service } from '@jarjestoopas/utils/catalogue/schema';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { REPLY_MAX } from '@jarjestoopas/utils/reports/answer';
import { list, text } from '../forms/fields';
import { checkReply, type ReplyCheck } from '../forms/reply';
import { helsinkiToday } from '../helsinki-today';
import * as store from '../store';
import { INBOX_STATES, inboxHref, inboxPage, type InboxGroup } from '../ui/pages/inbox';
import { renderReport } from './editing-pages';

export const inboxRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, config } = app;

  const inboxQuery = z.looseObject({
    closed: text,
    closedMany: text,
    refused: text,
    state: z.enum(INBOX_STATES).catch('open'),
    service: text,
    page: z.coerce.number().int().min(1).catch(1),
  });

  app.get('/', { schema: { querystring: inboxQuery } }, async (request, reply) => {
    const ctx = request.pageContext();
    const { state, service, closed, closedMany, refused } = request.query;
    const filter: store.ReportFilter = { state, serviceId: service.trim() || undefined };
    const { reports, total } = await store.pageReports(db, filter, request.query.page);
    const pages = Math.max(1, Math.ceil(total / store.INBOX_PAGE_SIZE));
    const groups = new Map<string, InboxGroup>();
    for (const report of reports) {
      let group = groups.get(report.serviceId);
      if (!group) {
        const service = (await store.getRecord(db, 'service', report.serviceId))?.data as unknown as Service | undefined;
        const organisation = service ? ((await store.getRecord(db, 'organisation', service.organisationId))?.data as unknown as Organisation | undefined) : undefined;
        group = { serviceId: report.serviceId, service, organisation, reports: [] };
        groups.set(report.serviceId, group);
      }
      group.reports.push(report);
    }
    const flash = refused
      ? refusalText(ctx.tr.t, refused === 'identity-code' ? 'identity-code' : 'too-long')
      : closedMany
        ? ctx.tr.t('reportsClosed', closedMany)
        : closed
          ? ctx.tr.t('reportClosed', '')
          : undefined;
    const now = config.now();
    const view = { groups: [...groups.values()], filter, total, page: request.query.page, pages };
    return reply.page(inboxPage(ctx, view, helsinkiToday(now), now, flash));
  });

  // Closing a selection, or every waiting report of the filter (matching=all), in one statement.
  app.post(
    '/reports/close-many',
    { schema: { body: z.looseObject({ ids: list, matching: text, state: z.enum(INBOX_STATES).catch('open'), service: text, status: text, reply: text }) } },
    async (request, reply) => {
      const { ids, matching, state, service, status, reply: answer } = request.body;
      const filter: store.ReportFilter = { state, serviceId: service.trim() || undefined };
      // The same reply check as closing one report: every nurse of the selection reads it.
      const checked = checkReply(answer);
      if (!checked.ok) return reply.redirect(`${inboxHref(filter, 1)}&refused=${checked.problem}`, 303);
      const closed = await store.closeReports(
        db,
        matching === 'all' ? { filter } : { ids },
        status === 'fixed' ? 'fixed' : 'not-a-problem',
        checked.reply,
        request.signedIn!.email,
      );
      return reply.redirect(`${inboxHref(filter, 1)}&closedMany=${closed}`, 303);
    },
  );

  const reportParams = z.object({ id: z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i) });

  app.get('/reports/:id', { schema: { params: reportParams, querystring: z.looseObject({ saved: text }) } }, async (request, reply) =>
    renderReport(request, reply, request.params.id, { flash: request.query.saved ? request.pageContext().tr.t('saved') : undefined }),
  );

  app.post(
    '/reports/:id/close',
    { schema: { params: reportParams, body: z.looseObject({ status: text, reply: text }) } },
    async (request, reply) => {
      const status = request.body.status === 'not-a-problem' ? 'not-a-problem' : 'fixed';
      const checked = checkReply(request.body.reply);
      if (!checked.ok) {
        const error = refusalText(request.pageContext().tr.t, checked.problem);
        return renderReport(request, reply, request.params.id, { refusedClose: { reply: request.body.reply, error } });
      }
      await store.closeReport(db, request.params.id, status, checked.reply, request.signedIn!.email);
      return reply.redirect('/?closed=1', 303);
    },
  );
};

type Translate = ReturnType<FastifyRequest['pageContext']>['tr']['t'];

/** Why a reply was refused, in the maintainer's language. */
function refusalText(t: Translate, problem: Extract<ReplyCheck, { ok: false }>['problem']): string {
  return problem === 'identity-code' ? t('replyHasIdentityCode') : t('replyTooLong', String(REPLY_MAX));
}
