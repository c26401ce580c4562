/** The inbox of nurses' reports, one report with the form to fix what it is about, and closing it with a reply. */
import type { Organisation, Service } from '@jarjestoopas/utils/catalogue/schema';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { text } from '../forms/fields';
import { helsinkiToday } from '../helsinki-today';
import * as store from '../store';
import { inboxPage, type InboxGroup } from '../ui/pages/inbox';
import { renderReport } from './editing-pages';

export const inboxRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, config } = app;

  app.get('/', { schema: { querystring: z.looseObject({ closed: text }) } }, async (request, reply) => {
    const ctx = request.pageContext();
    const groups = new Map<string, InboxGroup>();
    for (const report of await store.listReports(db, 'open')) {
      let group = groups.get(report.serviceId);
      if (!group) {
        const service = (await store.getRecord(db, 'service', report.serviceId))?.data as unknown as Service | undefined;
        const organisation = service ? ((await store.getRecord(db, 'organisation', service.organisationId))?.data as unknown as Organisation | undefined) : undefined;
        group = { serviceId: report.serviceId, service, organisation, reports: [] };
        groups.set(report.serviceId, group);
      }
      group.reports.push(report);
    }
    const flash = request.query.closed ? ctx.tr.t('reportClosed', '') : undefined;
    const now = config.now();
    return reply.page(inboxPage(ctx, [...groups.values()], helsinkiToday(now), now, flash));
  });

  // A malformed id is a 400 here, not an SQL error (a 500) at the uuid cast.
  const reportParams = z.object({ id: z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i) });

  app.get('/reports/:id', { schema: { params: reportParams, querystring: z.looseObject({ saved: text }) } }, async (request, reply) =>
    renderReport(request, reply, request.params.id, { flash: request.query.saved ? request.pageContext().tr.t('saved') : undefined }),
  );

  app.post(
    '/reports/:id/close',
    { schema: { params: reportParams, body: z.looseObject({ status: text, reply: text }) } },
    async (request, reply) => {
      const status = request.body.status === 'not-a-problem' ? 'not-a-problem' : 'fixed';
      await store.closeReport(db, request.params.id, status, request.body.reply.trim().slice(0, 2000), request.signedIn!.email);
      return reply.redirect('/?closed=1', 303);
    },
  );
};
