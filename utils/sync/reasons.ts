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

/**
 * Why a delta was not used (issue 22): any failure of the full feed, and three of its own. The
 * full feed is then fetched as before; the reason is recorded in the sync state's `delta`.
 */
export const DELTA_FAILURES = [
  ...SYNC_FAILURES,
  /** No delta from the revision in use to the latest (too far behind, or not published). */
  'deltaMissing',
  /** The file named for one pair holds another (re-ordered, swapped), or does not fit the stored catalogue. */
  'deltaWrongPair',
  /** Applied, the result is not the published catalogue (its SHA-256 differs). */
  'deltaHashMismatch',
  /** The delta re-orders the services; applying it to a catalogue stored in parts would need the whole list. */
  'deltaReordered',
] as const;
export type DeltaFailure = (typeof DELTA_FAILURES)[number];
