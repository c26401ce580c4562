/**
 * Server-rendered pages: plain template functions, no script. Every form carries the sign-in's
 * CSRF token; every input has a label; errors sit next to their field (aria-describedby).
 * This file is the frame every page shares; the pages are in ./pages.
 */
import { formatClock, formatDay } from '@jarjestoopas/utils/i18n/dates';
import type { SignedIn } from '../store/sign-ins';
import { html, Raw } from './html';
import type { Translator, WorkbenchKey } from './messages';

export interface PageContext {
  tr: Translator;
  signedIn?: SignedIn;
  path: string;
}

const NAV: Array<[string, WorkbenchKey]> = [
  ['/', 'navInbox'],
  ['/missing-services', 'navMissing'],
  ['/overview', 'navOverview'],
  ['/info-sessions', 'navInfoSessions'],
  ['/imports', 'navImports'],
  ['/publish', 'navPublish'],
  ['/history', 'navHistory'],
];

export const csrfField = (ctx: PageContext) => html`<input type="hidden" name="_csrf" value="${ctx.signedIn?.csrfToken ?? ''}">`;

export function layout(ctx: PageContext, title: string, body: Raw): string {
  const { t, language } = ctx.tr;
  return `<!doctype html>${html`<html lang="${language}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} – ${t('appName')}</title><link rel="stylesheet" href="/static/workbench.css"></head>
<body><a class="skip" href="#main">${t('skipToContent')}</a>
<header class="top"><strong>${t('appName')}</strong>
${
  ctx.signedIn
    ? html`<nav aria-label="${t('appName')}"><ul>${NAV.map(
        ([href, key]) => html`<li><a href="${href}"${new Raw(ctx.path === href ? ' aria-current="page"' : '')}>${t(key)}</a></li>`,
      )}</ul></nav>
<span class="who">${t('signedInAs', ctx.signedIn.email)}</span>
<form method="post" action="/logout">${csrfField(ctx)}<button class="secondary" type="submit">${t('signOut')}</button></form>`
    : ''
}</header>
<main id="main" tabindex="-1"><h1>${title}</h1>${body}</main></body></html>`}`;
}

/** A day and a time as a Finnish (Swedish, English) reader writes them. */
export const day = (ctx: PageContext, date: Date) => `${formatDay(date, ctx.tr.language)} ${formatClock(date, ctx.tr.language)}`;

export function messagePage(ctx: PageContext, title: string, text: string): string {
  return layout(ctx, title, html`<p>${text}</p>`);
}
