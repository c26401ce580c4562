import { useState } from 'react';
import { AUDIENCES, LANGUAGES, type Category } from '@/utils/catalogue/schema';
import type { UiLanguage } from '@/utils/i18n/language';
import type { Translate } from '@/utils/i18n/messages';
import type { SearchFilters } from '@/utils/search/filters';
import { useI18n } from '@/components/shared/use-i18n';

const FILTERS_ID = 'search-filters';

interface FilterBarProps {
  filters: SearchFilters;
  categories: Category[];
  onChange: (filters: SearchFilters) => void;
  /** "Auki nyt": only what is open or on call at this moment (catalogue v2 hours). */
  openNow: boolean;
  onOpenNow: (openNow: boolean) => void;
}

/** The active filters in the nurse's words ("Vantaa", "Auki nyt"); also shown before a missing-service report. */
export function activeFilterLabels(t: Translate, language: UiLanguage, filters: SearchFilters, categories: readonly Category[], openNow: boolean): string[] {
  const languageNames = new Intl.DisplayNames([language], { type: 'language' });
  const category = categories.find((candidate) => candidate.id === filters.category);
  return [
    filters.city === 'vantaa' ? t('cityVantaa') : filters.city === 'kerava' ? t('cityKerava') : '',
    category ? (category.names[language] ?? category.names.fi) : '',
    filters.audience ? t(`audience_${filters.audience}`) : '',
    filters.language ? (languageNames.of(filters.language) ?? filters.language) : '',
    openNow ? t('openNowFilter') : '',
  ].filter(Boolean);
}

/**
 * City, type of service, target group, language and "auki nyt"; an empty choice means "all".
 * Folded into one line that says what is active ("Rajaukset: Vantaa · Auki nyt"), so that
 * results get the room.
 */
export function FilterBar({ filters, categories, onChange, openNow, onOpenNow }: FilterBarProps) {
  const { t, language } = useI18n();
  const [open, setOpen] = useState(false);
  const languageNames = new Intl.DisplayNames([language], { type: 'language' });
  const active = activeFilterLabels(t, language, filters, categories, openNow);
  const set = (change: Partial<SearchFilters>) => {
    const next: SearchFilters = { ...filters, ...change };
    for (const key of Object.keys(next) as Array<keyof SearchFilters>) if (!next[key]) delete next[key];
    onChange(next);
  };
  return (
    <div className="filter-bar">
      <button type="button" className="link-button filter-summary" aria-expanded={open} aria-controls={FILTERS_ID} onClick={() => setOpen(!open)}>
        {active.length > 0 ? t('filtersActive', active.join(' · ')) : t('filtersNone')}
      </button>
    <fieldset className="filters" id={FILTERS_ID} hidden={!open}>
      <legend className="visually-hidden">{t('filtersLabel')}</legend>
      <label>
        <span>{t('filterCity')}</span>
        <select value={filters.city ?? ''} onChange={(event) => set({ city: (event.target.value || undefined) as SearchFilters['city'] })}>
          <option value="">{t('cityAll')}</option>
          <option value="vantaa">{t('cityVantaa')}</option>
          <option value="kerava">{t('cityKerava')}</option>
        </select>
      </label>
      <label>
        <span>{t('filterCategory')}</span>
        <select value={filters.category ?? ''} onChange={(event) => set({ category: event.target.value || undefined })}>
          <option value="">{t('categoryAll')}</option>
          {categories.map((category) => (
            <option key={category.id} value={category.id}>
              {category.names[language] ?? category.names.fi}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('filterAudience')}</span>
        <select
          value={filters.audience ?? ''}
          onChange={(event) => set({ audience: (event.target.value || undefined) as SearchFilters['audience'] })}
        >
          <option value="">{t('audienceAll')}</option>
          {AUDIENCES.map((audience) => (
            <option key={audience} value={audience}>
              {t(`audience_${audience}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('filterLanguage')}</span>
        <select
          value={filters.language ?? ''}
          onChange={(event) => set({ language: (event.target.value || undefined) as SearchFilters['language'] })}
        >
          <option value="">{t('languageAll')}</option>
          {LANGUAGES.map((code) => (
            <option key={code} value={code}>
              {languageNames.of(code) ?? code}
            </option>
          ))}
        </select>
      </label>
      <label className="open-now-filter">
        <input type="checkbox" checked={openNow} onChange={(event) => onOpenNow(event.target.checked)} />
        <span>{t('openNowFilter')}</span>
      </label>
    </fieldset>
    </div>
  );
}
