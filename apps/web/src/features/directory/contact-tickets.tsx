import type { TicketStatus } from '@atende/domain';
import { Link } from 'react-router';
import { paths } from '../../config/paths.js';
import { StatusBadge } from '../../components/status-badge.js';
import { useConsoleI18n } from '../../lib/i18n/console.js';

export interface ContactTicket {
  id: number;
  subject: string;
  status: TicketStatus;
  updatedAt: string;
}

/** A contact's tickets, newest activity first, each opening in the console. */
export function ContactTickets({ tickets, label }: { tickets: ContactTicket[]; label: string }) {
  const { t } = useConsoleI18n();
  if (tickets.length === 0) return <p>{t('directory.noTickets')}</p>;
  return (
    <ul aria-label={label} className="plain-list">
      {tickets.map((ticket) => (
        <li key={ticket.id}>
          <Link to={paths.agentTicket(ticket.id)}>
            #{ticket.id} {ticket.subject}
          </Link>{' '}
          <StatusBadge status={ticket.status} />
        </li>
      ))}
    </ul>
  );
}
