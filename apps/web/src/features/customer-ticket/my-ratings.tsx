import { useI18n } from '../../lib/i18n/i18n.js';

export interface MyRating {
  closing: number;
  score: number;
  comment: string | null;
  createdAt: string;
}

/** The customer's own past ratings of this ticket, with their comments (one per closing). */
export function MyRatings({ ratings }: { ratings: MyRating[] }) {
  const { t, formatDateTime } = useI18n();
  if (ratings.length === 0) return null;
  return (
    <section className="rating" aria-labelledby="my-ratings-title">
      <h2 id="my-ratings-title">{t('rating.mine')}</h2>
      <ul className="my-ratings">
        {ratings.map((r) => (
          <li key={r.closing}>
            <span aria-hidden="true" className="star-glyphs">{'★'.repeat(r.score)}</span> {t(`rating.star${r.score as 1 | 2 | 3 | 4 | 5}`)} ·{' '}
            <time dateTime={r.createdAt}>{formatDateTime(r.createdAt)}</time>
            {r.comment && <blockquote className="body">{r.comment}</blockquote>}
          </li>
        ))}
      </ul>
    </section>
  );
}
