import { PRIORITIES, type Priority } from '@atende/domain';
import type { FormEvent } from 'react';
import { ErrorMessage } from '../../components/error-message.js';
import { isApiError } from '../../lib/api-client.js';
import { useConsoleI18n } from '../../lib/i18n/console.js';
import { useAgentOptions } from '../../lib/agent-options.js';
import { useSetFields } from './agent-api.js';
import { useServerDraft } from './use-server-draft.js';

interface Current {
  id: number;
  version: number;
  priority: Priority;
  departmentId: number | null;
  assigneeId: number | null;
}

/**
 * Priority (with its business-impact guidance, seed 001 §2), department and assignee. Not remounted on a
 * new version: what the agent typed survives a 409 and is sent again on the newer version.
 */
export function FieldsForm({ ticket }: { ticket: Current }) {
  const { t } = useConsoleI18n();
  const options = useAgentOptions();
  const save = useSetFields(ticket.id);
  const server = { priority: ticket.priority, departmentId: ticket.departmentId, assigneeId: ticket.assigneeId };
  const { draft, set, movedUnder, changed } = useServerDraft(server, ticket.version);
  const departmentName = (id: number | null) => options.data?.departments.find((d) => d.id === id)?.name ?? '—';
  const agentName = (id: number | null) => (id === null ? t('ticket.noAssignee') : (options.data?.agents.find((a) => a.id === id)?.name ?? '—'));
  const conflict = isApiError(save.error, 'conflict');
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({
      expectedVersion: ticket.version,
      ...(changed.includes('priority') ? { priority: draft.priority } : {}),
      ...(changed.includes('departmentId') ? { departmentId: draft.departmentId } : {}),
      ...(changed.includes('assigneeId') ? { assigneeId: draft.assigneeId } : {}),
    });
  };
  return (
    <form onSubmit={onSubmit} className="fields-form" aria-labelledby="fields-title">
      <h2 id="fields-title">{t('fields.title')}</h2>
      <div className="field">
        <label htmlFor="ticket-priority">{t('list.priority')}</label>
        <select id="ticket-priority" value={draft.priority} aria-describedby="ticket-priority-hint" onChange={(e) => set('priority', e.target.value as Priority)}>
          {PRIORITIES.map((p) => (
            <option key={p} value={p}>
              {t(`priority.${p}`)}
            </option>
          ))}
        </select>
        <p id="ticket-priority-hint" className="hint">
          {t(`priority.hint.${draft.priority}`)}
        </p>
      </div>
      <div className="field">
        <label htmlFor="ticket-department">{t('ticket.department')}</label>
        <select id="ticket-department" value={draft.departmentId ?? ''} onChange={(e) => set('departmentId', e.target.value ? Number(e.target.value) : null)}>
          <option value="">—</option>
          {options.data?.departments.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="ticket-assignee">{t('ticket.assignee')}</label>
        <select id="ticket-assignee" value={draft.assigneeId ?? ''} onChange={(e) => set('assigneeId', e.target.value ? Number(e.target.value) : null)}>
          <option value="">{t('ticket.noAssignee')}</option>
          {options.data?.agents.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
      </div>
      {save.error && <ErrorMessage error={save.error} />}
      {conflict && movedUnder.length > 0 && (
        <div className="notice conflict-notice" role="status">
          <p>{t('conflict.newerValues')}</p>
          <ul>
            {movedUnder.includes('priority') && <li>{t('conflict.value', { field: t('list.priority'), value: t(`priority.${ticket.priority}`) })}</li>}
            {movedUnder.includes('departmentId') && <li>{t('conflict.value', { field: t('ticket.department'), value: departmentName(ticket.departmentId) })}</li>}
            {movedUnder.includes('assigneeId') && <li>{t('conflict.value', { field: t('ticket.assignee'), value: agentName(ticket.assigneeId) })}</li>}
          </ul>
          <p>{t('conflict.keptYours')}</p>
        </div>
      )}
      {save.isSuccess && <p role="status">{t('fields.saved')}</p>}
      <button type="submit" disabled={save.isPending || changed.length === 0}>
        {conflict ? t('conflict.applyAgain') : t('fields.save')}
      </button>
    </form>
  );
}
