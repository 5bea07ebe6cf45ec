import { LoadMoreButton } from './load-more-button.js';
import type { Origin, TicketStatus } from '@atende/domain';
import { Link } from 'react-router';
import { useI18n } from '../lib/i18n/i18n.js';
import { StatusBadge } from './status-badge.js';

export interface TicketRow {
  id: number;
  subject: string;
  status: TicketStatus;
  origin: Origin;
  departmentName: string | null;
  updatedAt: string;
  /** A company manager's list names who asked (issue 15). */
  requesterName?: string;
}

/**
 * The ticket list of the panel and of the agent home: number, subject, status, department, last update.
 * On a phone the same table shows as cards (CSS `.ticket-cards`): number, subject, status, last update.
 */
export function TicketTable(props: {
  caption: string;
  rows: TicketRow[];
  linkTo: (id: number) => string;
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
  /** The agent list shows where each ticket came from. */
  showOrigin?: boolean;
  /** The company manager's list shows who asked. */
  showRequester?: boolean;
}) {
  const { t, formatDateTime } = useI18n();
  if (props.rows.length === 0) return <p className="empty">{t('tab.empty')}</p>;
  return (
    <>
      <table className="tickets ticket-cards">
        <caption className="visually-hidden">{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('list.number')}</th>
            <th scope="col">{t('list.subject')}</th>
            {props.showRequester && <th scope="col">{t('company.requester')}</th>}
            <th scope="col">{t('list.status')}</th>
            <th scope="col">{t('list.department')}</th>
            {props.showOrigin && <th scope="col">{t('origin.label')}</th>}
            <th scope="col">{t('list.updatedAt')}</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => (
            <tr key={row.id}>
              <td className="cell-number">#{row.id}</td>
              <td className="cell-subject">
                <Link to={props.linkTo(row.id)}>{row.subject}</Link>
              </td>
              {props.showRequester && <td className="cell-requester">{row.requesterName}</td>}
              <td className="cell-status">
                <StatusBadge status={row.status} />
              </td>
              <td className="cell-department">{row.departmentName ?? '—'}</td>
              {props.showOrigin && <td className="cell-origin">{t(`origin.${row.origin}`)}</td>}
              <td className="cell-updated" data-label={t('list.updatedAt')}>
                <time dateTime={row.updatedAt}>{formatDateTime(row.updatedAt)}</time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <LoadMoreButton hasMore={props.hasMore} loading={props.loadingMore} onLoadMore={props.onLoadMore} />
    </>
  );
}
