/**
 * Why a sync attempt did not bring a new catalogue. Each code has a plain-language message in
 * every UI language (see components/sync/reason-message.ts); the last good catalogue always
 * stays in use.
 */
export const SYNC_FAILURES = [
  'notConfigured',
  'httpError',
  'timeout',
  'networkError',
  'truncated',
  'tooLarge',
  'wrongContentType',
  'invalidJson',
  'schemaInvalid',
  'signatureMissing',
  'signatureInvalid',
  'unknownKey',
  'olderRevision',
  'otherRegion',
  'storageFailed',
  'revisionJump',
  'belowMinimumRevision',
  'bundledByPolicy',
  /** The feed's vocabulary section (maintainers' search terms) is broken: the whole feed is refused. */
  'vocabularyInvalid',
] as const;
export type SyncFailure = (typeof SYNC_FAILURES)[number];

/** What one attempt ended in: three good outcomes, or a failure with its reason. */
export const SYNC_OUTCOMES = ['updated', 'notModified', 'sameRevision', 'failed'] as const;
