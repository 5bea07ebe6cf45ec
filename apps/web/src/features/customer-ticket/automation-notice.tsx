import type { MessageKey } from '../../lib/i18n/pt-BR.js';
import { useI18n } from '../../lib/i18n/i18n.js';

interface Automation {
  autoClose: { closesAt: string; daysLeft: number } | null;
  automaticActions: { id: number; type: string; outcome: string | null; createdAt: string }[];
}

const ACTION_TEXT: Record<string, MessageKey> = {
  reminder_sent: 'automation.reminder_sent',
  auto_closed: 'automation.auto_closed',
  assigned_by_routing: 'automation.assigned_by_routing',
};

/** When a waiting ticket will close and why, and the automatic actions so far, in plain words. */
export function AutomationNotice({ automation }: { automation: Automation }) {
  const { t, formatDateTime } = useI18n();
  const describe = (a: Automation['automaticActions'][number]) =>
    a.type === 'approval_timeout' ? t(a.outcome === 'reopen' ? 'automation.approval_timeout_reopen' : 'automation.approval_timeout_close') : t(ACTION_TEXT[a.type] ?? 'automation.other');
  return (
    <>
      {automation.autoClose && (
        <p className="notice" role="note">
          {t(automation.autoClose.daysLeft === 1 ? 'automation.closesInOneDay' : 'automation.closesInDays', { days: automation.autoClose.daysLeft })}
        </p>
      )}
      {automation.automaticActions.length > 0 && (
        <section aria-labelledby="automatic-actions-title">
          <h2 id="automatic-actions-title">{t('automation.title')}</h2>
          <ol className="history">
            {automation.automaticActions.map((a) => (
              <li key={a.id}>
                <time dateTime={a.createdAt}>{formatDateTime(a.createdAt)}</time> {describe(a)}
              </li>
            ))}
          </ol>
        </section>
      )}
    </>
  );
}
