import { PRIORITIES, type Priority, type TicketStatus } from '@atende/domain';

const isPriority = (v: unknown): v is Priority => (PRIORITIES as readonly unknown[]).includes(v);
import type { MessageKey } from '../../lib/i18n/pt-BR.js';
import { useI18n } from '../../lib/i18n/i18n.js';

interface HistoryEvent {
  id: number;
  type: string;
  fromStatus: TicketStatus | null;
  toStatus: TicketStatus | null;
  data?: Record<string, unknown> | null;
  createdAt: string;
}

const EVENT_TEXT: Record<string, MessageKey | undefined> = {
  created: 'history.created',
  status_changed: 'history.status_changed',
  reopened: 'history.reopened',
  assignee_changed: 'history.assignee_changed',
  field_changed: 'history.field_changed',
};

const FIELD_LABEL: Record<string, MessageKey | undefined> = { dueAt: 'field.dueAt', priority: 'field.priority', departmentId: 'field.departmentId' };

/** The ticket's history in plain words, oldest first. */
export function TicketHistory({ events }: { events: HistoryEvent[] }) {
  const { t, formatDateTime } = useI18n();
  const describe = (e: HistoryEvent) => {
    const key = EVENT_TEXT[e.type];
    if (e.type === 'field_changed' && e.data) {
      const field = String(e.data.field);
      const label = FIELD_LABEL[field];
      const value = (v: unknown) => (v === null || v === undefined ? '—' : field === 'dueAt' ? formatDateTime(new Date(Number(v)).toISOString()) : field === 'priority' && isPriority(v) ? t(`priority.${v}`) : String(v));
      return t('history.field_changed', { field: label ? t(label) : field, from: value(e.data.from), to: value(e.data.to) });
    }
    const params = { from: e.fromStatus ? t(`status.${e.fromStatus}`) : '—', to: e.toStatus ? t(`status.${e.toStatus}`) : '—' };
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
