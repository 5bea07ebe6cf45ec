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
  rated: 'history.rated',
  email_sent: 'history.email_sent',
  reminder_sent: 'history.reminder_sent',
  auto_closed: 'history.auto_closed',
  approval_timeout: 'history.approval_timeout',
  assigned_by_routing: 'history.assigned_by_routing',
  assigned: 'history.assigned',
  field_changed: 'history.field_changed',
};

const FIELD_LABEL: Record<string, MessageKey | undefined> = { dueAt: 'field.dueAt', priority: 'field.priority', departmentId: 'field.departmentId' };

/** Names shown instead of ids in field changes (the departments of GET /api/agent/options). */
export type DepartmentNames = ReadonlyMap<number, string>;

/** Turns one ticket event into plain words. */
export function useDescribeEvent(departments: DepartmentNames = new Map()) {
  const { t, formatDateTime } = useI18n();
  return (e: HistoryEvent) => {
    const key = EVENT_TEXT[e.type];
    if (e.type === 'field_changed' && e.data) {
      const field = String(e.data.field);
      const label = FIELD_LABEL[field];
      const value = (v: unknown) =>
        v === null || v === undefined
          ? '—'
          : field === 'dueAt'
            ? formatDateTime(new Date(Number(v)).toISOString())
            : field === 'priority' && isPriority(v)
              ? t(`priority.${v}`)
              : field === 'departmentId'
                ? (departments.get(Number(v)) ?? String(v))
                : String(v);
      return t('history.field_changed', { field: label ? t(label) : field, from: value(e.data.from), to: value(e.data.to) });
    }
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
}

export type { HistoryEvent };
