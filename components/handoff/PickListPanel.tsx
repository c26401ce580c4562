import { browser } from '#imports';
import { formatClock } from '@/utils/i18n/dates';
import { PICK_LIMIT, pickListExpiresAt } from '@/utils/handoff/pick-list';
import { localisedName } from '@/utils/i18n/language';
import { useI18n } from '@/components/shared/use-i18n';
import './handoff.css';
import type { PickListControls } from './use-pick-list';

const PICK_LIST_ID = 'pick-list';

/** The toggle on the results' head line: "Lähetteessä 2 / 5". */
export function PickListToggle({ count, open, onToggle }: { count: number; open: boolean; onToggle: () => void }) {
  const { t } = useI18n();
  if (count === 0) return null;
  return (
    <button type="button" className="link-button pick-toggle" aria-expanded={open} aria-controls={PICK_LIST_ID} onClick={onToggle}>
      {t('pickListToggle', count, PICK_LIMIT)}
    </button>
  );
}

interface PickListPanelProps {
  pick: PickListControls;
  onCopy: (note: string, copiedMessage: string) => void;
}

/** The services picked for this visit: reorder, remove, copy one combined note, print for the client. */
export function PickListPanel({ pick, onCopy }: PickListPanelProps) {
  const { t, language } = useI18n();
  const { entries } = pick.list;
  const expiresAt = pickListExpiresAt(pick.list);
  return (
    <section id={PICK_LIST_ID} className="pick-list" aria-labelledby="pick-list-heading">
      <h2 id="pick-list-heading" className="pick-list-heading">
        {t('pickListHeading', entries.length, PICK_LIMIT)}
      </h2>
      <ol className="pick-entries">
        {entries.map(({ service, organisation }, position) => {
          const name = localisedName(service, language);
          return (
            <li key={service.id} className="pick-entry">
              <span className="pick-name">
                {name}
                <span className="pick-organisation"> · {localisedName(organisation, language)}</span>
              </span>
              <span className="pick-buttons">
                <button type="button" aria-label={t('pickMoveUp', name)} disabled={position === 0} onClick={() => pick.move(service.id, -1)}>
                  ↑
                </button>
                <button type="button" aria-label={t('pickMoveDown', name)} disabled={position === entries.length - 1} onClick={() => pick.move(service.id, 1)}>
                  ↓
                </button>
                <button type="button" aria-label={t('pickRemoveFor', name)} onClick={() => pick.remove(service.id)}>
                  ✕
                </button>
              </span>
            </li>
          );
        })}
      </ol>
      {expiresAt ? <p className="pick-expiry">{t('pickListExpires', formatClock(new Date(expiresAt), language))}</p> : null}
      <div className="actions">
        <button type="button" className="primary" onClick={() => onCopy(pick.note(), t('pickListCopied', entries.length))}>
          {t('pickListCopy')}
        </button>
        <button type="button" onClick={() => void browser.tabs.create({ url: browser.runtime.getURL('/print.html') })}>
          {t('printForClient')}
        </button>
        <button type="button" className="link-button" onClick={pick.clear}>
          {t('pickListClear')}
        </button>
      </div>
    </section>
  );
}
