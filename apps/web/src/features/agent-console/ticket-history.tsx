import type { TicketEventWire } from '@atende/contracts';
import { PRIORITIES, type FieldChange, type Priority, type TicketStatus } from '@atende/domain';
import type { ConsoleMessageKey } from '../../lib/i18n/console-keys.js';
import { useConsoleI18n } from '../../lib/i18n/console.js';

const isPriority = (v: unknown): v is Priority => (PRIORITIES as readonly unknown[]).includes(v);

/** One line of a ticket's history as the API sends it (typed by `type`). */
type HistoryEvent = TicketEventWire;

const FIELD_LABEL: Record<FieldChange['field'], ConsoleMessageKey> = { dueAt: 'field.dueAt', priority: 'field.priority', departmentId: 'field.departmentId' };

/** Names shown instead of ids in field changes (the departments of GET /api/agent/options). */
export type DepartmentNames = ReadonlyMap<number, string>;

/** Compile-time guard: a history type without words here fails the typecheck. */
function unknownEvent(event: never): string {
  return (event as { type: string }).type;
}

/** Turns one ticket event into plain words. */
export function useDescribeEvent(departments: DepartmentNames = new Map()) {
  const { t, formatDateTime } = useConsoleI18n();
  const status = (s: TicketStatus | null) => (s ? t(`status.${s}`) : '—');
  const fieldValue = (field: FieldChange['field'], v: unknown) =>
    v === null || v === undefined
      ? '—'
      : field === 'dueAt'
        ? formatDateTime(new Date(Number(v)).toISOString())
        : field === 'priority' && isPriority(v)
          ? t(`priority.${v}`)
          : field === 'departmentId'
            ? (departments.get(Number(v)) ?? String(v))
            : String(v);
  return (e: HistoryEvent): string => {
    const statuses = { from: status(e.fromStatus), to: status(e.toStatus) };
    switch (e.type) {
      case 'created':
        return t('history.created');
      case 'status_changed':
        return t('history.status_changed', statuses);
      case 'reopened':
        return t('history.reopened', statuses);
      case 'field_changed': {
        if (!e.data) return t('history.field_changed', { field: '—', from: '—', to: '—' });
        const { field } = e.data;
        const label = FIELD_LABEL[field] as ConsoleMessageKey | undefined;
        return t('history.field_changed', { field: label ? t(label) : field, from: fieldValue(field, e.data.from), to: fieldValue(field, e.data.to) });
      }
      case 'assignee_changed':
        return t('history.assignee_changed');
      case 'rated':
        return t('history.rated', { score: e.data?.score ?? '—' });
      case 'email_sent':
        return t('history.email_sent', { subject: e.data?.subject ?? '' });
      case 'reminder_sent':
        return t('history.reminder_sent', { stage: e.data?.stage ?? '' });
      case 'auto_closed':
        return t('history.auto_closed');
      case 'approval_timeout':
        return t('history.approval_timeout', statuses);
      case 'assigned':
        return t('history.assigned', { reason: e.data?.reason ?? '' });
      case 'assigned_by_routing':
        return t('history.assigned_by_routing');
      default:
        return unknownEvent(e);
    }
  };
}

export type { HistoryEvent };
