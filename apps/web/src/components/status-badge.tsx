import type { TicketStatus } from '@atende/domain';
import { useI18n } from '../lib/i18n/i18n.js';

export function StatusBadge({ status }: { status: TicketStatus }) {
  const { t } = useI18n();
  return <span className={`badge status-${status}`}>{t(`status.${status}`)}</span>;
}
