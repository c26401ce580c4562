/**
 * Editing a service's or an organisation's contacts (and confirming them), and ending a service.
 * A save the shared schema refuses shows the form again with each problem beside its field.
 */
import type { Service } from '@jarjestoopas/utils/catalogue/schema';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { applyContactForm, errorsByField, readContactForm } from '../forms/contact-form';
import { formBody, list, text, type FormBody } from '../forms/fields';
import { safeReturn } from '../forms/safe-return';
import { helsinkiToday } from '../helsinki-today';
import * as store from '../store';
import { FACTS } from '../ui/contact-form';
import { renderRecord, renderReport } from './editing-pages';

const editableKind = z.enum(['service', 'organisation']);
const recordParams = z.object({ kind: editableKind, id: z.string() });
const contactFormBody = formBody.transform((fields) => ({ fields, verify: list.parse(fields.verify), returnTo: text.parse(fields.returnTo) }));
const reportIdIn = (returnTo: string) => /^\/reports\/([0-9a-f-]{36})$/.exec(returnTo)?.[1];
const isFact = (value: string): value is (typeof FACTS)[number] => (FACTS as readonly string[]).includes(value);

export const recordRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, config } = app;

  app.get('/records/:kind/:id', { schema: { params: recordParams, querystring: z.looseObject({ saved: text }) } }, async (request, reply) =>
    renderRecord(request, reply, request.params.kind, request.params.id, { flash: request.query.saved ? request.pageContext().tr.t('saved') : undefined }),
  );

  /** The record as the form would leave it: the typed contacts, and today's verification of the ticked facts. */
  const proposed = async (current: store.StoredRecord, kind: 'service' | 'organisation', body: { fields: FormBody; verify: string[] }) => {
    const values = readContactForm(body.fields);
    const next = applyContactForm(current.data, kind, values);
    const facts = body.verify.filter(isFact);
    // The feed names the organisation that confirmed it (public); who did is in the audit history (internal).
    const verifier = config.verifiedBy ?? (await store.readHeader(db)).maintainer.name;
    const record = facts.length > 0 ? store.verificationPatch(next, kind, helsinkiToday(config.now()), verifier, facts) : next;
    return { values, facts, record };
  };

  app.post(
    '/records/:kind/:id',
    // The contact rows are numbered fields (phones.0.number …): the form is read by readContactForm.
    { schema: { params: recordParams, body: contactFormBody } },
    async (request, reply) => {
      const { kind, id } = request.params;
      const current = await store.getRecord(db, kind, id);
      if (!current) return reply.callNotFound();
      const actor = request.signedIn!.email;
      const { values, facts, record } = await proposed(current, kind, request.body);
      const result = await store.saveRecord(db, kind, id, record, actor, facts.length > 0 ? 'edit+verify' : 'edit');
      const returnTo = safeReturn(request.body.returnTo, `/records/${kind}/${id}`);
      if (result.ok) return reply.redirect(`${returnTo}${returnTo.includes('?') ? '&' : '?'}saved=1`, 303);
      const refused = { values, errors: errorsByField(result.issues, kind, request.pageContext().tr.t) };
      const reportId = reportIdIn(returnTo);
      return reportId ? renderReport(request, reply, reportId, { refused }) : renderRecord(request, reply, kind, id, { refused });
    },
  );

  // The same form, "Esikatsele": the page it came from, with the card and note before and after
  // and what changes for nurses; nothing is saved (the form keeps what was typed).
  app.post(
    '/records/:kind/:id/preview',
    { schema: { params: z.object({ kind: z.literal('service'), id: z.string() }), body: contactFormBody } },
    async (request, reply) => {
      const { kind, id } = request.params;
      const current = await store.getRecord(db, kind, id);
      if (!current) return reply.callNotFound();
      const { values, record } = await proposed(current, kind, request.body);
      // Checked exactly as the save would check it (the record, then the catalogue as publishing does).
      const checked = await store.checkSave(db, kind, id, record);
      const returnTo = safeReturn(request.body.returnTo, `/records/${kind}/${id}`);
      const reportId = reportIdIn(returnTo);
      const page = checked.ok
        ? { preview: { values, service: checked.record as unknown as Service } }
        : { refused: { values, errors: errorsByField(checked.issues, kind, request.pageContext().tr.t) } };
      return reportId ? renderReport(request, reply, reportId, page) : renderRecord(request, reply, kind, id, page);
    },
  );

  app.post('/records/:kind/:id/end', { schema: { params: z.object({ kind: z.literal('service'), id: z.string() }) } }, async (request, reply) => {
    if (!(await store.getRecord(db, 'service', request.params.id))) return reply.callNotFound();
    await store.endRecord(db, 'service', request.params.id, request.signedIn!.email);
    return reply.redirect(`/records/service/${request.params.id}`, 303);
  });
};
