import { CUSTOMER_TABS, type CustomerTab } from '@atende/domain';
import { Link, useSearchParams } from 'react-router';
import { paths } from '../../config/paths.js';
import { ErrorMessage } from '../../components/error-message.js';
import { Tabs } from '../../components/tabs.js';
import { TicketTable } from '../../components/ticket-table.js';
import { useI18n } from '../../lib/i18n/i18n.js';
import { panelTabOf, useTabCounts, useTabTickets } from './customer-panel-api.js';
import { useCompany } from './company-api.js';
import { usePortalSwitches } from '../../lib/portal-switches.js';
import { TicketSearchForm, TicketSearchResults } from './ticket-search.js';

/**
 * The Painel do Cliente: "Novo atendimento" when the portal lets customers open tickets, and the tabs
 * when it lets them see their tickets (both admin switches).
 */
export function CustomerPanelPage() {
  const { t } = useI18n();
  const switches = usePortalSwitches();
  const company = useCompany();
  return (
    <section aria-labelledby="panel-title">
      <h1 id="panel-title">{t('panel.title')}</h1>
      {switches.isPending ? (
        <p role="status">{t('list.loading')}</p>
      ) : switches.error ? (
        <ErrorMessage error={switches.error} />
      ) : (
        <>
          {(switches.data.customersOpenTickets || (company.data?.manager && switches.data.customersSeeTickets)) && (
            <p className="actions">
              {switches.data.customersOpenTickets && (
                <Link to={paths.newTicket} className="button primary">
                  {t('panel.newTicket')}
                </Link>
              )}
              {company.data?.manager && switches.data.customersSeeTickets && (
                <Link to={paths.companyTickets} className="button">
                  {t('company.title')}
                </Link>
              )}
            </p>
          )}
          {switches.data.customersSeeTickets ? <PanelTabs /> : <p className="notice">{t('panel.ticketsHidden')}</p>}
        </>
      )}
    </section>
  );
}

/** Five tabs with their counts; the selected tab lives in the URL (?aba=), a search in ?busca=. */
function PanelTabs() {
  const { t } = useI18n();
  const [search, setSearch] = useSearchParams();
  const tab = panelTabOf(search);
  const searched = search.get('busca')?.trim() ?? '';
  const counts = useTabCounts();

  return (
    <>
      <TicketSearchForm key={searched} current={searched} onSearch={(q) => setSearch(q ? { busca: q } : {})} />
      {searched ? (
        <TicketSearchResults q={searched} onClear={() => setSearch({})} />
      ) : (
        <>
          {counts.error && <ErrorMessage error={counts.error} />}
          <Tabs
            label={t('panel.tabsLabel')}
            idPrefix="panel"
            selected={tab}
            onSelect={(key) => setSearch({ aba: key }, { replace: true })}
            items={CUSTOMER_TABS.map((key) => ({
              key,
              label: (
                <>
                  {t(`tab.${key}`)} <span className="count">{counts.data?.[key] ?? '…'}</span>
                </>
              ),
            }))}
          >
            <TabTickets tab={tab} />
          </Tabs>
        </>
      )}
    </>
  );
}

function TabTickets({ tab }: { tab: CustomerTab }) {
  const { t } = useI18n();
  const query = useTabTickets(tab);
  if (query.isPending) return <p role="status">{t('list.loading')}</p>;
  if (query.error) return <ErrorMessage error={query.error} />;
  return (
    <TicketTable
      caption={t(`tab.${tab}`)}
      rows={query.data.pages.flatMap((page) => page.items)}
      linkTo={paths.customerTicket}
      hasMore={query.hasNextPage}
      loadingMore={query.isFetchingNextPage}
      onLoadMore={() => void query.fetchNextPage()}
    />
  );
}
