import { Link, useSearchParams } from 'react-router';
import { paths } from '../../config/paths.js';
import { ErrorMessage } from '../../components/error-message.js';
import { TicketTable } from '../../components/ticket-table.js';
import { useI18n } from '../../lib/i18n/i18n.js';
import { useCompany, useCompanyTickets } from './company-api.js';

/**
 * "Chamados da empresa": the company manager follows every ticket of the company, filtered by
 * requester (?solicitante=). Reading only: the requester answers, approves, reopens and rates.
 */
export function CompanyTicketsPage() {
  const { t } = useI18n();
  const company = useCompany();
  const [search, setSearch] = useSearchParams();
  const requesterId = /^\d+$/.test(search.get('solicitante') ?? '') ? search.get('solicitante')! : '';
  const tickets = useCompanyTickets(requesterId);

  return (
    <section aria-labelledby="company-title">
      <Link to={paths.panel} className="back-link">
        {t('ticket.back')}
      </Link>
      <h1 id="company-title">{t('company.title')}</h1>
      <p className="hint">{t('company.intro')}</p>
      {company.data && (
        <div className="field company-filter">
          <label htmlFor="company-requester">{t('company.requester')}</label>
          <select id="company-requester" value={requesterId} onChange={(e) => setSearch(e.target.value ? { solicitante: e.target.value } : {}, { replace: true })}>
            <option value="">{t('company.everyone')}</option>
            {company.data.contacts.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
      )}
      {tickets.isPending ? (
        <p role="status">{t('list.loading')}</p>
      ) : tickets.error ? (
        <ErrorMessage error={tickets.error} />
      ) : (
        <TicketTable
          caption={t('company.title')}
          rows={tickets.data.pages.flatMap((page) => page.items)}
          linkTo={paths.customerTicket}
          hasMore={tickets.hasNextPage}
          loadingMore={tickets.isFetchingNextPage}
          onLoadMore={() => void tickets.fetchNextPage()}
          showRequester
        />
      )}
    </section>
  );
}
