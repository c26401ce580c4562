/**
 * One PTV draft under review: what PTV says beside what the catalogue says, field by field,
 * with accept / reject per field and for the whole service; match proposals for a new one;
 * end-or-keep for one gone from PTV; the provenance of the facts accepted so far.
 */
import type { Category } from '@jarjestoopas/utils/catalogue/schema';
import type { PendingField } from '../../ptv/review/fields';
import type { MatchProposal } from '../../ptv/review/match';
import type { PtvDecision, PtvServiceRow } from '../../store/ptv-imports';
import type { StoredRecord } from '../../store/records';
import { html, type Raw } from '../html';
import { csrfField, day, layout, type PageContext } from '../layout';
import { fieldLabel, valueLines } from '../ptv-values';
import { STATE_LABEL } from './imports';

export interface ImportReviewArgs {
  row: PtvServiceRow;
  record?: StoredRecord;
  pending: PendingField[];
  decisions: PtvDecision[];
  proposals: MatchProposal[];
  categories: Category[];
  flash?: string;
  problems?: string[];
}

const lines = (items: string[], empty: string): Raw => (items.length === 0 ? html`<span class="muted">${empty}</span>` : html`${items.map((line, index) => html`${index > 0 ? html`<br>` : ''}${line}`)}`);

function diffTable(ctx: PageContext, args: ImportReviewArgs, action: string): Raw {
  const { t, language } = ctx.tr;
  const perField = Boolean(args.record);
  return html`<table class="diff" data-testid="field-diff"><caption>${t('pendingFields')}</caption>
<thead><tr><th scope="col">${t('field')}</th><th scope="col">${t('currentValue')}</th><th scope="col">${t('ptvValue')}</th>${perField ? html`<th scope="col">${t('decision')}</th>` : ''}</tr></thead>
<tbody>${args.pending.map(
    (item) => html`<tr data-field="${item.field}"><th scope="row">${fieldLabel(language, item.field)}</th>
<td class="old">${lines(valueLines(item.field, item.old, language), t('notInCatalogue'))}</td>
<td class="new">${lines(valueLines(item.field, item.new, language), '')}</td>
${
  perField
    ? html`<td><form method="post" action="${action}" class="inline">${csrfField(ctx)}<input type="hidden" name="field" value="${item.field}">
<button type="submit" name="decision" value="accept" aria-label="${t('accept')}: ${fieldLabel(language, item.field)}">${t('accept')}</button>
<button type="submit" name="decision" value="reject" class="secondary" aria-label="${t('reject')}: ${fieldLabel(language, item.field)}">${t('reject')}</button></form></td>`
    : ''
}</tr>`,
  )}</tbody></table>`;
}

function serviceActions(ctx: PageContext, args: ImportReviewArgs, action: string): Raw {
  const { t } = ctx.tr;
  const needsCategory = !args.record && !args.pending.some((item) => item.field === 'categories');
  return html`<form method="post" action="${action}">${csrfField(ctx)}
${
  needsCategory
    ? html`<p><label for="category">${t('chooseCategory')}</label>
<select id="category" name="category" required><option value=""></option>${args.categories.map((category) => html`<option value="${category.id}">${category.names.fi}</option>`)}</select></p>`
    : ''
}
<p>${t('sourcedNotVerified')}</p>
<button type="submit" name="decision" value="accept">${args.record ? t('acceptAllFields') : t('acceptService')}</button>
<button type="submit" name="decision" value="reject" class="secondary" formnovalidate>${t('rejectService')}</button></form>`;
}

function matchSection(ctx: PageContext, args: ImportReviewArgs): Raw {
  const { t } = ctx.tr;
  const here = `/imports/ptv/${args.row.ptvId}/match`;
  return html`<h2>${t('matchTitle')}</h2><p>${t('matchIntro')}</p>
${
  args.proposals.length === 0
    ? html`<p>${t('noProposals')}</p>`
    : html`<ul data-testid="match-proposals">${args.proposals.map(
        (proposal) => html`<li><form method="post" action="${here}" class="inline">${csrfField(ctx)}<input type="hidden" name="serviceId" value="${proposal.serviceId}">
<a href="/records/service/${proposal.serviceId}">${proposal.serviceName}</a> – ${proposal.organisationName}
(${proposal.byBusinessId ? html`${t('matchByBusinessId')}, ` : ''}${t('matchScore', Math.round(proposal.score * 100))})
<button type="submit" class="secondary">${t('match')}</button></form></li>`,
      )}</ul>`
}
<form method="post" action="${here}">${csrfField(ctx)}<label for="serviceId">${t('matchById')}</label>
<input id="serviceId" name="serviceId" required pattern="[a-z0-9-]+"><button type="submit" class="secondary">${t('match')}</button></form>`;
}

function provenance(ctx: PageContext, decisions: PtvDecision[]): Raw {
  const { t, language } = ctx.tr;
  const accepted = decisions.filter((decision) => decision.decision === 'accepted');
  if (accepted.length === 0) return html``;
  return html`<h2>${t('provenanceTitle')}</h2><table data-testid="provenance"><thead><tr><th scope="col">${t('field')}</th><th scope="col">${t('ptvModified')}</th><th scope="col">${t('importedAt')}</th><th scope="col">${t('decision')}</th></tr></thead>
<tbody>${accepted.map(
    (decision) => html`<tr><td>${fieldLabel(language, decision.field)}</td><td>${decision.ptvModified ?? ''}</td><td>${day(ctx, decision.importedAt)}</td><td>${decision.decidedBy}, ${day(ctx, decision.decidedAt)}</td></tr>`,
  )}</tbody></table>`;
}

export function importReviewPage(ctx: PageContext, args: ImportReviewArgs): string {
  const { t } = ctx.tr;
  const { row, record } = args;
  const decide = `/imports/ptv/${row.ptvId}/decide`;
  const organisation = row.draft.organisation;
  return layout(
    ctx,
    row.name,
    html`${args.flash ? html`<p class="flash" role="status">${args.flash}</p>` : ''}
${args.problems?.length ? html`<div class="flash bad" role="alert"><ul>${args.problems.map((problem) => html`<li>${problem}</li>`)}</ul></div>` : ''}
<p><a href="/imports?state=${row.review}">← ${t('importsTitle')}: ${t(STATE_LABEL[row.review])}</a></p>
<dl class="facts">
<dt>${t('organisation')}</dt><dd>${organisation.name}${organisation.businessCode ? html` (${t('businessId')} ${organisation.businessCode})` : ''}</dd>
<dt>PTV</dt><dd><code>${row.ptvId}</code></dd>
<dt>${t('ptvModified')}</dt><dd>${row.ptvModified ?? ''}</dd>
<dt>${t('importedAt')}</dt><dd>${day(ctx, row.importedAt)}</dd>
<dt>${t('ptvSource')}</dt><dd><a href="${row.sourceUrl}" rel="noreferrer">${row.sourceUrl}</a></dd>
${record ? html`<dt>${t('linkedRecord')}</dt><dd><a href="/records/service/${record.id}">${String(record.data.name)}</a> (${record.id})</dd>` : ''}
</dl>
${row.review === 'skipped' ? html`<p class="flash bad">${t('skippedReason', row.skipReason ?? '')}</p>` : ''}
${
  row.review === 'gone'
    ? html`<p class="flash bad">${t('goneIntro')}</p><form method="post" action="/imports/ptv/${row.ptvId}/gone">${csrfField(ctx)}
<button type="submit" name="action" value="end">${t('goneEnd')}</button> <button type="submit" name="action" value="keep" class="secondary">${t('goneKeep')}</button></form>`
    : ''
}
${args.pending.length > 0 && row.review !== 'skipped' && !row.goneAt ? html`${diffTable(ctx, args, decide)}${serviceActions(ctx, args, decide)}` : ''}
${!record && row.review === 'new' ? matchSection(ctx, args) : ''}
${row.draft.notes.length > 0 ? html`<h2>${t('mappingNotes')}</h2><ul>${row.draft.notes.map((note) => html`<li>${note}</li>`)}</ul>` : ''}
${provenance(ctx, args.decisions)}`,
  );
}
