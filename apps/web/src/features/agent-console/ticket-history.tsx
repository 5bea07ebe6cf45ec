import type { TicketStatus } from '@atende/domain';
import type { MessageKey } from '../../lib/i18n/pt-BR.js';
import { useI18n } from '../../lib/i18n/i18n.js';

interface HistoryEvent {
  id: number;
  type: string;
  fromStatus: TicketStatus | null;
  toStatus: TicketStatus | null;
  data?: unknown;
  createdAt: string;
}

const EVENT_TEXT: Record<string, MessageKey | undefined> = {
  created: 'history.created',
  status_changed: 'history.status_changed',
  reopened: 'history.reopened',
  assignee_changed: 'history.assignee_changed',
  rated: 'history.rated',
  email_sent: 'history.email_sent',
  reminder_sent: 'history.reminder_sent',
  auto_closed: 'history.auto_closed',
  approval_timeout: 'history.approval_timeout',
  assigned_by_routing: 'history.assigned_by_routing',
  assigned: 'history.assigned',
};

/** The ticket's history in plain words, oldest first. */
export function TicketHistory({ events }: { events: HistoryEvent[] }) {
  const { t, formatDateTime } = useI18n();
  const describe = (e: HistoryEvent) => {
    const key = EVENT_TEXT[e.type];
    const data = (e.data ?? {}) as Record<string, unknown>;
    const params = {
      from: e.fromStatus ? t(`status.${e.fromStatus}`) : '—',
      to: e.toStatus ? t(`status.${e.toStatus}`) : '—',
      subject: typeof data.subject === 'string' ? data.subject : '',
      stage: typeof data.stage === 'number' ? data.stage : '',
      reason: typeof data.reason === 'string' ? data.reason : '',
      score: typeof data.score === 'number' ? data.score : '—',
    };
    return key ? t(key, params) : e.type;
  };
  return (
    <ol className="history">
      {events.map((e) => (
        <li key={e.id}>
          <time dateTime={e.createdAt}>{formatDateTime(e.createdAt)}</time> {describe(e)}
        </li>
      ))}
    </ol>
  );
}
