import { useConsoleI18n } from '../../lib/i18n/console.js';

interface TicketRating {
  closing: number;
  score: number;
  comment: string | null;
  createdAt: string;
}

/** The ticket's ratings (one per closing) and, while one is due, the signed link to send the customer. */
export function TicketRatings({ ratingLink, ratings }: { ratingLink: string | null; ratings: TicketRating[] }) {
  const { t, formatDateTime } = useConsoleI18n();
  return (
    <section aria-labelledby="ticket-ratings-title">
      <h2 id="ticket-ratings-title">{t('rating.history')}</h2>
      {ratingLink ? (
        <div className="field">
          <label htmlFor="rating-link">{t('ratingLink.agentLink')}</label>
          <input id="rating-link" type="text" readOnly value={ratingLink} onFocus={(e) => e.target.select()} />
        </div>
      ) : (
        <p>{t('ratingLink.none')}</p>
      )}
      {ratings.length > 0 && (
        <ul>
          {ratings.map((r) => (
            <li key={r.closing}>
              {t('rating.closing', { n: r.closing })}: {t(`rating.star${r.score as 1 | 2 | 3 | 4 | 5}`)}
              {r.comment && <> — {r.comment}</>} (<time dateTime={r.createdAt}>{formatDateTime(r.createdAt)}</time>)
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
