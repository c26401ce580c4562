import type { ReactNode } from 'react';
import { useI18n } from '@/components/shared/use-i18n';

interface NoResultsProps {
  query: string;
  suggestion: string;
  filtered: boolean;
  onSuggestion: (query: string) => void;
  onClearFilters: () => void;
  /** The missing-service report button. */
  children?: ReactNode;
}

/** Nothing found: say so, offer a broader word, and point at the filters if they are on. */
export function NoResults({ query, suggestion, filtered, onSuggestion, onClearFilters, children }: NoResultsProps) {
  const { t } = useI18n();
  const [before, after] = t('noResultsHint', '\u0000').split('\u0000');
  return (
    <section className="state" aria-labelledby="no-results-title">
      <h2 id="no-results-title">{t('noResults', query)}</h2>
      <p>
        {before}
        <button type="button" className="link-button" onClick={() => onSuggestion(suggestion)}>
          {suggestion}
        </button>
        {after}
      </p>
      {filtered ? (
        <p>
          {t('noResultsFiltered')}{' '}
          <button type="button" className="link-button" onClick={onClearFilters}>
            {t('clearFilters')}
          </button>
        </p>
      ) : null}
      {children}
    </section>
  );
}
