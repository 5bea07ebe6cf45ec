import { ErrorMessage } from '../../components/error-message.js';
import { isApiError } from '../../lib/api-client.js';
import { useI18n } from '../../lib/i18n/i18n.js';
import type { useConfirmSolution, useNotResolved, useRateTicket } from './customer-ticket-api.js';

/**
 * What became of the customer's last decision: done, or lost to a change made meanwhile (another tab,
 * the agent). The page has already refetched; this says so.
 */
export function DecisionOutcome({
  confirm,
  notResolved,
  rate,
}: {
  confirm: ReturnType<typeof useConfirmSolution>;
  notResolved: ReturnType<typeof useNotResolved>;
  rate: ReturnType<typeof useRateTicket>;
}) {
  const { t } = useI18n();
  const conflict = [confirm, notResolved, rate].find((m) => isApiError(m.error, 'conflict'));
  if (conflict) return <ErrorMessage error={conflict.error} />;
  // Latest step first: confirming then rating shows the rating's thanks.
  if (rate.isSuccess) return <p role="status">{t('rating.thanks')}</p>;
  if (confirm.isSuccess) return <p role="status">{t('decision.confirmed')}</p>;
  if (notResolved.isSuccess) return <p role="status">{t('decision.reopened')}</p>;
  return null;
}
