/**
 * "Puuttuvat palvelut": nurses' missing-service reports grouped by words or by the need the
 * search guessed, with counts, newest group first, a page at a time. From each group the
 * maintainer adds the word to a need concept or a keyword to a service.
 */
import type { ConceptLabel } from '@jarjestoopas/utils/vocabulary/bundled-concepts';
import type { MissingGroup, MissingGrouping, MissingGroupPage } from '../../store/missing-services';
import { html, Raw } from '../html';
import { csrfField, day, layout, type PageContext } from '../layout';

export interface MissingPageArgs {
  by: MissingGrouping;
  page: number;
  pageSize: number;
  result: MissingGroupPage;
  concepts: ConceptLabel[];
  services: Array<{ id: string; name: string }>;
  additions: number;
  flash?: string;
  problem?: string;
}

const LANGUAGES = ['fi', 'sv', 'en'] as const;

function conceptName(ctx: PageContext, concepts: Map<string, ConceptLabel>, id: string): string {
  const concept = concepts.get(id);
  return concept ? `${concept.preferred[ctx.tr.language]} (${id})` : id;
}

function groupSection(ctx: PageContext, args: MissingPageArgs, group: MissingGroup, index: number, concepts: Map<string, ConceptLabel>): Raw {
  const { t } = ctx.tr;
  const id = `m${index}`;
  const heading = args.by === 'words' ? group.key : group.key === '' ? t('missingNoConcept') : conceptName(ctx, concepts, group.key);
  const word = group.words[0] ?? group.key;
  const preferredConcept = args.by === 'concept' && group.key !== '' ? group.key : group.concepts[0];
  const language = group.languages[0] ?? 'fi';
  const hidden = html`${csrfField(ctx)}<input type="hidden" name="by" value="${args.by}"><input type="hidden" name="group" value="${group.key}">`;
  return html`<section class="group" aria-labelledby="${id}-h" data-testid="missing-group">
<h2 id="${id}-h">${heading}</h2>
<p>${t('missingReports', group.count, day(ctx, group.latest))}</p>
<dl><dt>${t('missingWordsTyped')}</dt><dd>${group.words.join(' · ')}</dd>
<dt>${t('missingGuessed')}</dt><dd>${group.concepts.length > 0 ? group.concepts.map((concept) => conceptName(ctx, concepts, concept)).join(' · ') : '–'}</dd>
<dt>${t('missingLanguages')}</dt><dd>${group.languages.join(', ')}</dd></dl>
<form method="post" action="/missing-services/terms" class="inline-form">${hidden}<fieldset><legend>${t('missingAddTerm')}</legend>
<label>${t('missingConcept')} <select name="concept" required>${[...concepts.values()].map(
    (concept) => html`<option value="${concept.id}"${new Raw(concept.id === preferredConcept ? ' selected' : '')}>${conceptName(ctx, concepts, concept.id)}</option>`,
  )}</select></label>
<label>${t('missingTermLanguage')} <select name="language">${LANGUAGES.map((code) => html`<option value="${code}"${new Raw(code === language ? ' selected' : '')}>${code}</option>`)}</select></label>
<label>${t('missingTerm')} <input name="term" value="${word}" required maxlength="60"></label>
<button type="submit">${t('missingAdd')}</button></fieldset></form>
<form method="post" action="/missing-services/keywords" class="inline-form">${hidden}<fieldset><legend>${t('missingAddKeyword')}</legend>
<label>${t('missingService')} <select name="service" required>${args.services.map((service) => html`<option value="${service.id}">${service.name}</option>`)}</select></label>
<label>${t('missingKeyword')} <input name="keyword" value="${word}" required maxlength="60"></label>
<button type="submit">${t('missingAdd')}</button></fieldset></form>
</section>`;
}

export function missingServicesPage(ctx: PageContext, args: MissingPageArgs): string {
  const { t } = ctx.tr;
  const concepts = new Map(args.concepts.map((concept) => [concept.id, concept]));
  const pages = Math.max(1, Math.ceil(args.result.totalGroups / args.pageSize));
  const link = (by: MissingGrouping, page = 1) => `/missing-services?by=${by}&page=${page}`;
  return layout(
    ctx,
    t('missingTitle'),
    html`${args.flash ? html`<p class="flash" role="status">${args.flash}</p>` : ''}
${args.problem ? html`<p class="flash bad" role="alert">${t('missingInvalid', args.problem)}</p>` : ''}
<p>${t('missingIntro')}</p>
<p>${t('missingAdditions', args.additions)}</p>
<nav aria-label="${t('missingTitle')}"><ul class="tabs">${(['words', 'concept'] as const).map(
      (by) => html`<li><a href="${link(by)}"${new Raw(by === args.by ? ' aria-current="page"' : '')}>${t(by === 'words' ? 'missingByWords' : 'missingByConcept')}</a></li>`,
    )}</ul></nav>
<p>${args.result.totalReports === 0 ? t('missingEmpty') : t('missingCount', args.result.totalReports, args.result.totalGroups)}</p>
${args.result.groups.map((group, index) => groupSection(ctx, args, group, index, concepts))}
${
  pages > 1
    ? html`<nav aria-label="${t('pageOf', args.page, pages)}"><p>${args.page > 1 ? html`<a href="${link(args.by, args.page - 1)}">${t('pagePrevious')}</a> ` : ''}${t('pageOf', args.page, pages)}${args.page < pages ? html` <a href="${link(args.by, args.page + 1)}">${t('pageNext')}</a>` : ''}</p></nav>`
    : ''
}`,
  );
}
