/**
 * The one door from the workbench into the popup's components: the result card exactly as a
 * nurse sees it when she opens it (badges, every contact, the referral note she copies). The
 * workbench renders it with react-dom/server, so nothing reachable from here may touch a browser
 * global while rendering: the language comes in as a prop (the extension's own _locales texts
 * through utils/i18n/messages), "now" as a prop (the server's clock), never from `browser`,
 * `navigator` or the wall clock.
 */
import type { Organisation, Service } from '@/utils/catalogue/schema';
import { createTranslator } from '@/utils/i18n/messages';
import type { UiLanguage } from '@/utils/i18n/language';
import { formatReferralNote } from '@/utils/referral/format-note';
import { ServiceCard, type ServiceCardProps } from '@/components/search/ServiceCard';
import { I18nContext, type I18n } from '@/components/shared/use-i18n';
import { FixedNowContext } from '@/components/shared/use-now';

export interface NurseCardProps {
  service: Service;
  organisation: Organisation;
  language: UiLanguage;
  /** The moment the card is shown for: "Auki nyt" and the note's date. */
  now: Date;
  /** Keeps ids unique when one page shows the card twice (before and after a change). */
  idPrefix?: string;
}

const nothing = () => undefined;

/** The props the popup's ServiceCard gets for this card: selected, its note open, read-only. */
function nurseCardProps({ service, organisation, language, now, idPrefix = '' }: NurseCardProps): ServiceCardProps {
  return {
    result: { service, organisation },
    id: `${idPrefix}card-${service.id}`,
    selected: true,
    previewOpen: true,
    readOnly: true,
    note: formatReferralNote({ service, organisation, date: now, language }),
    onSelect: nothing,
    onCopy: nothing,
    onTogglePreview: nothing,
  };
}

function nurseI18n(language: UiLanguage): I18n {
  return { language, t: createTranslator(language) };
}

/** The card in the list it lives in (`.results`), with the language and the clock it is shown with. */
export function NurseCard(props: NurseCardProps) {
  return (
    <I18nContext.Provider value={nurseI18n(props.language)}>
      <FixedNowContext.Provider value={props.now}>
        <ul className="results nurse-view">
          <ServiceCard {...nurseCardProps(props)} />
        </ul>
      </FixedNowContext.Provider>
    </I18nContext.Provider>
  );
}
