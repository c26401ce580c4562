import { defineExtensionMessaging } from '@webext-core/messaging';
import * as z from 'zod/mini';
import type { SubmitResult } from './outbox';
import type { ReportDraft } from './draft';

/**
 * The reports' message contract: the popup and options page ask, the background (the only
 * writer of the outbox) answers. Names carry the `reports.` prefix so that other features'
 * messengers never collide with these.
 */
export interface ReportsProtocol {
  'reports.submit'(draft: ReportDraft): SubmitResult;
  'reports.retry'(data: { id: string }): void;
  'reports.discard'(data: { id: string }): void;
}

export const reportIdMessageSchema = z.strictObject({ id: z.uuid() });

export const reportsMessenger = defineExtensionMessaging<ReportsProtocol>();
