import { forwardRef, type KeyboardEvent } from 'react';
import { QUERY_MAX_LENGTH } from '@/utils/search/query-cap';
import { useI18n } from './hooks/use-i18n';

interface SearchBoxProps {
  value: string;
  onChange: (value: string) => void;
  onKeyDown: (event: KeyboardEvent<HTMLInputElement>) => void;
  /** The results list, when it is on the page (aria-controls must point at something). */
  resultsId?: string;
}

export const SearchBox = forwardRef<HTMLInputElement, SearchBoxProps>(function SearchBox(
  { value, onChange, onKeyDown, resultsId },
  ref,
) {
  const { t } = useI18n();
  return (
    <div className="search-box">
      <label htmlFor="need-search" className="search-label">
        {t('searchLabel')}
      </label>
      <input
        id="need-search"
        ref={ref}
        type="search"
        value={value}
        maxLength={QUERY_MAX_LENGTH}
        placeholder={t('searchPlaceholder')}
        autoComplete="off"
        spellCheck={false}
        autoFocus
        {...(resultsId ? { 'aria-controls': resultsId } : {})}
        aria-describedby="keyboard-hint"
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={onKeyDown}
      />
    </div>
  );
});
