/** The two pages where contacts are edited (a report, a record), shared by their GET and a refused save. */
import type { Service } from '@jarjestoopas/utils/catalogue/schema';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { formValues } from '../forms/contact-form';
import { helsinkiToday } from '../helsinki-today';
import * as store from '../store';
import type { EditFormValues, FieldErrors } from '../ui/contact-form';
import { messagePage } from '../ui/layout';
import { recordPage } from '../ui/pages/record';
import { reportPage } from '../ui/pages/report';

/** What the maintainer typed and what was wrong with it, when a save was refused. */
interface RefusedEdit {
  values: EditFormValues;
  errors: FieldErrors;
}

/** What the maintainer typed, and the service as it would be saved (nothing written yet). */
interface PreviewedEdit {
  values: EditFormValues;
  service: Service;
}

export interface EditingPage {
  flash?: string;
  refused?: RefusedEdit;
  /** Closing the report was refused (the reply): what was typed and why. */
  refusedClose?: { reply: string; error: string };
  preview?: PreviewedEdit;
}

export async function renderReport(request: FastifyRequest, reply: FastifyReply, id: string, { flash, refused, refusedClose, preview }: EditingPage = {}) {
  const { db, config } = request.server;
  const ctx = request.pageContext();
  const report = await store.getReport(db, id);
  if (!report) return reply.page(messagePage(ctx, '404', ctx.tr.t('notFound')), 404);
  const service = await store.getRecord(db, 'service', report.serviceId);
  const organisation = service ? await store.getRecord(db, 'organisation', String(service.data.organisationId)) : undefined;
  const now = config.now();
  const page = reportPage(ctx, {
    report,
    service,
    organisation,
    values: refused?.values ?? preview?.values ?? (service ? formValues(service.data) : { phones: [], email: '', website: '', hours: '' }),
    errors: refused?.errors ?? {},
    today: helsinkiToday(now),
    now,
    flash,
    ...(refusedClose ? { refusedClose } : {}),
    ...(preview ? { preview: preview.service } : {}),
  });
  return reply.page(page, refused || refusedClose ? 422 : 200);
}

export async function renderRecord(request: FastifyRequest, reply: FastifyReply, kind: 'service' | 'organisation', id: string, { flash, refused, preview }: EditingPage = {}) {
  const { db, config } = request.server;
  const ctx = request.pageContext();
  const record = await store.getRecord(db, kind, id);
  if (!record) return reply.page(messagePage(ctx, '404', ctx.tr.t('notFound')), 404);
  const organisation = kind === 'service' ? await store.getRecord(db, 'organisation', String(record.data.organisationId)) : undefined;
  const now = config.now();
  const page = recordPage(ctx, {
    kind,
    record,
    organisation,
    values: refused?.values ?? preview?.values ?? formValues(record.data),
    errors: refused?.errors ?? {},
    today: helsinkiToday(now),
    now,
    flash,
    ...(preview ? { preview: preview.service } : {}),
    history: await store.auditHistory(db, { kind, recordId: id, limit: 50 }),
  });
  return reply.page(page, refused ? 422 : 200);
}
