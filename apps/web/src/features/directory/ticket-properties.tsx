import { PRIORITIES, type Priority } from '@atende/domain';
import { useConsoleI18n } from '../../lib/i18n/console.js';
import { useAgentOptions } from '../../lib/agent-options.js';

export interface TicketProperties {
  subject: string;
  departmentId: string;
  priority: Priority;
}
export const EMPTY_PROPERTIES: TicketProperties = { subject: '', departmentId: '', priority: 'media' };

/** Subject, department and priority (with seed 001 §2's impact guidance) of a ticket an agent files. */
export function TicketPropertiesFields({ idPrefix, value, onChange }: { idPrefix: string; value: TicketProperties; onChange: (next: TicketProperties) => void }) {
  const { t } = useConsoleI18n();
  const options = useAgentOptions();
  return (
    <>
      <div className="field">
        <label htmlFor={`${idPrefix}-subject`}>{t('directory.subject')}</label>
        <input id={`${idPrefix}-subject`} value={value.subject} onChange={(e) => onChange({ ...value, subject: e.target.value })} required maxLength={200} />
      </div>
      <div className="field">
        <label htmlFor={`${idPrefix}-department`}>{t('ticket.department')}</label>
        <select id={`${idPrefix}-department`} value={value.departmentId} onChange={(e) => onChange({ ...value, departmentId: e.target.value })} required>
          <option value="">{t('newTicket.choose')}</option>
          {(options.data?.departments ?? []).map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${idPrefix}-priority`}>{t('field.priority')}</label>
        <select
          id={`${idPrefix}-priority`}
          value={value.priority}
          onChange={(e) => onChange({ ...value, priority: e.target.value as Priority })}
          aria-describedby={`${idPrefix}-priority-hint`}
        >
          {PRIORITIES.map((p) => (
            <option key={p} value={p}>
              {t(`priority.${p}`)}
            </option>
          ))}
        </select>
        <p id={`${idPrefix}-priority-hint`} className="hint">
          {t(`priority.hint.${value.priority}`)}
        </p>
      </div>
    </>
  );
}
