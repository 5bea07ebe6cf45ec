import { TextareaField } from '../../components/textarea-field.js';
import { useState, type FormEvent } from 'react';
import { ErrorMessage } from '../../components/error-message.js';
import { StarChoice } from '../../components/star-choice.js';
import { isApiError } from '../../lib/api-client.js';
import { RATING_COMMENT_MAX } from '../../config/limits.js';
import { useI18n } from '../../lib/i18n/i18n.js';
import type { useRateTicket } from './customer-ticket-api.js';


/** "Não avaliados": 1–5 stars and an optional comment, one rating per closing. */
export function RatingForm({ version, rate }: { version: number; rate: ReturnType<typeof useRateTicket> }) {
  const { t } = useI18n();
  const [score, setScore] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const [missingScore, setMissingScore] = useState(false);
  const fields = isApiError(rate.error) ? rate.error.body.fields : undefined;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (score === null) return setMissingScore(true);
    setMissingScore(false);
    rate.mutate({ score, expectedVersion: version, ...(comment.trim() ? { comment } : {}) });
  };

  return (
    <form onSubmit={onSubmit} className="rating" aria-labelledby="rating-title" noValidate>
      <h2 id="rating-title">{t('rating.title')}</h2>
      <StarChoice name="rating-score" value={score} onChange={setScore} error={missingScore ? t('rating.chooseStars') : fields?.score} />
      <TextareaField id="rating-comment" label={t('rating.comment')} value={comment} onChange={setComment} error={fields?.comment} rows={4} maxLength={RATING_COMMENT_MAX} />
      {rate.error && !fields && !isApiError(rate.error, 'conflict') && <ErrorMessage error={rate.error} />}
      <button type="submit" className="primary" disabled={rate.isPending}>
        {t('rating.submit')}
      </button>
    </form>
  );
}
