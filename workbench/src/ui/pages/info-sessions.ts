/** Info sessions: upload a booking sheet, see its errors or a preview, apply it. */
import type { BookingSheetImport } from '../../store/booking-sheet-imports';
import { html } from '../html';
import { csrfField, day, layout, type PageContext } from '../layout';

export function infoSessionsPage(
  ctx: PageContext,
  args: { errors?: string[]; preview?: BookingSheetImport; siteNames: Map<string, string>; organisationNames: Map<string, string>; flash?: string },
): string {
  const { t } = ctx.tr;
  const preview = args.preview;
  return layout(
    ctx,
    t('infoSessionsTitle'),
    html`${args.flash ? html`<p class="flash" role="status">${args.flash}</p>` : ''}
<p>${t('infoSessionsIntro')}</p>
<form method="post" action="/info-sessions/booking-sheet?_csrf=${ctx.signedIn?.csrfToken ?? ''}" enctype="multipart/form-data">
<label for="sheet">${t('infoSessionsFile')}</label><input id="sheet" name="sheet" type="file" accept=".csv,text/csv" required>
<button type="submit">${t('upload')}</button></form>
${args.errors ? html`<div class="flash bad" role="alert"><p>${t('infoSessionsErrors')}</p><ul data-testid="sheet-errors">${args.errors.map((e) => html`<li>${e}</li>`)}</ul></div>` : ''}
${preview ? html`<h2>${t('infoSessionsPreview', preview.infoSessions.length)}</h2>
<table data-testid="sessions-preview"><thead><tr><th scope="col">${t('start')}</th><th scope="col">${t('site')}</th><th scope="col">${t('organisations')}</th></tr></thead><tbody>
${preview.infoSessions.map(
  (s) => html`<tr><td>${day(ctx, new Date(String(s.start)))}${s.cancelled ? ` – ${t('cancelled')}` : ''}</td><td>${args.siteNames.get(String(s.siteId)) ?? String(s.siteId)}</td>
<td>${(s.organisationIds as string[]).map((id) => args.organisationNames.get(id) ?? id).join(', ')}</td></tr>`,
)}</tbody></table>
<form method="post" action="/info-sessions/booking-sheet-imports/${preview.id}/apply">${csrfField(ctx)}<button type="submit">${t('infoSessionsPublish')}</button></form>` : ''}`,
  );
}
