import type { CatalogueInUse } from '@/utils/catalogue/in-use';
import { useI18n } from '@/components/shared/use-i18n';
import { useSyncState } from '@/components/sync/use-sync-state';
import { summariseSync } from './sync-summary';

/**
 * The popup's line about catalogue freshness. Failures go to a live region so that a screen
 * reader hears them too; the region exists from the start (live regions must not be inserted
 * together with their text). aria-live without role="status": the popup's one status role
 * belongs to the copy confirmation.
 */
export function SyncFooter({ active }: { active: CatalogueInUse | null }) {
  const { t, language } = useI18n();
  const { updated, failure } = summariseSync(t, language, useSyncState(), active);
  return (
    <div className="sync-footer">
      {updated && <p className="sync-updated">{updated}</p>}
      <p className="sync-failure" aria-live="polite" data-testid="sync-failure">
        {failure}
      </p>
    </div>
  );
}
