import { useSearchParams } from 'react-router';
import { paths } from '../../app/paths.js';
import { ErrorMessage } from '../../components/error-message.js';
import { TicketTable } from '../../components/ticket-table.js';
import { useI18n } from '../../lib/i18n/i18n.js';
import { useAgentTickets } from './agent-api.js';
import { isOrigin, OriginFilter } from './origin-filter.js';

/** The agent home: every ticket, newest activity first. */
export function AgentHomePage() {
  const { t } = useI18n();
  const [search, setSearch] = useSearchParams();
  const requested = search.get('origem');
  const origin = isOrigin(requested) ? requested : undefined;
  const query = useAgentTickets(origin);
  return (
    <section aria-labelledby="console-title">
      <h1 id="console-title">{t('agent.title')}</h1>
      <OriginFilter value={origin} onChange={(next) => setSearch(next ? { origem: next } : {}, { replace: true })} />
      {query.isPending ? (
        <p role="status">{t('list.loading')}</p>
      ) : query.error ? (
        <ErrorMessage error={query.error} />
      ) : (
        <TicketTable
          caption={t('agent.title')}
          rows={query.data.pages.flatMap((page) => page.items)}
          linkTo={paths.agentTicket}
          showOrigin
          hasMore={query.hasNextPage}
          loadingMore={query.isFetchingNextPage}
          onLoadMore={() => void query.fetchNextPage()}
        />
      )}
    </section>
  );
}
