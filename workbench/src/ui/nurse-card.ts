/**
 * The card and the note as nurses see them: the popup's own React component (through its one
 * door, components/nurse-view.tsx) rendered to HTML here, so the workbench never keeps a second
 * copy of the card. Its stylesheet is the popup's (components/search/service-card.css, served
 * inside the workbench's, see assets.ts).
 */
import type { Organisation, Service } from '@jarjestoopas/utils/catalogue/schema';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { NurseCard } from '../../../components/nurse-view';
import { html, Raw } from './html';
import type { PageContext } from './layout';

export function nurseCard(ctx: PageContext, service: Service, organisation: Organisation, now: Date, label = ctx.tr.t('cardAsNursesSee'), idPrefix = ''): Raw {
  const card = renderToStaticMarkup(createElement(NurseCard, { service, organisation, language: ctx.tr.language, now, ...(idPrefix ? { idPrefix: `${idPrefix}-` } : {}) }));
  return html`<figure class="nurse-card" data-testid="nurse-card"><figcaption>${label}</figcaption>${new Raw(card)}</figure>`;
}
