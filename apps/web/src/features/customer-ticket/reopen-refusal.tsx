import { Link } from 'react-router';
import { paths } from '../../config/paths.js';
import { useI18n } from '../../lib/i18n/i18n.js';

/**
 * Shown instead of the reply box when a closed ticket cannot be reopened, so the customer learns it
 * before typing; offers a new ticket that names this one.
 */
export function ReopenRefusal({ ticketId, reason }: { ticketId: number; reason: string | null }) {
  const { t } = useI18n();
  return (
    <div className="notice" role="note">
      <p>{reason === 'reopen_window_passed' ? t('ticket.reopenWindowPassed') : t('ticket.reopenDisabled')}</p>
      <Link className="button primary" to={`${paths.newTicket}?referencia=${ticketId}`}>
        {t('reopen.newTicket')}
      </Link>
    </div>
  );
}
