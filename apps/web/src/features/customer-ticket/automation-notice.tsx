import type { CustomerAutomaticActionType } from '@atende/contracts';
import type { MessageKey } from '../../lib/i18n/pt-BR.js';
import { useI18n } from '../../lib/i18n/i18n.js';

interface Automation {
  autoClose: { closesAt: string; daysLeft: number } | null;
  automaticActions: { id: number; type: CustomerAutomaticActionType; outcome: string | null; createdAt: string }[];
}

/** Every automatic action a contact may see has words (a new one fails the typecheck until it has). */
function actionText(a: Automation['automaticActions'][number]): MessageKey {
  switch (a.type) {
    case 'reminder_sent':
      return 'automation.reminder_sent';
    case 'auto_closed':
      return 'automation.auto_closed';
    case 'assigned_by_routing':
      return 'automation.assigned_by_routing';
    case 'approval_timeout':
      return a.outcome === 'reopen' ? 'automation.approval_timeout_reopen' : 'automation.approval_timeout_close';
    default: {
      const unknown: never = a.type;
      void unknown;
      return 'automation.other';
    }
  }
}

/** When a waiting ticket will close and why, and the automatic actions so far, in plain words. */
export function AutomationNotice({ automation }: { automation: Automation }) {
  const { t, formatDateTime } = useI18n();
  const describe = (a: Automation['automaticActions'][number]) => t(actionText(a));
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
