import { LoadMoreButton } from '../../components/load-more-button.js';
import type { Origin, TicketStatus } from '@atende/domain';
import { Link } from 'react-router';
import { StatusBadge } from '../../components/status-badge.js';
import { useConsoleI18n } from '../../lib/i18n/console.js';

export interface QueueRow {
  id: number;
  subject: string;
  status: TicketStatus;
  priority: 'baixa' | 'media' | 'alta' | 'urgente';
  requesterName: string;
  assigneeName: string | null;
  departmentName: string | null;
  origin: Origin;
  dueAt: string | null;
  overdue: boolean;
  updatedAt: string;
  version: number;
  /** Set while a customer's message waits for an answer. */
  customerRepliedAt?: number | null;
}

/**
 * One queue's tickets: number, subject, customer, assignee, department, origin (seed 003), status,
 * priority, due date (overdue marked), last update. Rows can be selected for a bulk action; on a phone
 * each row is a card (the data-label names each value).
 */
export function QueueTable(props: {
  caption: string;
  rows: QueueRow[];
  linkTo: (id: number) => string;
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
  selected: ReadonlySet<number>;
  onToggle: (id: number, on: boolean) => void;
  onToggleAll: (on: boolean) => void;
}) {
  const { t, formatDateTime } = useConsoleI18n();
  if (props.rows.length === 0) return <p className="empty">{t('queue.empty')}</p>;
  const allOn = props.rows.every((r) => props.selected.has(r.id));
  return (
    <>
      <table className="tickets">
        <caption className="visually-hidden">{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">
              <input type="checkbox" aria-label={t('bulk.selectAll')} checked={allOn} onChange={(e) => props.onToggleAll(e.target.checked)} />
            </th>
            <th scope="col">{t('list.number')}</th>
            <th scope="col">{t('list.subject')}</th>
            <th scope="col">{t('list.requester')}</th>
            <th scope="col">{t('ticket.assignee')}</th>
            <th scope="col">{t('ticket.department')}</th>
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
              <td>
                <input type="checkbox" aria-label={t('bulk.select', { id: row.id })} checked={props.selected.has(row.id)} onChange={(e) => props.onToggle(row.id, e.target.checked)} />
              </td>
              <td>#{row.id}</td>
              <td>
                <Link to={props.linkTo(row.id)} className="queue-link">
                  {row.subject}
                </Link>
                {row.customerRepliedAt ? <span className="badge replied-badge"> {t('queue.customerReplied')}</span> : null}
              </td>
              <td data-label={t('list.requester')}>{row.requesterName}</td>
              <td data-label={t('ticket.assignee')}>{row.assigneeName ?? t('ticket.noAssignee')}</td>
              <td data-label={t('ticket.department')}>{row.departmentName ?? '—'}</td>
              <td data-label={t('ticket.origin')}>{t(`origin.${row.origin}`)}</td>
              <td>
                <StatusBadge status={row.status} />
              </td>
              <td data-label={t('list.priority')}>{t(`priority.${row.priority}`)}</td>
              <td data-label={t('list.dueAt')}>
                {row.dueAt ? <time dateTime={row.dueAt}>{formatDateTime(row.dueAt)}</time> : '—'}
                {row.overdue && <span className="badge overdue-badge"> {t('ticket.overdue')}</span>}
              </td>
              <td data-label={t('list.updatedAt')}>
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
