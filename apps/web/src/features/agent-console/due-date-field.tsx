import { dueDateRuleOf, type TicketStatus } from '@atende/domain';
import { useConsoleI18n } from '../../lib/i18n/console.js';
import type { ConsoleMessageKey } from '../../lib/i18n/console-keys.js';

/**
 * "Data de resolução devida" for a status change: shown only when the status has a due-date rule,
 * with the rule as its hint (required for waiting_customer and onsite_visit).
 */
export function DueDateField({ id, label, status, value, onChange }: { id: string; label: ConsoleMessageKey; status: TicketStatus; value: string; onChange: (v: string) => void }) {
  const { t } = useConsoleI18n();
  const rule = dueDateRuleOf(status);
  if (!rule) return null;
  return (
    <div className="field">
      <label htmlFor={id}>{t(label)}</label>
      <input
        id={id}
        type="date"
        value={value}
        required={rule !== 'next_business_day'}
        aria-describedby={`${id}-hint`}
        onChange={(e) => onChange(e.target.value)}
      />
      <p id={`${id}-hint`} className="hint">
        {t(`agent.dueDateHint.${rule}`)}
      </p>
    </div>
  );
}
