import { browser } from '#imports';
import { isReachable } from '@/utils/catalogue/contacts';
import { reachableNow } from '@/utils/hours/reachable-now';
import { PICK_LIMIT, isPicked } from '@/utils/handoff/pick-list';
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { wallClock } from '@/utils/clock';
import { markStartup } from '@/utils/startup-marks';
import { currentNoteItem } from '@/utils/storage';
import { formatDay } from '@/utils/i18n/dates';
import { plural } from '@/utils/i18n/messages';
import { formatReferralNote } from '@/utils/referral/format-note';
import { UI_LANGUAGES, type UiLanguage } from '@/utils/i18n/language';
import type { SearchIndex } from '@/utils/search/build-index';
import { hasActiveFilter, type SearchFilters } from '@/utils/search/filters';
import type { SearchResult } from '@/utils/search/search';
import { suggestBroaderQuery } from '@/utils/search/suggest';
import type { Preferences } from '@/utils/preferences';
import { CrisisHeader } from '@/components/search/CrisisHeader';
import { EmptyState } from '@/components/search/EmptyState';
import { activeFilterLabels, FilterBar } from '@/components/search/FilterBar';
import { MissingServiceReport } from '@/components/reports/MissingServiceReport';
import { InsertOutcomeNotice } from '@/components/handoff/InsertOutcomeNotice';
import { PickListPanel, PickListToggle } from '@/components/handoff/PickListPanel';
import { usePickList } from '@/components/handoff/use-pick-list';
import { useClipboard } from '@/components/search/use-clipboard';
import { useI18n } from '@/components/shared/use-i18n';
import { useNow } from '@/components/shared/use-now';
import { useSearchResults } from '@/components/search/use-search-results';
import { FIRST_SCREENFUL } from '@/utils/search/first-screenful';
import { NoResults } from '@/components/search/NoResults';
import { SearchBox } from '@/components/search/SearchBox';
import { ServiceCard } from '@/components/search/ServiceCard';
import { WeakMatchNote } from '@/components/search/WeakMatchNote';
import { StaleContactReport } from '@/components/reports/StaleContactReport';
import { localisedName } from '@/utils/i18n/language';
import { NewReplyMarker } from '@/components/reports/NewReplyMarker';
import { serviceNameIn } from '@/utils/i18n/service-texts';

const RESULT_LIMIT = 30;
const RESULTS_ID = 'results';

interface SearchPanelProps {
  index: SearchIndex;
  preferences: Preferences | null;
  onPreferences: (change: Partial<Preferences>) => void;
}

function resultId(result: SearchResult): string {
  return `result-${result.service.id}`;
}

/** Search box, filters, results and notes; keyboard-first (↑/↓, Enter, Esc). */
export function SearchPanel({ index, preferences, onPreferences }: SearchPanelProps) {
  const { t, language } = useI18n();
  const [query, setQuery] = useState('');
  const [otherFilters, setOtherFilters] = useState<Omit<SearchFilters, 'city'>>({});
  const [selected, setSelected] = useState(0);
  const [previewId, setPreviewId] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [pickOpen, setPickOpen] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const copy = useClipboard();
  useEffect(() => markStartup('search-ready'), []);

  const city = preferences?.city && preferences.city !== 'all' ? preferences.city : undefined;
  const filters: SearchFilters = useMemo(() => ({ ...otherFilters, ...(city ? { city } : {}) }), [otherFilters, city]);
  const noteLanguage: UiLanguage = preferences?.noteLanguage ?? 'fi';
  const pick = usePickList(noteLanguage);
  const deferredQuery = useDeferredValue(query);
  const { results: found, pending, partial } = useSearchResults(index, deferredQuery, filters, RESULT_LIMIT);
  const [openNowOnly, setOpenNowOnly] = useState(false);
  const now = useNow();
  const openNowClock = openNowOnly ? now : null;
  // Presentation filters over the ranked results: services nobody can reach stay in the data
  // (and in the ranking) but are not offered; "auki nyt" keeps those open or on call now.
  const { results, unreachable } = useMemo(() => {
    const reachable = found.filter((result) => isReachable(result.service, result.organisation));
    return {
      results: openNowClock ? reachable.filter((result) => reachableNow(result.service, result.organisation, openNowClock)) : reachable,
      unreachable: found.length - reachable.length,
    };
  }, [found, openNowClock]);
  const filtered = hasActiveFilter(filters) || openNowOnly;
  const showResults = deferredQuery.trim() !== '' || filtered;

  // A new answer starts at its first card; the rest of the same answer arriving below the
  // first screenful (see use-search-results.ts) leaves her selection where it is.
  const answerKey = results.slice(0, FIRST_SCREENFUL).map((result) => result.service.id).join('\n');
  useEffect(() => {
    setSelected(0);
    setPreviewId(null);
  }, [answerKey]);

  useEffect(() => {
    const result = results[selected];
    // On the first result the list starts at its top: the crisis numbers and the "no direct
    // match" note above the cards stay in sight.
    if (result && selected === 0) document.querySelector('.results-area')?.scrollTo?.(0, 0);
    else if (result) document.getElementById(resultId(result))?.scrollIntoView?.({ block: 'nearest' });
  }, [results, selected]);

  const noteFor = useCallback(
    (result: SearchResult) =>
      formatReferralNote({ service: result.service, organisation: result.organisation, date: wallClock(), language: noteLanguage }),
    [noteLanguage],
  );

  const copyText = useCallback(
    async (note: string, copiedMessage: string) => {
      const copied = await copy(note);
      const message = copied ? copiedMessage : t('copyFailed');
      // A changed string each time, so that screen readers announce a repeated copy too.
      setStatus((previous) => (previous === message ? `${message}\u200b` : message));
    },
    [copy, t],
  );

  const copyNote = useCallback(
    async (result: SearchResult) => {
      const serviceName = localisedName(result.service, language);
      const note = noteFor(result);
      // With no pick list, the note she copied last is the one the context menu inserts.
      if (pick.list.entries.length === 0) void currentNoteItem.setValue({ text: note, label: serviceName, savedAt: Date.now() });
      await copyText(note, t('copied', serviceName));
    },
    [copyText, noteFor, language, pick.list, t],
  );

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' && results.length > 0) {
      event.preventDefault();
      setSelected((current) => Math.min(current + 1, results.length - 1));
    } else if (event.key === 'ArrowUp' && results.length > 0) {
      event.preventDefault();
      setSelected((current) => Math.max(current - 1, 0));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const result = results[selected];
      if (result) void copyNote(result);
    } else if (event.key === 'Escape' && query !== '') {
      // Esc with text clears; Esc on an empty box is left to the browser (closes the popup).
      event.preventDefault();
      event.stopPropagation();
      setQuery('');
      setStatus('');
    }
  };

  const runQuery = (next: string) => {
    setQuery(next);
    inputRef.current?.focus();
  };

  const catalogue = index.catalogue;
  const organisationCount = index.organisationCount;
  // Under "no direct match" and an empty list: the nurse may tell the maintainer what she did not find.
  const missingReport = (
    <MissingServiceReport
      words={deferredQuery}
      filters={filters}
      openNow={openNowOnly}
      filtersText={activeFilterLabels(t, language, filters, index.categories, openNowOnly).join(' · ')}
    />
  );

  return (
    <>
      <div className="controls">
        <SearchBox ref={inputRef} value={query} onChange={setQuery} onKeyDown={onKeyDown} {...(showResults && results.length > 0 ? { resultsId: RESULTS_ID } : {})} />
        <FilterBar
          filters={filters}
          categories={index.categories}
          onChange={({ city: nextCity, ...rest }) => {
            setOtherFilters(rest);
            if (nextCity !== city) onPreferences({ city: nextCity ?? 'all' });
          }}
          openNow={openNowOnly}
          onOpenNow={setOpenNowOnly}
        />
      </div>
      <p className="status" role="status" aria-live="polite">
        {status}
      </p>
      <main className="results-area">
        <InsertOutcomeNotice />
        <div className="results-head">
          {showResults && results.length > 0 && !partial ? (
            <p className="result-count">
              {plural(t, language, 'resultCount', results.length)}
              {unreachable > 0 ? <span className="hidden-count"> · {t('hiddenNoContacts', unreachable)}</span> : null}
            </p>
          ) : null}
          <PickListToggle count={pick.list.entries.length} open={pickOpen} onToggle={() => setPickOpen(!pickOpen)} />
        </div>
        {pickOpen && pick.list.entries.length > 0 ? <PickListPanel pick={pick} onCopy={(note, message) => void copyText(note, message)} /> : null}
        {!showResults ? (
          <EmptyState onExample={runQuery} />
        ) : results.length === 0 && pending ? null : results.length === 0 ? (
          <NoResults
            query={deferredQuery}
            suggestion={suggestBroaderQuery(index, deferredQuery)}
            filtered={filtered}
            onSuggestion={runQuery}
            onClearFilters={() => {
              setOtherFilters({});
              setOpenNowOnly(false);
              onPreferences({ city: 'all' });
            }}
          >
            {missingReport}
          </NoResults>
        ) : (
          <>
            <CrisisHeader results={results} />
            {results.every((result) => result.weak) ? (
              <>
                <WeakMatchNote />
                {missingReport}
              </>
            ) : null}
            <ul id={RESULTS_ID} className="results" aria-label={t('resultsLabel')} aria-busy={partial}>
              {results.map((result, position) => (
                <ServiceCard
                  key={result.service.id}
                  id={resultId(result)}
                  result={result}
                  selected={position === selected}
                  note={previewId === result.service.id ? noteFor(result) : ''}
                  previewOpen={previewId === result.service.id}
                  onSelect={() => setSelected(position)}
                  onCopy={() => void copyNote(result)}
                  onTogglePreview={() => setPreviewId((open) => (open === result.service.id ? null : result.service.id))}
                  pick={{
                    picked: isPicked(pick.list, result.service.id),
                    full: pick.list.entries.length >= PICK_LIMIT,
                    onToggle: () => (isPicked(pick.list, result.service.id) ? pick.remove(result.service.id) : pick.add(result)),
                  }}
                  report={<StaleContactReport service={result.service} organisation={result.organisation} serviceName={serviceNameIn(result.service, language).text} />}
                />
              ))}
            </ul>
          </>
        )}
      </main>
      <footer className="app-footer">
        <p id="keyboard-hint">{t('keyboardHint')}</p>
        <label className="note-language">
          <span>{t('noteLanguage')}</span>
          <select value={noteLanguage} onChange={(event) => onPreferences({ noteLanguage: event.target.value as UiLanguage })}>
            {UI_LANGUAGES.map((code) => (
              <option key={code} value={code}>
                {new Intl.DisplayNames([code], { type: 'language' }).of(code)}
              </option>
            ))}
          </select>
        </label>
        <p className="catalogue-info">
          {t(
            'catalogueInfo',
            catalogue.revision,
            formatDay(new Date(catalogue.publishedAt), language),
            organisationCount,
          )}
        </p>
        <NewReplyMarker />
        <button type="button" className="link-button open-options" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('optionsTitle')}
        </button>
      </footer>
    </>
  );
}
