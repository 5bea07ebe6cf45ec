import { paths } from '../../app/paths.js';
import { ErrorMessage } from '../../components/error-message.js';
import { TicketTable } from '../../components/ticket-table.js';
import { useI18n } from '../../lib/i18n/i18n.js';
import { useAgentTickets } from './agent-api.js';

/** The agent home: every ticket, newest activity first. */
export function AgentHomePage() {
  const { t } = useI18n();
  const query = useAgentTickets();
  return (
    <section aria-labelledby="console-title">
      <h1 id="console-title">{t('agent.title')}</h1>
      {query.isPending ? (
        <p role="status">{t('list.loading')}</p>
      ) : query.error ? (
        <ErrorMessage error={query.error} />
      ) : (
        <TicketTable
          caption={t('agent.title')}
          rows={query.data.pages.flatMap((page) => page.items)}
          linkTo={paths.agentTicket}
          hasMore={query.hasNextPage}
          loadingMore={query.isFetchingNextPage}
          onLoadMore={() => void query.fetchNextPage()}
        />
      )}
    </section>
  );
}
