import { contactsOf, shortPhoneLabel } from '@/utils/catalogue/contacts';
import type { SearchResult } from '@/utils/search/search';
import { useI18n } from '@/components/shared/use-i18n';

/** At most this many numbers at the top, and per organisation (its first lines: fi, sv, en for
 *  MIELI), in rank order, so the first result stays in sight below them. */
const MAX_NUMBERS = 5;
const MAX_PER_ORGANISATION = 3;

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
      return contactsOf(result.service, result.organisation).phones.slice(0, MAX_PER_ORGANISATION).map((phone) => ({ name, phone }));
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
