/** Which services were verified, and how long ago; and the audit history of everything. */
import type { Organisation, Service } from '@jarjestoopas/utils/catalogue/schema';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { helsinkiToday } from '../helsinki-today';
import * as store from '../store';
import { historyPage } from '../ui/pages/history';
import { overviewPage } from '../ui/pages/overview';
import { verificationStatus } from '../ui/verification';

export const overviewRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, config } = app;

  app.get('/overview', async (request, reply) => {
    const services = (await store.listRecords(db, 'service')).map((r) => r.data as unknown as Service);
    const organisations = new Map((await store.listRecords(db, 'organisation')).map((r) => [r.id, r.data as unknown as Organisation]));
    const today = helsinkiToday(config.now());
    const rows = services.map((service) => ({ service, organisation: organisations.get(service.organisationId), status: verificationStatus(service.verifiedAt, today) }));
    return reply.page(overviewPage(request.pageContext(), rows, today));
  });

  app.get('/history', async (request, reply) => reply.page(historyPage(request.pageContext(), await store.auditHistory(db, { limit: 200 }))));
};
