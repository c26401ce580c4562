import { useI18n } from '@/components/shared/use-i18n';

const EXAMPLES: Record<string, string[]> = {
  fi: ['omaishoitaja tuki', 'velat', 'päihteet', 'muistisairaan omainen', 'yksinäisyys', 'lähisuhdeväkivalta'],
  sv: ['närståendevårdare', 'skulder', 'missbruk', 'minnessjukdom', 'ensamhet', 'våld i nära relationer'],
  en: ['family carer', 'debt advice', 'substance use', 'memory disorder', 'loneliness', 'domestic violence'],
};

/** Before the first keystroke: what to type, with examples one click away. */
export function EmptyState({ onExample }: { onExample: (query: string) => void }) {
  const { t, language } = useI18n();
  return (
    <section className="state" aria-labelledby="empty-title">
      <h2 id="empty-title">{t('emptyTitle')}</h2>
      <p>{t('emptyHint')}</p>
      <ul className="examples">
        {(EXAMPLES[language] ?? EXAMPLES.fi!).map((example) => (
          <li key={example}>
            <button type="button" className="chip" onClick={() => onExample(example)}>
              {example}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
