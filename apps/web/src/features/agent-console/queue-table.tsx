import { LoadMoreButton } from '../../components/load-more-button.js';
import type { Origin, TicketStatus } from '@atende/domain';
import { Link } from 'react-router';
import { StatusBadge } from '../../components/status-badge.js';
import { useI18n } from '../../lib/i18n/i18n.js';

export interface QueueRow {
  id: number;
  subject: string;
  status: TicketStatus;
  priority: 'baixa' | 'media' | 'alta' | 'urgente';
  requesterName: string;
  origin: Origin;
  dueAt: string | null;
  overdue: boolean;
  updatedAt: string;
  /** Set while a customer's message waits for an answer. */
  customerRepliedAt?: number | null;
}

/** One queue's tickets: number, subject, customer, origin (seed 003), status, priority, due date (overdue marked), last update. */
export function QueueTable(props: { caption: string; rows: QueueRow[]; linkTo: (id: number) => string; hasMore: boolean; loadingMore: boolean; onLoadMore: () => void }) {
  const { t, formatDateTime } = useI18n();
  if (props.rows.length === 0) return <p className="empty">{t('queue.empty')}</p>;
  return (
    <>
      <table className="tickets">
        <caption className="visually-hidden">{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('list.number')}</th>
            <th scope="col">{t('list.subject')}</th>
            <th scope="col">{t('list.requester')}</th>
            <th scope="col">{t('ticket.origin')}</th>
            <th scope="col">{t('list.status')}</th>
            <th scope="col">{t('list.priority')}</th>
            <th scope="col">{t('list.dueAt')}</th>
            <th scope="col">{t('list.updatedAt')}</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => (
            <tr key={row.id} className={row.overdue ? 'overdue' : undefined}>
              <td>#{row.id}</td>
              <td>
                <Link to={props.linkTo(row.id)}>{row.subject}</Link>
                {row.customerRepliedAt ? <span className="badge replied-badge"> {t('queue.customerReplied')}</span> : null}
              </td>
              <td>{row.requesterName}</td>
              <td>{t(`origin.${row.origin}`)}</td>
              <td>
                <StatusBadge status={row.status} />
              </td>
              <td>{t(`priority.${row.priority}`)}</td>
              <td>
                {row.dueAt ? <time dateTime={row.dueAt}>{formatDateTime(row.dueAt)}</time> : '—'}
                {row.overdue && <span className="badge overdue-badge"> {t('ticket.overdue')}</span>}
              </td>
              <td>
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
