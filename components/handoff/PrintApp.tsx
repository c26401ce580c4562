import { useEffect, useMemo, useState } from 'react';
import { readPickList } from '@/utils/handoff/pick-list';
import { CLIENT_LANGUAGES, printedServices, type ClientLanguage, type PrintedService } from '@/utils/handoff/printout';
import { wallClock } from '@/utils/clock';
import { formatDay } from '@/utils/i18n/dates';
import { createTranslator, type Translate } from '@/utils/i18n/messages';
import { pickListItem } from '@/utils/storage';
import { I18nContext, useUiI18n } from '@/components/shared/use-i18n';
import { usePreferences } from '@/components/shared/use-preferences';
import { useStoredItem } from '@/components/shared/use-stored-item';
import { useQrCode } from './use-qr-code';

/** After one text the catalogue has only in Finnish: "(på finska)", once per such text. */
function FinnishOnly({ t, show }: { t: Translate; show: boolean | undefined }) {
  return show ? <span className="print-finnish-only"> ({t('printFinnishOnly')})</span> : null;
}

function PrintedServiceCard({ service, t, language }: { service: PrintedService; t: Translate; language: ClientLanguage }) {
  const qr = useQrCode(service.website?.url);
  return (
    <section className="print-service" aria-labelledby={`print-${service.id}`}>
      <h2 id={`print-${service.id}`} lang={service.nameInFinnish ? 'fi' : language}>
        {service.name}
        <FinnishOnly t={t} show={service.nameInFinnish} />
      </h2>
      <p className="print-organisation">{service.organisation}</p>
      {service.free || service.noReferral ? (
        <p className="print-terms">
          {service.free ? <span className="print-term">{t('free')}</span> : null}
          {service.noReferral ? <span className="print-term">{t('noReferral')}</span> : null}
        </p>
      ) : null}
      <div className="print-body">
        <div className="print-text">
          {service.helpsWith.length > 0 ? (
            <p>
              <strong>{t('printHelpsWith')}:</strong> {service.helpsWith.join(', ')}
            </p>
          ) : null}
          <p lang={service.descriptionInFinnish ? 'fi' : language}>
            {service.description}
            <FinnishOnly t={t} show={service.descriptionInFinnish} />
          </p>
          <dl className="print-contacts">
            {service.phones.map((phone) => (
              <div key={`${phone.display}-${phone.label ?? ''}`}>
                <dt>{t('phone')}</dt>
                <dd>
                  <span className="print-phone">{phone.display}</span>
                  {phone.label ? (
                    <span lang={phone.labelInFinnish ? 'fi' : language}>
                      {' '}
                      · {phone.label}
                      <FinnishOnly t={t} show={phone.labelInFinnish} />
                    </span>
                  ) : null}
                  {phone.hours ? (
                    <span className="print-hours" lang={phone.hoursInFinnish ? 'fi' : language}>
                      {' '}
                      · {phone.hours}
                      <FinnishOnly t={t} show={phone.hoursInFinnish} />
                    </span>
                  ) : null}
                </dd>
              </div>
            ))}
            {service.hours ? (
              <div>
                <dt>{t('printHours')}</dt>
                <dd lang={service.hoursInFinnish ? 'fi' : language}>
                  {service.hours}
                  <FinnishOnly t={t} show={service.hoursInFinnish} />
                </dd>
              </div>
            ) : null}
            {service.addresses.map((address) => (
              <div key={address}>
                <dt>{t('address')}</dt>
                <dd>{address}</dd>
              </div>
            ))}
            {service.email ? (
              <div>
                <dt>{t('email')}</dt>
                <dd>{service.email}</dd>
              </div>
            ) : null}
            {service.website ? (
              <div>
                <dt>{t('website')}</dt>
                <dd>{service.website.short}</dd>
              </div>
            ) : null}
          </dl>
        </div>
        {service.website && qr ? <img className="print-qr" src={qr} alt={t('printQrAlt', service.website.short)} width={120} height={120} /> : null}
      </div>
    </section>
  );
}

/**
 * The client's printout: the services of the pick list, in the language she picks for the
 * client, on A4 in large type. The nurse's controls (language, print) are not printed.
 */
export function PrintApp() {
  const [preferences] = usePreferences();
  const ui = useUiI18n(preferences);
  const list = useStoredItem(pickListItem, readPickList);
  const [clientLanguage, setClientLanguage] = useState<ClientLanguage | null>(null);
  const language: ClientLanguage = clientLanguage ?? preferences?.noteLanguage ?? 'fi';
  const t = useMemo(() => createTranslator(language), [language]);

  useEffect(() => {
    document.documentElement.lang = language;
    document.title = t('printTitle');
  }, [language, t]);

  const services = list ? printedServices(list.entries, language) : [];
  const languageNames = new Intl.DisplayNames([ui.language], { type: 'language' });
  return (
    <I18nContext.Provider value={ui}>
      <div className="print-controls" lang={ui.language}>
        <label>
          {ui.t('printClientLanguage')}{' '}
          <select value={language} onChange={(event) => setClientLanguage(event.target.value as ClientLanguage)}>
            {CLIENT_LANGUAGES.map((code) => (
              <option key={code} value={code}>
                {new Intl.DisplayNames([code], { type: 'language' }).of(code)}
                {code === ui.language ? '' : ` (${languageNames.of(code)})`}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="primary" onClick={() => window.print()} disabled={services.length === 0}>
          {ui.t('printButton')}
        </button>
      </div>
      <main className="printout" lang={language}>
        <h1>{t('printTitle')}</h1>
        <p className="print-intro">{t('printIntro')}</p>
        {list && services.length === 0 ? <p className="print-empty">{t('printEmpty')}</p> : null}
        {services.map((service) => (
          <PrintedServiceCard key={service.id} service={service} t={t} language={language} />
        ))}
        <p className="print-footer">{t('printFooter', formatDay(wallClock(), language))}</p>
      </main>
    </I18nContext.Provider>
  );
}
