/** The audit history of everything. */
import type { AuditEntry } from '../../store/audit';
import { historyTable } from '../history-table';
import { layout, type PageContext } from '../layout';

export function historyPage(ctx: PageContext, entries: AuditEntry[]): string {
  return layout(ctx, ctx.tr.t('historyTitle'), historyTable(ctx, entries));
}
