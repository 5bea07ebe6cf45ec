import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { paths } from '../../config/paths.js';
import { ErrorMessage } from '../../components/error-message.js';
import { TicketTable } from '../../components/ticket-table.js';
import { api, unwrap } from '../../lib/api-client.js';
import { useI18n } from '../../lib/i18n/i18n.js';

/** The search box above the tabs; what was searched lives in the URL (?busca=), so Back works. */
export function TicketSearchForm({ current, onSearch }: { current: string; onSearch: (q: string) => void }) {
  const { t } = useI18n();
  const [q, setQ] = useState(current);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    onSearch(q.trim());
  };
  return (
    <form role="search" className="ticket-search" onSubmit={onSubmit}>
      <label htmlFor="ticket-search-q" className="visually-hidden">
        {t('customerSearch.label')}
      </label>
      <input id="ticket-search-q" type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder={t('customerSearch.placeholder')} maxLength={200} />
      <button type="submit">{t('customerSearch.submit')}</button>
    </form>
  );
}

/** The tickets that match: number, subject or a public message, accents ignored. */
export function TicketSearchResults({ q, onClear }: { q: string; onClear: () => void }) {
  const { t } = useI18n();
  const query = useQuery({
    queryKey: ['customer', 'search', q] as const,
    queryFn: () => unwrap(api.customer.search.$get({ query: { q } })),
  });
  return (
    <section aria-labelledby="search-results-title" className="search-results">
      <h2 id="search-results-title">{t('customerSearch.results', { q })}</h2>
      <p>
        <button type="button" onClick={onClear}>
          {t('customerSearch.clear')}
        </button>
      </p>
      {query.isPending ? (
        <p role="status">{t('list.loading')}</p>
      ) : query.error ? (
        <ErrorMessage error={query.error} />
      ) : query.data.items.length === 0 ? (
        <p className="empty">{t('customerSearch.none')}</p>
      ) : (
        <TicketTable caption={t('customerSearch.results', { q })} rows={query.data.items} linkTo={paths.customerTicket} hasMore={false} loadingMore={false} onLoadMore={() => undefined} />
      )}
    </section>
  );
}
