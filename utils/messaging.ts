import { defineExtensionMessaging } from '@webext-core/messaging';
import type { SubmitResult } from './reports/outbox';
import type { ReportDraft } from './reports/draft';
import type { SyncState } from './sync/state';

/**
 * The one message protocol between the extension's contexts. Pages send; only the background
 * answers, each message by exactly one handler (utils/background/handle-message.ts checks the
 * data with zod first). Names carry their feature's prefix.
 */
export interface ProtocolMap {
  /** "Päivitä nyt": run one sync attempt now and answer with the resulting state. */
  'sync.refreshNow'(): SyncState;
  /** Queue a stale-contact report (the background is the only writer of the outbox). */
  'reports.submit'(draft: ReportDraft): SubmitResult;
  'reports.retry'(data: { id: string }): void;
  'reports.discard'(data: { id: string }): void;
  /** Ask the endpoints about sent reports' answers now (they arrive through the stored outbox). */
  'reports.checkAnswers'(): void;
  /** The nurse has seen these reports' answers in "Omat ilmoitukset". */
  'reports.answersSeen'(data: { ids: string[] }): void;
}

export type MessageName = keyof ProtocolMap;

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();
