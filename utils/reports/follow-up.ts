import { FINAL_ANSWER_STATES, statusUrlFor, type ReportAnswer } from './answer';
import type { FollowUp, OutboxEntry } from './schema';

/** Reports older than this are not asked about any more: a maintainer who has not answered in two months will not. */
export const FOLLOW_UP_MAX_AGE_MS = 60 * 24 * 60 * 60_000;
/** The background asks about open reports this often (a browser alarm). */
export const ANSWER_CHECK_PERIOD_MINUTES = 180;
/** Opening "Omat ilmoitukset" asks again, but not about a report asked about within the last half minute. */
export const ANSWER_RECHECK_MIN_MS = 30_000;

/** A just-delivered report's follow-up: received, nothing heard yet. */
export function followUpAfterDelivery(endpoint: string, id: string, token: string | undefined): FollowUp | null {
  if (!token) return null;
  return { statusUrl: statusUrlFor(endpoint, id), token, state: 'received', reply: null, checkedAt: null, changedAt: null, unseen: false };
}

/** Whether to ask about this report at all: delivered, with a token, not closed, and not too old. */
export function isFollowed(entry: OutboxEntry, now: number): entry is OutboxEntry & { followUp: FollowUp } {
  const { followUp, state } = entry;
  if (!followUp || state.status !== 'delivered') return false;
  if (FINAL_ANSWER_STATES.includes(followUp.state)) return false;
  return now - state.deliveredAt < FOLLOW_UP_MAX_AGE_MS;
}

/** Whether it is time to ask about it again (`minIntervalMs` since the last answer). */
export function isDueForCheck(entry: OutboxEntry, now: number, minIntervalMs: number): boolean {
  return isFollowed(entry, now) && (entry.followUp.checkedAt === null || now - entry.followUp.checkedAt >= minIntervalMs);
}

/** The entry with an answer taken in: a changed state or reply is marked unseen. */
export function withAnswer(entry: OutboxEntry, answer: ReportAnswer, now: number): OutboxEntry {
  const before = entry.followUp;
  if (!before) return entry;
  const changed = before.state !== answer.state || before.reply !== answer.reply;
  return {
    ...entry,
    followUp: {
      ...before,
      state: answer.state,
      reply: answer.reply,
      checkedAt: now,
      changedAt: changed ? now : before.changedAt,
      unseen: changed || before.unseen,
    },
  };
}

/** The nurse has seen it in her list. */
export function markSeen(entry: OutboxEntry): OutboxEntry {
  return entry.followUp?.unseen ? { ...entry, followUp: { ...entry.followUp, unseen: false } } : entry;
}

/** Whether any report has news the nurse has not seen (the popup's marker). */
export function hasUnseenAnswer(entries: readonly OutboxEntry[]): boolean {
  return entries.some((entry) => entry.followUp?.unseen === true);
}
