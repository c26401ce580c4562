import { useEffect, useState, type FormEvent } from 'react';
import { syncSettingsInputSchema } from '@/utils/sync/config';
import { requestFeedPermission } from '@/utils/sync/host-permission';
import { formFromConfig, settingsToSave, withDefault, type SyncField, type SyncForm } from '@/utils/sync/settings-form';
import { sendMessage } from '@/utils/messaging';
import { syncSettingsItem } from '@/utils/storage';
import { useI18n } from '@/components/shared/use-i18n';
import { useSyncConfig } from '@/components/sync/use-sync-config';
import { useSyncState } from '@/components/sync/use-sync-state';
import { SyncStatusDetail } from './SyncStatusDetail';
import { useCatalogueInUse } from '../shared/use-catalogue-in-use';

/**
 * Catalogue updates: what is in use, the last attempt, "Päivitä nyt", and the feed settings.
 * Values set by the organisation's policy are shown read-only: the options page never
 * overrides a policy.
 */
export function SyncSection() {
  const { t } = useI18n();
  const { config, settings } = useSyncConfig();
  const state = useSyncState();
  const active = useCatalogueInUse()?.inUse ?? null;
  const [feedUrl, setFeedUrl] = useState('');
  const [keys, setKeys] = useState('');
  const [interval, setIntervalText] = useState('');
  const [message, setMessage] = useState('');
  const [refreshing, setRefreshing] = useState(false);
  /** What the form showed for the settings in force: a field left as shown is not saved as hers. */
  const [shown, setShown] = useState<SyncForm>({ feedUrl: '', keys: '', interval: '' });

  useEffect(() => {
    if (!config) return;
    const form = formFromConfig(config);
    setShown(form);
    setFeedUrl(form.feedUrl);
    setKeys(form.keys);
    setIntervalText(form.interval);
  }, [config]);

  const managed = (field: SyncField) => config?.sources[field] === 'policy';
  const own = (field: SyncField) => config?.sources[field] === 'options';

  const save = (event: FormEvent) => {
    event.preventDefault();
    // The permission prompt must open inside this click, before anything else is awaited:
    // the typed address is checked synchronously; her stored settings are the live ones of this render.
    const typedUrl = feedUrl.trim();
    const askPermission = !managed('feedUrl') && typedUrl !== '' && typedUrl !== shown.feedUrl.trim();
    if (askPermission && !syncSettingsInputSchema.safeParse({ feedUrl: typedUrl }).success) {
      setMessage(t('syncInvalidSettings'));
      return;
    }
    const permission = askPermission ? requestFeedPermission(typedUrl) : Promise.resolve(true);
    void permission.then(async (granted) => {
      const candidate = settingsToSave({ feedUrl, keys, interval }, shown, settings ?? {}, managed);
      const checked = syncSettingsInputSchema.safeParse(candidate);
      if (!checked.success) {
        setMessage(t('syncInvalidSettings'));
        return;
      }
      await syncSettingsItem.setValue(checked.data);
      setMessage(granted ? t('syncSaved') : `${t('syncSaved')} ${t('syncPermissionDenied')}`);
    });
  };

  /** "Käytä oletusta": forget her own value of one field; the policy or the build default applies. */
  const restoreDefault = async (field: SyncField) => {
    await syncSettingsItem.setValue(withDefault(settings ?? {}, field));
    setMessage(t('syncDefaultRestored'));
  };

  const defaultControl = (field: SyncField, label: string) =>
    own(field) ? (
      <p className="options-default">
        <button type="button" aria-label={t('syncUseDefaultFor', label)} onClick={() => void restoreDefault(field)}>
          {t('syncUseDefault')}
        </button>
      </p>
    ) : config?.sources[field] === 'build' ? (
      <p className="options-hint options-default">{t('syncIsDefault')}</p>
    ) : null;

  const refresh = async () => {
    setRefreshing(true);
    setMessage(t('syncRefreshing'));
    try {
      await sendMessage('sync.refreshNow', undefined);
      setMessage('');
    } catch (error) {
      setMessage(String((error as Error)?.message ?? error));
    } finally {
      setRefreshing(false);
    }
  };

  return (
    <section className="options-section" aria-labelledby="sync-heading">
      <h2 id="sync-heading">{t('syncHeading')}</h2>
      <SyncStatusDetail state={state} active={active} />
      <p>
        <button type="button" onClick={() => void refresh()} disabled={refreshing}>
          {t('syncRefreshNow')}
        </button>
      </p>
      <p className="options-hint" role="status" aria-live="polite">
        {message}
      </p>
      {/* Shown once the settings in force are known (reading the policy can take a few
          seconds in Chrome): an empty field must never look like "not set". Our own check and
          message (localised, announced) replace the browser's validation bubble. */}
      {config && (
        <form onSubmit={save} noValidate>
          <label className="options-field">
            <span>{t('syncFeedUrlLabel')}</span>
            <input type="url" value={feedUrl} onChange={(event) => setFeedUrl(event.target.value)} readOnly={managed('feedUrl')} aria-describedby={managed('feedUrl') ? 'sync-feed-url-managed' : undefined} size={50} />
          </label>
          {managed('feedUrl') && (
            <p id="sync-feed-url-managed" className="options-hint">
              {t('syncManaged')}
            </p>
          )}
          {defaultControl('feedUrl', t('syncFeedUrlLabel'))}
          <label className="options-field">
            <span>{t('syncKeysLabel')}</span>
            <textarea value={keys} onChange={(event) => setKeys(event.target.value)} readOnly={managed('trustedPublicKeys')} aria-describedby={managed('trustedPublicKeys') ? 'sync-keys-managed' : undefined} rows={3} cols={50} spellCheck={false} />
          </label>
          {managed('trustedPublicKeys') && (
            <p id="sync-keys-managed" className="options-hint">
              {t('syncManaged')}
            </p>
          )}
          {defaultControl('trustedPublicKeys', t('syncKeysLabel'))}
          <label className="options-field">
            <span>{t('syncIntervalLabel')}</span>
            <input type="number" min={1} max={168} value={interval} onChange={(event) => setIntervalText(event.target.value)} readOnly={managed('refreshIntervalHours')} aria-describedby={managed('refreshIntervalHours') ? 'sync-interval-managed' : undefined} />
          </label>
          {managed('refreshIntervalHours') && (
            <p id="sync-interval-managed" className="options-hint">
              {t('syncManaged')}
            </p>
          )}
          {defaultControl('refreshIntervalHours', t('syncIntervalLabel'))}
          <button type="submit">{t('syncSave')}</button>
        </form>
      )}
    </section>
  );
}
