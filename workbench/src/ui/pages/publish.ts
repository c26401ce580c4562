/** Publishing: the button, the feed's address and key, and every revision (republish = rollback). */
import type { FeedRevision } from '../../store/feed-revisions';
import { html } from '../html';
import { csrfField, day, layout, type PageContext } from '../layout';

export function publishPage(
  ctx: PageContext,
  args: { revisions: Array<Omit<FeedRevision, 'catalogue' | 'signature'>>; feedUrl: string; reportUrl: string; publicKey: string; flash?: string; problems?: string[] },
): string {
  const { t } = ctx.tr;
  return layout(
    ctx,
    t('publishTitle'),
    html`${args.flash ? html`<p class="flash" role="status">${args.flash}</p>` : ''}
${args.problems ? html`<div class="flash bad" role="alert"><p>${t('publishFailed')}</p><ul>${args.problems.map((p) => html`<li>${p}</li>`)}</ul></div>` : ''}
<p>${t('publishIntro')}</p>
<form method="post" action="/publish">${csrfField(ctx)}<button type="submit">${t('publishButton')}</button></form>
<dl><dt>${t('feedAddress')}</dt><dd><code>${args.feedUrl}</code></dd><dt>${t('publicKey')}</dt><dd><code data-testid="public-key">${args.publicKey}</code></dd>
<dt>${t('reportAddress')}</dt><dd><code>${args.reportUrl}</code></dd></dl>
<h2>${t('revisions')}</h2>
<table><thead><tr><th scope="col">${t('revision')}</th><th scope="col">${t('publishedAt')}</th><th scope="col">${t('publishedBy')}</th><th scope="col"><span class="skip">${t('republish')}</span></th></tr></thead>
<tbody>${args.revisions.map(
      (rev, index) => html`<tr><td>${rev.revision}${rev.republishedFrom ? html` (${t('republishedFrom', rev.republishedFrom)})` : ''}</td><td>${day(ctx, rev.publishedAt)}</td><td>${rev.publishedBy}</td>
<td>${index === 0 ? '' : html`<form method="post" action="/publish/${rev.revision}/republish">${csrfField(ctx)}<button class="secondary" type="submit">${t('republish')} (${rev.revision})</button></form>`}</td></tr>`,
    )}</tbody></table>`,
  );
}
