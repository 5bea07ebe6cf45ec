import { TextareaField } from '../../components/textarea-field.js';
import { useState, type FormEvent } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { ErrorMessage } from '../../components/error-message.js';
import { StarChoice } from '../../components/star-choice.js';
import { isApiError } from '../../lib/api-client.js';
import { useI18n } from '../../lib/i18n/i18n.js';
import { RATING_COMMENT_MAX } from '../../config/limits.js';
import { useCommentByLink, useRateByLink, useRatingLink } from './rating-link-api.js';

/**
 * The page a rating link opens (closing e-mail, seed 000): the chosen stars preselected from `?nota=N`,
 * nothing recorded until the person presses "Enviar avaliação"; then the comment box.
 */
export function RatingLinkPage() {
  const { t } = useI18n();
  const token = useParams().token ?? '';
  const query = useRatingLink(token);

  let body;
  if (query.isPending) body = <p role="status">{t('list.loading')}</p>;
  else if (query.error) {
    body = (
      <p className="notice" role="note">
        {isApiError(query.error, 'rating_link_expired')
          ? t('ratingLink.expired')
          : isApiError(query.error, 'rating_link_invalid')
            ? t('ratingLink.invalid')
            : t('error.generic')}
      </p>
    );
  } else {
    const { ticket, state, rating } = query.data;
    body = (
      <>
        <p>{t('ratingLink.ticket', { id: ticket.id, subject: ticket.subject })}</p>
        {state === 'due' && <ScoreStep token={token} />}
        {state === 'rated' && rating && (rating.hasComment ? <p className="notice" role="note">{t('ratingLink.alreadyRated')}</p> : <CommentStep token={token} />)}
        {state === 'not_due' && <p className="notice" role="note">{t('ratingLink.notDue')}</p>}
      </>
    );
  }
  return (
    <section aria-labelledby="rating-link-title" className="rating-link">
      <h1 id="rating-link-title">{t('ratingLink.title')}</h1>
      {body}
    </section>
  );
}

function preselected(value: string | null): number | null {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 && n <= 5 ? n : null;
}

function ScoreStep({ token }: { token: string }) {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const [score, setScore] = useState<number | null>(() => preselected(params.get('nota')));
  const [missing, setMissing] = useState(false);
  const rate = useRateByLink(token);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (score === null) return setMissing(true);
    rate.mutate(score);
  };
  return (
    <form onSubmit={onSubmit} noValidate>
      <StarChoice name="link-score" value={score} onChange={setScore} error={missing ? t('rating.chooseStars') : undefined} />
      {rate.error && <ErrorMessage error={rate.error} />}
      <button type="submit" className="primary" disabled={rate.isPending}>
        {t('rating.submit')}
      </button>
    </form>
  );
}

function CommentStep({ token }: { token: string }) {
  const { t } = useI18n();
  const [comment, setComment] = useState('');
  const send = useCommentByLink(token);
  const fieldError = isApiError(send.error) ? send.error.body.fields?.comment : undefined;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    send.mutate(comment);
  };
  return (
    <form onSubmit={onSubmit} noValidate>
      <p role="status">{t('rating.thanks')}</p>
      <p>{t('rating.commentPrompt')}</p>
      <TextareaField id="link-comment" label={t('rating.comment')} value={comment} onChange={setComment} error={fieldError} rows={5} maxLength={RATING_COMMENT_MAX} />
      {send.error && !fieldError && <ErrorMessage error={send.error} />}
      <button type="submit" className="primary" disabled={send.isPending}>
        {t('rating.sendComment')}
      </button>
    </form>
  );
}
