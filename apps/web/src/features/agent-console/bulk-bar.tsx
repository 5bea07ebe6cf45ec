import { PRIORITIES, TICKET_STATUSES, type Priority, type TicketStatus } from '@atende/domain';
import { API_ERROR_MESSAGES_EN, API_ERROR_MESSAGES_PT, type ApiErrorCode } from '@atende/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ErrorMessage } from '../../components/error-message.js';
import { api, unwrap } from '../../lib/api-client.js';
import { useConsoleI18n } from '../../lib/i18n/console.js';
import { useAgentOptions } from '../../lib/agent-options.js';
import { agentKeys } from './agent-api.js';
import { DueDateField } from './due-date-field.js';

type Change = { kind: 'assign'; assigneeId: number | null } | { kind: 'status'; status: TicketStatus; dueDate?: string } | { kind: 'priority'; priority: Priority };
type Result = { id: number; ok: true; version: number } | { id: number; ok: false; code: string };

function useBulk() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { tickets: { id: number; expectedVersion: number }[]; change: Change }) => unwrap(api.agent.tickets.bulk.$post({ json: input })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: agentKeys.all }),
  });
}

/**
 * Assign, set status or priority on the selected rows. Each ticket keeps its version check; the summary
 * names the tickets that changed under the agent (left as the other person saved them) and any refused.
 */
export function BulkBar({ selected, onDone }: { selected: { id: number; version: number }[]; onDone: () => void }) {
  const { t, locale } = useConsoleI18n();
  const options = useAgentOptions();
  const bulk = useBulk();
  const [kind, setKind] = useState<Change['kind']>('assign');
  const [assigneeId, setAssigneeId] = useState('');
  const [status, setStatus] = useState<TicketStatus>('pending');
  const [dueDate, setDueDate] = useState('');
  const [priority, setPriority] = useState<Priority>('alta');
  const [summary, setSummary] = useState<Result[] | null>(null);
  if (selected.length === 0 && !summary) return null;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const change: Change =
      kind === 'assign' ? { kind, assigneeId: assigneeId ? Number(assigneeId) : null } : kind === 'status' ? { kind, status, ...(dueDate ? { dueDate } : {}) } : { kind, priority };
    bulk.mutate(
      { tickets: selected.map((s) => ({ id: s.id, expectedVersion: s.version })), change },
      {
        onSuccess: (data) => {
          setSummary(data.results);
          onDone();
        },
      },
    );
  };
  const changed = summary?.filter((r) => r.ok) ?? [];
  const conflicts = summary?.filter((r) => !r.ok && r.code === 'conflict') ?? [];
  const refused = summary?.filter((r): r is Extract<Result, { ok: false }> => !r.ok && r.code !== 'conflict') ?? [];
  const reason = (code: string) => (locale === 'en' ? API_ERROR_MESSAGES_EN[code as ApiErrorCode] : undefined) ?? API_ERROR_MESSAGES_PT[code as ApiErrorCode] ?? code;
  return (
    <>
      {selected.length > 0 && (
        <form className="bulk-bar" onSubmit={onSubmit} aria-label={t('bulk.title')}>
          <strong>{t('bulk.selected', { count: selected.length })}</strong>
          <label className="inline-label">
            {t('bulk.action')}
            <select value={kind} onChange={(e) => setKind(e.target.value as Change['kind'])}>
              <option value="assign">{t('bulk.assign')}</option>
              <option value="status">{t('bulk.status')}</option>
              <option value="priority">{t('bulk.priority')}</option>
            </select>
          </label>
          {kind === 'assign' && (
            <label className="inline-label">
              {t('ticket.assignee')}
              <select value={assigneeId} onChange={(e) => setAssigneeId(e.target.value)}>
                <option value="">{t('ticket.noAssignee')}</option>
                {options.data?.agents.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.name}
                  </option>
                ))}
              </select>
            </label>
          )}
          {kind === 'status' && (
            <>
              <label className="inline-label">
                {t('agent.status')}
                <select value={status} onChange={(e) => setStatus(e.target.value as TicketStatus)}>
                  {TICKET_STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {t(`status.${s}`)}
                    </option>
                  ))}
                </select>
              </label>
              <DueDateField id="bulk-due" label="agent.dueDate" status={status} value={dueDate} onChange={setDueDate} />
            </>
          )}
          {kind === 'priority' && (
            <label className="inline-label">
              {t('list.priority')}
              <select value={priority} onChange={(e) => setPriority(e.target.value as Priority)}>
                {PRIORITIES.map((p) => (
                  <option key={p} value={p}>
                    {t(`priority.${p}`)}
                  </option>
                ))}
              </select>
            </label>
          )}
          <button type="submit" className="primary" disabled={bulk.isPending}>
            {t('bulk.apply')}
          </button>
          {bulk.error && <ErrorMessage error={bulk.error} />}
        </form>
      )}
      {summary && (
        <div className="notice bulk-summary" role="status">
          <p>{t('bulk.changed', { count: changed.length })}</p>
          {conflicts.length > 0 && <p>{t('bulk.conflicts', { ids: conflicts.map((r) => `#${r.id}`).join(', ') })}</p>}
          {refused.length > 0 && (
            <ul>
              {refused.map((r) => (
                <li key={r.id}>
                  #{r.id}: {reason(r.code)}
                </li>
              ))}
            </ul>
          )}
          <button type="button" onClick={() => setSummary(null)}>
            {t('shortcuts.close')}
          </button>
        </div>
      )}
    </>
  );
}
