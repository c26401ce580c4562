import { contactsOf, shortPhoneLabel } from '@/utils/catalogue/contacts';
import type { SearchResult } from '@/utils/search/search';
import { useI18n } from './hooks/use-i18n';

/** At most this many numbers at the top: the first lines of the crisis services, in rank order. */
const MAX_NUMBERS = 6;

/**
 * When the query expresses a crisis need, the numbers of the crisis help found (24 h lines,
 * shelters) at the top of the list, without a click. Numbers come from the catalogue records.
 */
export function CrisisHeader({ results }: { results: SearchResult[] }) {
  const { t, language } = useI18n();
  const seen = new Set<string>();
  const lines = results
    .filter((result) => result.crisis)
    .flatMap((result) => {
      const name = (language !== 'fi' && result.organisation.names[language]) || result.organisation.shortName || result.organisation.name;
      return contactsOf(result.service, result.organisation).phones.map((phone) => ({ name, phone }));
    })
    .filter(({ phone }) => !seen.has(phone.number) && Boolean(seen.add(phone.number)))
    .slice(0, MAX_NUMBERS);
  if (lines.length === 0) return null;
  return (
    <section className="crisis-header" aria-labelledby="crisis-heading">
      <h2 id="crisis-heading">{t('crisisHeading')}</h2>
      <ul>
        {lines.map(({ name, phone }) => (
          <li key={phone.number}>
            <a href={`tel:${phone.number}`}>{phone.display}</a> {name}
            {shortPhoneLabel(phone.label) ? ` · ${shortPhoneLabel(phone.label)}` : ''}
            {phone.hours ? ` · ${phone.hours}` : ''}
          </li>
        ))}
      </ul>
    </section>
  );
}
