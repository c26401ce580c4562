/** Who changed what, when: before and after. */
import type { AuditEntry } from '../store/audit';
import { html, type Raw } from './html';
import { day, type PageContext } from './layout';

export function historyTable(ctx: PageContext, entries: AuditEntry[]): Raw {
  const { t } = ctx.tr;
  const show = (value: unknown) => (value === null || value === undefined ? '–' : JSON.stringify(value, null, 1).slice(0, 1500));
  return html`<table><thead><tr><th scope="col">${t('when')}</th><th scope="col">${t('who')}</th><th scope="col">${t('what')}</th><th scope="col">${t('before')}</th><th scope="col">${t('after')}</th></tr></thead>
<tbody>${entries.map(
    (entry) => html`<tr><td>${day(ctx, entry.at)}</td><td>${entry.actor}</td><td>${entry.action} ${entry.kind} ${entry.recordId}</td><td><pre class="diff">${show(entry.before)}</pre></td><td><pre class="diff">${show(entry.after)}</pre></td></tr>`,
  )}</tbody></table>`;
}
