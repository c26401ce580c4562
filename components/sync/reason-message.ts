import { type MessageKey } from '@/utils/i18n/messages';
import type { SyncFailure } from '@/utils/sync/reasons';

/** Each failure in plain words for the nurse; the technical detail goes to the options page only. */
export const REASON_MESSAGES: Record<SyncFailure, MessageKey> = {
  notConfigured: 'syncReasonNotConfigured',
  httpError: 'syncReasonHttpError',
  timeout: 'syncReasonTimeout',
  networkError: 'syncReasonNetworkError',
  truncated: 'syncReasonTruncated',
  tooLarge: 'syncReasonTooLarge',
  wrongContentType: 'syncReasonWrongContentType',
  invalidJson: 'syncReasonInvalidJson',
  schemaInvalid: 'syncReasonSchemaInvalid',
  signatureMissing: 'syncReasonSignatureMissing',
  signatureInvalid: 'syncReasonSignatureInvalid',
  unknownKey: 'syncReasonUnknownKey',
  olderRevision: 'syncReasonOlderRevision',
  otherRegion: 'syncReasonOtherRegion',
  storageFailed: 'syncReasonStorageFailed',
  revisionJump: 'syncReasonRevisionJump',
  belowMinimumRevision: 'syncReasonBelowMinimumRevision',
  bundledByPolicy: 'syncReasonBundledByPolicy',
  vocabularyInvalid: 'syncReasonVocabularyInvalid',
};
