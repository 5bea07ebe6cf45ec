import { PRIORITIES, type Priority } from '@atende/domain';
import { useState, type FormEvent } from 'react';
import { ErrorMessage } from '../../components/error-message.js';
import { useI18n } from '../../lib/i18n/i18n.js';
import { useAgentOptions } from '../../lib/agent-options.js';
import { useSetFields } from './agent-api.js';

interface Current {
  id: number;
  version: number;
  priority: Priority;
  departmentId: number | null;
  assigneeId: number | null;
}

/** Priority (with its business-impact guidance, seed 001 §2), department and assignee. */
export function FieldsForm({ ticket }: { ticket: Current }) {
  const { t } = useI18n();
  const options = useAgentOptions();
  const save = useSetFields(ticket.id);
  const [priority, setPriority] = useState<Priority>(ticket.priority);
  const [departmentId, setDepartmentId] = useState(ticket.departmentId);
  const [assigneeId, setAssigneeId] = useState(ticket.assigneeId);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({
      expectedVersion: ticket.version,
      ...(priority !== ticket.priority ? { priority } : {}),
      ...(departmentId !== ticket.departmentId ? { departmentId } : {}),
      ...(assigneeId !== ticket.assigneeId ? { assigneeId } : {}),
    });
  };
  return (
    <form onSubmit={onSubmit} className="fields-form" aria-labelledby="fields-title">
      <h2 id="fields-title">{t('fields.title')}</h2>
      <div className="field">
        <label htmlFor="ticket-priority">{t('list.priority')}</label>
        <select id="ticket-priority" value={priority} aria-describedby="ticket-priority-hint" onChange={(e) => setPriority(e.target.value as Priority)}>
          {PRIORITIES.map((p) => (
            <option key={p} value={p}>
              {t(`priority.${p}`)}
            </option>
          ))}
        </select>
        <p id="ticket-priority-hint" className="hint">
          {t(`priority.hint.${priority}`)}
        </p>
      </div>
      <div className="field">
        <label htmlFor="ticket-department">{t('ticket.department')}</label>
        <select id="ticket-department" value={departmentId ?? ''} onChange={(e) => setDepartmentId(e.target.value ? Number(e.target.value) : null)}>
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
        <select id="ticket-assignee" value={assigneeId ?? ''} onChange={(e) => setAssigneeId(e.target.value ? Number(e.target.value) : null)}>
          <option value="">{t('ticket.noAssignee')}</option>
          {options.data?.agents.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
      </div>
      {save.error && <ErrorMessage error={save.error} />}
      {save.isSuccess && <p role="status">{t('fields.saved')}</p>}
      <button type="submit" disabled={save.isPending}>
        {t('fields.save')}
      </button>
    </form>
  );
}
