/** A signed demo feed for the end-to-end sync tests: the bundled catalogue at a higher revision. */
import type { SigningKeyPair } from '../../utils/sync/signature';
import type { Publication } from '../unit/sync-feed-server';
import { encode, feedCatalogue, signedPublication } from '../unit/sync-fixtures';

export { NEW_SERVICE_NAME, NEW_SERVICE_QUERY } from '../unit/sync-fixtures';

export function signedFeed(revision: number, key: SigningKeyPair): Promise<Publication> {
  return signedPublication(encode(feedCatalogue(revision)), key);
}
