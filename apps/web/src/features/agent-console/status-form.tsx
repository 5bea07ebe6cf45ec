import { TICKET_STATUSES, type TicketStatus } from '@atende/domain';
import type { FormEvent } from 'react';
import { ErrorMessage } from '../../components/error-message.js';
import { isApiError } from '../../lib/api-client.js';
import { useConsoleI18n } from '../../lib/i18n/console.js';
import { useSetStatus } from './agent-api.js';
import { DueDateField } from './due-date-field.js';
import { useServerDraft } from './use-server-draft.js';

/**
 * Situação. Follows the ticket after any change (a reply that set "Visita presencial" shows it here), so
 * pressing "Alterar situação" never sets an old status back; a status the agent picked survives a 409.
 */
export function StatusForm({ ticketId, version, current }: { ticketId: number; version: number; current: TicketStatus }) {
  const { t } = useConsoleI18n();
  const setStatus = useSetStatus(ticketId);
  const { draft, set, movedUnder } = useServerDraft({ status: current }, version);
  const dueDateDraft = useServerDraft({ dueDate: '' }, version);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const dueDate = dueDateDraft.draft.dueDate;
    setStatus.mutate({ status: draft.status, expectedVersion: version, ...(dueDate ? { dueDate } : {}) });
  };
  return (
    <form onSubmit={onSubmit} className="status-form">
      <label htmlFor="agent-status">{t('agent.status')}</label>
      <StatusSelect id="agent-status" value={draft.status} onChange={(s) => set('status', s)} />
      <DueDateField id="agent-status-due" label="agent.dueDate" status={draft.status} value={dueDateDraft.draft.dueDate} onChange={(v) => dueDateDraft.set('dueDate', v)} />
      <button type="submit" disabled={setStatus.isPending || draft.status === current}>
        {t('agent.changeStatus')}
      </button>
      {setStatus.error && <ErrorMessage error={setStatus.error} />}
      {isApiError(setStatus.error, 'conflict') && movedUnder.includes('status') && (
        <p className="notice conflict-notice" role="status">
          {t('conflict.value', { field: t('agent.status'), value: t(`status.${current}`) })} {t('conflict.keptYours')}
        </p>
      )}
      {setStatus.isSuccess && <p role="status">{t('agent.statusChanged')}</p>}
    </form>
  );
}

export function StatusSelect({ id, value, onChange }: { id: string; value: TicketStatus; onChange: (s: TicketStatus) => void }) {
  const { t } = useConsoleI18n();
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.target.value as TicketStatus)}>
      {TICKET_STATUSES.map((s) => (
        <option key={s} value={s}>
          {t(`status.${s}`)}
        </option>
      ))}
    </select>
  );
}
