/**
 * Info sessions from the coordinator's booking sheet: upload (CSV) → every row checked, errors
 * with row numbers → a preview kept as a booking-sheet import → apply = replace and publish.
 */
import { formatIssues, parseCatalogue } from '@jarjestoopas/utils/catalogue/load';
import { importSheet } from '@jarjestoopas/utils/sessions/import-sheet';
import { aliasFileSchema } from '@jarjestoopas/utils/sessions/match-names';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import sessionAliases from '../../../data/session-aliases.json';
import { publish } from '../publishing';
import * as store from '../store';
import { infoSessionsPage } from '../ui/pages/info-sessions';
import { publishAndShow } from './publishing';

const importParams = z.object({ id: z.coerce.number().int().positive() });

export const infoSessionRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, config } = app;
  // The names the coordinator writes that the matcher cannot resolve alone (data/session-aliases.json).
  const aliases = aliasFileSchema.parse(sessionAliases);

  async function names() {
    const sites = new Map((await store.listRecords(db, 'site')).map((r) => [r.id, String(r.data.name)]));
    const organisations = new Map((await store.listRecords(db, 'organisation')).map((r) => [r.id, String(r.data.name)]));
    return { siteNames: sites, organisationNames: organisations };
  }

  app.get('/info-sessions', async (request, reply) => reply.page(infoSessionsPage(request.pageContext(), await names())));

  app.post('/info-sessions/booking-sheet', async (request, reply) => {
    const ctx = request.pageContext();
    const file = await request.file();
    if (!file) return reply.page(infoSessionsPage(ctx, { errors: ['no file'], ...(await names()) }), 400);
    const csv = (await file.toBuffer()).toString('utf8');
    const parsed = parseCatalogue(await store.assembleCatalogue(db));
    if (!parsed.success) return reply.page(infoSessionsPage(ctx, { errors: formatIssues(parsed.data, parsed.issues), ...(await names()) }), 422);
    const result = importSheet(csv, parsed.catalogue, aliases);
    if (!result.ok) return reply.page(infoSessionsPage(ctx, { errors: result.errors, ...(await names()) }), 422);
    const id = await store.saveBookingSheetImport(db, request.signedIn!.email, file.filename, csv, result.sessions);
    return reply.redirect(`/info-sessions/booking-sheet-imports/${id}`, 303);
  });

  app.get('/info-sessions/booking-sheet-imports/:id', { schema: { params: importParams } }, async (request, reply) => {
    const preview = await store.getBookingSheetImport(db, request.params.id);
    if (!preview) return reply.callNotFound();
    return reply.page(infoSessionsPage(request.pageContext(), { preview, ...(await names()) }));
  });

  app.post('/info-sessions/booking-sheet-imports/:id/apply', { schema: { params: importParams } }, async (request, reply) => {
    const preview = await store.getBookingSheetImport(db, request.params.id);
    if (!preview) return reply.callNotFound();
    const actor = request.signedIn!.email;
    await store.replaceInfoSessions(db, preview.infoSessions, actor);
    await store.markBookingSheetImportApplied(db, preview.id);
    return publishAndShow(request, reply, () => publish(db, { key: config.key, actor }));
  });
};
