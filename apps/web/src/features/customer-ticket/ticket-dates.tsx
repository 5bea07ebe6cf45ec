import { useI18n } from '../../lib/i18n/i18n.js';
import { formatCompanyDay } from './company-day.js';

export interface TicketDates {
  timeZone: string;
  visitAt: string | null;
  agreedAt: string | null;
  answerBy: { at: string; outcome: 'close' | 'reopen' } | null;
}

/** The visit date or the date agreed with the customer, as facts of the ticket header. */
export function DueDateFacts({ dates }: { dates: TicketDates }) {
  const { t, locale } = useI18n();
  const day = (iso: string) => formatCompanyDay(iso, dates.timeZone, locale, true);
  return (
    <>
      {dates.visitAt && (
        <>
          <dt>{t('ticket.visitDate')}</dt>
          <dd>
            <time dateTime={dates.visitAt}>{day(dates.visitAt)}</time>
          </dd>
        </>
      )}
      {dates.agreedAt && (
        <>
          <dt>{t('ticket.agreedDate')}</dt>
          <dd>
            <time dateTime={dates.agreedAt}>{day(dates.agreedAt)}</time>
          </dd>
        </>
      )}
    </>
  );
}

/** On a resolved ticket: "Se você não responder até 07/12, o atendimento será concluído." */
export function AnswerByNotice({ dates }: { dates: TicketDates }) {
  const { t, locale } = useI18n();
  if (!dates.answerBy) return null;
  const date = formatCompanyDay(dates.answerBy.at, dates.timeZone, locale, false);
  return (
    <p className="notice" role="note">
      {t(dates.answerBy.outcome === 'reopen' ? 'ticket.answerByReopen' : 'ticket.answerByClose', { date })}
    </p>
  );
}
