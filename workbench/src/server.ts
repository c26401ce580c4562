/**
 * The workbench's HTTP server (Fastify). Public: report intake, the signed feed, /healthz.
 * Everything else is behind a sign-in (HttpOnly, SameSite=Strict session cookie) and every
 * state-changing form carries the session's CSRF token.
 */
import type { OpeningHours } from '@jarjestoopas/utils/catalogue/schema';
import { formatHours } from '@jarjestoopas/utils/hours/format';
import { parseHoursText } from '@jarjestoopas/utils/hours/parse';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyCors from '@fastify/cors';
import fastifyFormbody from '@fastify/formbody';
import fastifyHelmet from '@fastify/helmet';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import { hash as argonHash, verify as argonVerify } from '@node-rs/argon2';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { formatIssues, parseCatalogue } from '@jarjestoopas/utils/catalogue/load';
import type { Organisation, Service } from '@jarjestoopas/utils/catalogue/schema';
import { findPersonalIdentityCodes } from '@jarjestoopas/utils/reports/guard';
import { reportSchema } from '@jarjestoopas/utils/reports/schema';
import { importSheet } from '@jarjestoopas/utils/sessions/import-sheet';
import { aliasFileSchema } from '@jarjestoopas/utils/sessions/match-names';
import type { SigningKeyPair } from '@jarjestoopas/utils/sync/signature';
import type { Db } from './db/db';
import { latestFeed, listFeeds, publish, PublishError, republish } from './feed';
import * as store from './store';
import { languageFromHeader, translator, type Translator } from './ui/messages';
import * as views from './ui/views';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const CSS = readFileSync(join(ROOT, 'workbench/src/ui/workbench.css'), 'utf8');

export const REPORT_BODY_LIMIT = 16 * 1024;
const SESSION_COOKIE = 'wb_session';
const SESSION_HOURS = 12;
const EXTENSION_ORIGIN = /^(chrome|moz)-extension:\/\/[A-Za-z0-9._-]+$/;

export interface ServerOptions {
  db: Db;
  key: SigningKeyPair;
  /**
   * Where browsers reach this server, e.g. https://opas.example.fi (cookies are Secure on
   * https). Read on each request, so it may be filled in after listen() picked a port.
   */
  publicUrl: string;
  /** Behind a reverse proxy (HTTPS terminated there): trust its X-Forwarded-* headers. */
  trustProxy?: boolean;
  intakeRateLimit?: { max: number; timeWindow: number };
  loginRateLimit?: { max: number; timeWindow: number };
  now?: () => Date;
  logger?: boolean;
}

/** Today in Helsinki as YYYY-MM-DD: what "verified today" means to a maintainer in Vantaa. */
export function helsinkiToday(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Helsinki', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

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

/** Argon2id (memory-hard) through @node-rs/argon2's defaults: m=19 MiB, t=2, p=1 (OWASP's minimum). */
export const hashPassword = (password: string) => argonHash(password);
const DUMMY_HASH = argonHash('not a password: equalises the time of unknown e-mails');

type FormBody = Record<string, string | string[] | undefined>;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? '';
const all = (value: string | string[] | undefined) => (Array.isArray(value) ? value : value === undefined ? [] : [value]);
const safeReturn = (path: string, fallback: string) => (/^\/(?![/\\])/.test(path) ? path : fallback);

export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const { db, key } = options;
  const now = options.now ?? (() => new Date());
  const secure = () => options.publicUrl.startsWith('https:');
  // forceCloseConnections: a browser's keep-alive connection must not keep Ctrl+C (SIGTERM) from
  // stopping the server; requests in flight still finish.
  const app = Fastify({ logger: options.logger ?? false, trustProxy: options.trustProxy ?? false, forceCloseConnections: 'idle' });

  await app.register(fastifyHelmet, {
    // The feed and the intake are read by extensions on other origins (CORS decides who).
    crossOriginResourcePolicy: false,
    // not no-referrer: with it Chromium sends `Origin: null` on form posts, and the CSRF check
    // below wants the real origin of a same-origin post.
    referrerPolicy: { policy: 'same-origin' },
    contentSecurityPolicy: { directives: { 'form-action': ["'self'"], 'script-src': ["'none'"], 'upgrade-insecure-requests': null } },
  });
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifyCookie);

  app.get('/healthz', async () => {
    await db.query('SELECT 1');
    return { ok: true };
  });
  app.get('/static/workbench.css', async (_request, reply) => reply.type('text/css; charset=utf-8').header('Cache-Control', 'max-age=300').send(CSS));

  // ------------------------------------------------------------ report intake (public)
  await app.register(async (api) => {
    await api.register(fastifyCors, {
      origin: (origin, callback) => callback(null, origin === undefined || EXTENSION_ORIGIN.test(origin)),
      methods: ['POST'],
      allowedHeaders: ['Content-Type', 'Idempotency-Key'],
      maxAge: 600,
    });
    api.setErrorHandler((error: { statusCode?: number; message: string }, _request, reply) => {
      const status = error.statusCode && error.statusCode >= 400 ? error.statusCode : 500;
      return reply.status(status).send({ error: status === 500 ? 'internal error' : error.message });
    });
    api.post(
      '/reports',
      {
        bodyLimit: REPORT_BODY_LIMIT,
        config: { rateLimit: options.intakeRateLimit ?? { max: 60, timeWindow: 60_000 } },
      },
      async (request, reply) => {
        const body = request.body;
        // Patient data first, before anything is stored or echoed: the same guard as the extension.
        if (stringsIn(body).some((text) => findPersonalIdentityCodes(text).length > 0)) {
          return reply.status(422).send({ error: 'the report contains a Finnish personal identity code (henkilötunnus); remove it and send again' });
        }
        const parsed = reportSchema.safeParse(body);
        if (!parsed.success) {
          return reply.status(400).send({ error: `not a valid report: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`).join('; ')}`.slice(0, 500) });
        }
        const idempotencyKey = request.headers['idempotency-key'];
        if (typeof idempotencyKey !== 'string' || idempotencyKey !== parsed.data.id) {
          return reply.status(400).send({ error: 'the Idempotency-Key header must equal the report id' });
        }
        const result = await store.insertReport(db, parsed.data, idempotencyKey);
        return reply.status(result.created ? 201 : 200).send({ id: result.id });
      },
    );
  }, { prefix: '/api' });

  // ------------------------------------------------------------ the signed feed (public)
  await app.register(async (feed) => {
    await feed.register(fastifyCors, { origin: '*', methods: ['GET', 'HEAD'], allowedHeaders: ['If-None-Match'], exposedHeaders: ['ETag'], maxAge: 600 });
    const serve = (part: 'catalogue' | 'signature') => async (request: FastifyRequest, reply: FastifyReply) => {
      const current = await latestFeed(db);
      if (!current) return reply.status(404).send({ error: 'nothing published yet' });
      const etag = part === 'catalogue' ? current.etag : `${current.etag.slice(0, -1)}-sig"`;
      reply.header('ETag', etag).header('Cache-Control', 'no-cache').header('X-Content-Type-Options', 'nosniff');
      const match = request.headers['if-none-match'];
      if (match && match.split(',').some((tag) => tag.trim() === etag || tag.trim() === '*')) return reply.status(304).send();
      return reply.type('application/json; charset=utf-8').send(part === 'catalogue' ? current.catalogue : `${current.signature}\n`);
    };
    feed.get('/catalogue.json', serve('catalogue'));
    feed.get('/catalogue.json.sig', serve('signature'));
  }, { prefix: '/feed' });

  // ------------------------------------------------------------ the maintainers' pages
  await app.register(async (ui) => {
    await ui.register(fastifyFormbody, { bodyLimit: 64 * 1024 });
    await ui.register(fastifyMultipart, { limits: { fileSize: 1024 * 1024, files: 1, fields: 5 } });

    const contextOf = (request: FastifyRequest): views.PageContext => ({
      tr: translator(languageFromHeader(request.headers['accept-language'])),
      user: request.user,
      path: request.url.split('?')[0]!,
    });
    const page = (reply: FastifyReply, body: string, status = 200) =>
      reply.status(status).type('text/html; charset=utf-8').header('Cache-Control', 'no-store').header('Cross-Origin-Resource-Policy', 'same-origin').send(body);

    ui.setErrorHandler((error: { statusCode?: number; message: string }, request, reply) => {
      const ctx = contextOf(request);
      if (error.statusCode === 429) return page(reply, views.loginPage(ctx, { error: ctx.tr.t('loginRateLimited') }), 429);
      if (error.statusCode && error.statusCode < 500) return page(reply, views.messagePage(ctx, String(error.statusCode), error.message), error.statusCode);
      request.log.error(error);
      return page(reply, views.messagePage(ctx, '500', 'internal error'), 500);
    });

    // Who is signed in (if anyone), for every request in this context.
    ui.decorateRequest('user', undefined);
    ui.addHook('onRequest', async (request) => {
      const token = request.cookies[SESSION_COOKIE];
      if (!token) return;
      const session = await store.findSession(db, sha256(token));
      if (session) request.user = { email: session.email, csrfToken: session.csrfToken };
    });

    ui.get('/login', async (request, reply) => {
      const next = first((request.query as FormBody).next);
      return page(reply, views.loginPage(contextOf(request), { next: safeReturn(next, '/') }));
    });

    ui.post(
      '/login',
      { config: { rateLimit: options.loginRateLimit ?? { max: 10, timeWindow: 15 * 60_000 } } },
      async (request, reply) => {
        const body = (request.body ?? {}) as FormBody;
        const email = first(body.email).trim();
        const password = first(body.password);
        const maintainer = email ? await store.findMaintainer(db, email) : undefined;
        const ok = maintainer
          ? await argonVerify(maintainer.passwordHash, password).catch(() => false)
          : (await argonVerify(await DUMMY_HASH, password).catch(() => false)) && false;
        if (!maintainer || !ok) {
          const ctx = contextOf(request);
          return page(reply, views.loginPage(ctx, { error: ctx.tr.t('loginFailed'), next: first(body.next), email }), 401);
        }
        const token = randomBytes(32).toString('base64url');
        await store.createSession(db, sha256(token), maintainer.id, randomBytes(24).toString('base64url'), SESSION_HOURS);
        reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'strict', secure: secure(), path: '/', maxAge: SESSION_HOURS * 3600 });
        return reply.redirect(safeReturn(first(body.next), '/'), 303);
      },
    );

    // Everything below needs a signed-in maintainer; POSTs need the session's CSRF token too.
    await ui.register(async (auth) => {
      auth.addHook('preHandler', async (request, reply) => {
        if (!request.user) {
          if (request.method === 'GET') return reply.redirect(`/login?next=${encodeURIComponent(request.url)}`, 303);
          return reply.status(401).type('text/plain').send('sign in first');
        }
        if (request.method === 'POST') {
          const sent = first(((request.body ?? {}) as FormBody)._csrf) || first((request.query as FormBody)._csrf);
          const expected = request.user.csrfToken;
          const good = sent.length === expected.length && timingSafeEqual(Buffer.from(sent), Buffer.from(expected));
          const origin = request.headers.origin;
          const sameOrigin = !origin || origin === new URL(options.publicUrl).origin || origin === `${request.protocol}://${request.host}`;
          if (!good || !sameOrigin) {
            const ctx = contextOf(request);
            return page(reply, views.messagePage(ctx, '403', ctx.tr.t('badRequest')), 403);
          }
        }
      });

      auth.post('/logout', async (request, reply) => {
        const token = request.cookies[SESSION_COOKIE];
        if (token) await store.endSession(db, sha256(token));
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return reply.redirect('/login', 303);
      });

      auth.get('/', async (request, reply) => {
        const ctx = contextOf(request);
        const reports = await store.listReports(db, 'open');
        const groups = new Map<string, views.InboxGroup>();
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
        const flash = first((request.query as FormBody).closed) ? ctx.tr.t('reportClosed', '') : undefined;
        return page(reply, views.inboxPage(ctx, [...groups.values()], helsinkiToday(now()), now(), flash));
      });

      const formValues = (record: store.CatalogueRecord, kind: 'service' | 'organisation'): views.EditFormValues => ({
        phones: ((record.phones as Array<{ number: string; display: string; label?: string }> | undefined) ?? []).map((p) => ({ number: p.number, display: p.display, label: p.label ?? '' })),
        email: String(record.email ?? ''),
        website: String(record.website ?? record.url ?? ''),
        addresses: ((record.addresses as Array<{ street?: string; postalCode?: string; city: string; label?: string }> | undefined) ?? []).map((a) => ({
          street: a.street ?? '',
          postalCode: a.postalCode ?? '',
          city: a.city,
          label: a.label ?? '',
        })),
        // Schema v2 hours are structured; the form edits them as the words a page prints.
        hours: record.hours && typeof record.hours === 'object' ? formatHours(record.hours as OpeningHours, 'fi') : String(record.hours ?? ''),
      });

      async function renderReport(request: FastifyRequest, reply: FastifyReply, id: string, edit?: { values: views.EditFormValues; errors: views.FieldErrors }, status = 200) {
        const report = await store.getReport(db, id);
        const ctx = contextOf(request);
        if (!report) return page(reply, views.messagePage(ctx, '404', ctx.tr.t('notFound')), 404);
        const service = await store.getRecord(db, 'service', report.serviceId);
        const organisation = service ? await store.getRecord(db, 'organisation', String(service.data.organisationId)) : undefined;
        const saved = first((request.query as FormBody).saved);
        return page(
          reply,
          views.reportPage(ctx, {
            report,
            service,
            organisation,
            values: edit?.values ?? (service ? formValues(service.data, 'service') : { phones: [], email: '', website: '', hours: '' }),
            errors: edit?.errors ?? {},
            today: helsinkiToday(now()),
            now: now(),
            flash: saved ? ctx.tr.t('saved') : undefined,
          }),
          status,
        );
      }

      auth.get('/reports/:id', async (request, reply) => renderReport(request, reply, (request.params as { id: string }).id));

      auth.post('/reports/:id/close', async (request, reply) => {
        const { id } = request.params as { id: string };
        const body = (request.body ?? {}) as FormBody;
        const status = first(body.status) === 'not-a-problem' ? 'not-a-problem' : 'fixed';
        await store.closeReport(db, id, status, first(body.reply).trim().slice(0, 2000), request.user!.email);
        return reply.redirect('/?closed=1', 303);
      });

      async function renderRecord(request: FastifyRequest, reply: FastifyReply, kind: 'service' | 'organisation', id: string, edit?: { values: views.EditFormValues; errors: views.FieldErrors }, status = 200) {
        const ctx = contextOf(request);
        const record = await store.getRecord(db, kind, id);
        if (!record) return page(reply, views.messagePage(ctx, '404', ctx.tr.t('notFound')), 404);
        const organisation = kind === 'service' ? await store.getRecord(db, 'organisation', String(record.data.organisationId)) : undefined;
        return page(
          reply,
          views.recordPage(ctx, {
            kind,
            record,
            organisation,
            values: edit?.values ?? formValues(record.data, kind),
            errors: edit?.errors ?? {},
            today: helsinkiToday(now()),
            now: now(),
            flash: first((request.query as FormBody).saved) ? ctx.tr.t('saved') : undefined,
            history: await store.auditHistory(db, { kind, recordId: id, limit: 50 }),
          }),
          status,
        );
      }

      const kindOf = (value: string) => (value === 'service' || value === 'organisation' ? value : undefined);

      auth.get('/records/:kind/:id', async (request, reply) => {
        const { kind, id } = request.params as { kind: string; id: string };
        const k = kindOf(kind);
        if (!k) return reply.callNotFound();
        return renderRecord(request, reply, k, id);
      });

      auth.post('/records/:kind/:id', async (request, reply) => {
        const { kind, id } = request.params as { kind: string; id: string };
        const k = kindOf(kind);
        if (!k) return reply.callNotFound();
        const current = await store.getRecord(db, k, id);
        if (!current) return reply.callNotFound();
        const body = (request.body ?? {}) as FormBody;
        const values = readContactForm(body);
        const next = applyContactForm(current.data, k, values);
        const facts = all(body.verify).filter((fact): fact is views.Fact => (views.FACTS as readonly string[]).includes(fact));
        const record = facts.length > 0 ? store.verificationPatch(next, k, helsinkiToday(now()), request.user!.email, facts) : next;
        const result = await store.saveRecord(db, k, id, record, request.user!.email, facts.length > 0 ? 'edit+verify' : 'edit');
        const returnTo = safeReturn(first(body.returnTo), `/records/${k}/${id}`);
        if (result.ok) return reply.redirect(`${returnTo}${returnTo.includes('?') ? '&' : '?'}saved=1`, 303);
        const errors = errorsByField(result.issues, k, contextOf(request).tr.t);
        const reportId = /^\/reports\/([0-9a-f-]{36})$/.exec(returnTo)?.[1];
        return reportId ? renderReport(request, reply, reportId, { values, errors }, 422) : renderRecord(request, reply, k, id, { values, errors }, 422);
      });

      auth.post('/records/:kind/:id/end', async (request, reply) => {
        const { kind, id } = request.params as { kind: string; id: string };
        if (kind !== 'service') return reply.callNotFound();
        await store.endRecord(db, 'service', id, request.user!.email);
        return reply.redirect(`/records/service/${id}`, 303);
      });

      auth.get('/overview', async (request, reply) => {
        const services = (await store.listRecords(db, 'service')).map((r) => r.data as unknown as Service);
        const organisations = new Map((await store.listRecords(db, 'organisation')).map((r) => [r.id, r.data as unknown as Organisation]));
        const today = helsinkiToday(now());
        const rows = services.map((service) => ({ service, organisation: organisations.get(service.organisationId), status: views.verificationStatus(service.verifiedAt, today) }));
        return page(reply, views.overviewPage(contextOf(request), rows, today));
      });

      auth.get('/history', async (request, reply) => page(reply, views.historyPage(contextOf(request), await store.auditHistory(db, { limit: 200 }))));

      async function renderPublish(request: FastifyRequest, reply: FastifyReply, extra: { flash?: string; problems?: string[] } = {}, status = 200) {
        return page(reply, views.publishPage(contextOf(request), { revisions: await listFeeds(db), feedUrl: `${options.publicUrl}/feed/catalogue.json`, reportUrl: `${options.publicUrl}/api/reports`, publicKey: key.publicKey, ...extra }), status);
      }
      auth.get('/publish', async (request, reply) => {
        const published = first((request.query as FormBody).published);
        const ctx = contextOf(request);
        return renderPublish(request, reply, published ? { flash: ctx.tr.t('published', published, first((request.query as FormBody).services)) } : {});
      });
      const publishing = async (request: FastifyRequest, reply: FastifyReply, run: () => Promise<{ revision: number; services: number }>) => {
        try {
          const result = await run();
          return reply.redirect(`/publish?published=${result.revision}&services=${result.services}`, 303);
        } catch (error) {
          if (error instanceof PublishError) return renderPublish(request, reply, { problems: error.problems }, 422);
          throw error;
        }
      };
      auth.post('/publish', (request, reply) => publishing(request, reply, () => publish(db, { key, actor: request.user!.email })));
      auth.post('/publish/:revision/republish', (request, reply) =>
        publishing(request, reply, () => republish(db, Number((request.params as { revision: string }).revision), { key, actor: request.user!.email })),
      );

      async function sessionNames() {
        const sites = new Map((await store.listRecords(db, 'site')).map((r) => [r.id, String(r.data.name)]));
        const organisations = new Map((await store.listRecords(db, 'organisation')).map((r) => [r.id, String(r.data.name)]));
        return { siteNames: sites, organisationNames: organisations };
      }
      auth.get('/sessions', async (request, reply) => page(reply, views.sessionsPage(contextOf(request), { ...(await sessionNames()) })));
      auth.post('/sessions/upload', async (request, reply) => {
        const file = await request.file();
        const ctx = contextOf(request);
        if (!file) return page(reply, views.sessionsPage(ctx, { errors: ['no file'], ...(await sessionNames()) }), 400);
        const csv = (await file.toBuffer()).toString('utf8');
        const parsed = parseCatalogue(await store.assembleCatalogue(db));
        if (!parsed.success) return page(reply, views.sessionsPage(ctx, { errors: formatIssues(parsed.data, parsed.issues), ...(await sessionNames()) }), 422);
        const aliases = aliasFileSchema.parse(JSON.parse(readFileSync(join(ROOT, 'data/session-aliases.json'), 'utf8')));
        const result = importSheet(csv, parsed.catalogue, aliases);
        if (!result.ok) return page(reply, views.sessionsPage(ctx, { errors: result.errors, ...(await sessionNames()) }), 422);
        const id = await store.saveSessionImport(db, request.user!.email, file.filename, csv, result.sessions);
        return reply.redirect(`/sessions/imports/${id}`, 303);
      });
      auth.get('/sessions/imports/:id', async (request, reply) => {
        const preview = await store.getSessionImport(db, Number((request.params as { id: string }).id) || 0);
        if (!preview) return reply.callNotFound();
        return page(reply, views.sessionsPage(contextOf(request), { preview, ...(await sessionNames()) }));
      });
      auth.post('/sessions/imports/:id/apply', async (request, reply) => {
        const preview = await store.getSessionImport(db, Number((request.params as { id: string }).id) || 0);
        if (!preview) return reply.callNotFound();
        await store.replaceInfoSessions(db, preview.sessions, request.user!.email);
        await store.markSessionImportApplied(db, preview.id);
        return publishing(request, reply, () => publish(db, { key, actor: request.user!.email }));
      });
    });

    ui.setNotFoundHandler((request, reply) => {
      const ctx = contextOf(request);
      return page(reply, views.messagePage(ctx, '404', ctx.tr.t('notFound')), 404);
    });
  });

  return app;
}

declare module 'fastify' {
  interface FastifyRequest {
    user?: { email: string; csrfToken: string };
  }
}

/** The form's contact fields, as typed. */
export function readContactForm(body: FormBody): views.EditFormValues {
  const phones: views.EditFormValues['phones'] = [];
  for (let index = 0; index < 20; index += 1) {
    const row = { number: first(body[`phones.${index}.number`]).trim(), display: first(body[`phones.${index}.display`]).trim(), label: first(body[`phones.${index}.label`]).trim() };
    if (body[`phones.${index}.number`] === undefined) break;
    if (row.number || row.display || row.label) phones.push(row);
  }
  // A form without address rows (an older page, a script) leaves the addresses as they are.
  let addresses: views.EditFormValues['addresses'];
  if (body['addresses.0.city'] !== undefined) {
    addresses = [];
    for (let index = 0; index < 20 && body[`addresses.${index}.city`] !== undefined; index += 1) {
      const row = {
        street: first(body[`addresses.${index}.street`]).trim(),
        postalCode: first(body[`addresses.${index}.postalCode`]).trim(),
        city: first(body[`addresses.${index}.city`]).trim(),
        label: first(body[`addresses.${index}.label`]).trim(),
      };
      if (row.street || row.postalCode || row.city || row.label) addresses.push(row);
    }
  }
  return { phones, email: first(body.email).trim(), website: first(body.website).trim(), ...(addresses ? { addresses } : {}), hours: first(body.hours).trim() };
}

/** The record with the form's contacts; everything else (and any v2 field) stays as it was. */
export function applyContactForm(record: store.CatalogueRecord, kind: 'service' | 'organisation', values: views.EditFormValues): store.CatalogueRecord {
  const next: store.CatalogueRecord = { ...record };
  const phones = values.phones.map((p) => ({
    // Typed spaces and dashes are the maintainer's formatting, not part of the number.
    number: p.number.replace(/[\s-]/g, ''),
    display: p.display || p.number,
    ...(p.label ? { label: p.label } : {}),
  }));
  const set = (name: string, value: unknown, keep: boolean) => {
    if (keep) next[name] = value;
    else delete next[name];
  };
  if (kind === 'service') {
    // Schema v2: a service with no contact point of its own uses its organisation's (an empty list).
    next.phones = phones;
    delete next.url;
    set('website', values.website, Boolean(values.website));
    // Typed hours are read like the importer reads a page ("ma–pe 9–15", "24/7"); words it cannot read stay as text.
    set('hours', values.hours ? parseHoursText(values.hours) : undefined, Boolean(values.hours));
  } else {
    next.phones = phones;
    set('website', values.website, Boolean(values.website));
  }
  set('email', values.email, Boolean(values.email));
  if (values.addresses) {
    // An empty city is left in, so that the schema says so beside the field instead of the row vanishing.
    next.addresses = values.addresses.map((a) => ({
      ...(a.street ? { street: a.street } : {}),
      ...(a.postalCode ? { postalCode: a.postalCode } : {}),
      city: a.city,
      ...(a.label ? { label: a.label } : {}),
    }));
  }
  return next;
}

/** Schema issues → the form field they belong to (url and website are one field in the form). */
export function errorsByField(
  issues: readonly { path: PropertyKey[]; message: string }[],
  kind: 'service' | 'organisation',
  t: Translator['t'],
): views.FieldErrors {
  const errors: views.FieldErrors = {};
  for (const issue of issues) {
    const [head, ...rest] = issue.path.map(String);
    let name = [head, ...rest].join('.');
    if (head === 'url' || head === 'website') name = 'website';
    // The schema's own (English, developer) wording stays in brackets for anything unforeseen.
    const last = rest.at(-1);
    const known: Record<string, Parameters<Translator['t']>[0]> = {
      'phones.number': 'errorPhoneNumber',
      'phones.display': 'errorPhoneDisplay',
      'addresses.postalCode': 'errorPostalCode',
      'addresses.city': 'errorCity',
      email: 'errorEmail',
      website: 'errorWebsite',
    };
    const key = known[name === 'email' || name === 'website' ? name : `${head}.${last}`];
    const text = key ? t(key) : t('errorOther', issue.message);
    errors[name || '_'] ??= text;
  }
  return errors;
}
