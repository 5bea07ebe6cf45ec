import { useState, type FormEvent } from 'react';
import { useConsoleI18n } from '../../lib/i18n/console.js';

/** The API's limit on a search (agentListQuery.q). */
export const SEARCH_MAX = 200;

/** The console's text search: submitted with Enter or the button, kept in the URL (busca) by the page. */
export function QueueSearch({ value, onSearch }: { value: string; onSearch: (q: string) => void }) {
  const { t } = useConsoleI18n();
  const [text, setText] = useState(value);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch(text.trim());
  };
  return (
    <form role="search" className="queue-search" onSubmit={submit}>
      <label htmlFor="queue-search">{t('search.label')}</label>
      <input id="queue-search" type="search" value={text} maxLength={SEARCH_MAX} aria-describedby="queue-search-hint" onChange={(e) => setText(e.target.value)} />
      <button type="submit">{t('search.label')}</button>
      {value && (
        <button type="button" onClick={() => onSearch('')}>
          {t('search.clear')}
        </button>
      )}
      <p id="queue-search-hint" className="hint">
        {t('search.hint')}
      </p>
    </form>
  );
}
