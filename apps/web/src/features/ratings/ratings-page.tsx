import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { paths } from '../../config/paths.js';
import { ErrorMessage } from '../../components/error-message.js';
import { useConsoleI18n } from '../../lib/i18n/console.js';
import { useRatings, type RatingsFilter } from './ratings-api.js';

const SCORES = [5, 4, 3, 2, 1] as const;

/** The quality area (seed 000): every rating, filterable by agent and period, with average and distribution. */
export function RatingsPage() {
  const { t, formatDateTime, locale } = useConsoleI18n();
  const [params, setParams] = useSearchParams();
  const filter: RatingsFilter = Object.fromEntries(['agentId', 'from', 'to'].flatMap((k) => (params.get(k) ? [[k, params.get(k)!]] : [])));
  const query = useRatings(filter);
  const [draft, setDraft] = useState(filter);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setParams(Object.fromEntries(Object.entries(draft).filter(([, v]) => v)));
  };
  const average = (n: number | null) => (n === null ? '—' : new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(n));

  return (
    <section aria-labelledby="ratings-title">
      <h1 id="ratings-title">{t('ratings.title')}</h1>
      <form onSubmit={onSubmit} className="filters" aria-label={t('ratings.filters')}>
        <label>
          {t('ratings.agent')}
          <select value={draft.agentId ?? ''} onChange={(e) => setDraft({ ...draft, agentId: e.target.value })}>
            <option value="">{t('ratings.allAgents')}</option>
            {query.data?.agents.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('ratings.from')}
          <input type="date" value={draft.from ?? ''} onChange={(e) => setDraft({ ...draft, from: e.target.value })} />
        </label>
        <label>
          {t('ratings.to')}
          <input type="date" value={draft.to ?? ''} onChange={(e) => setDraft({ ...draft, to: e.target.value })} />
        </label>
        <button type="submit">{t('ratings.apply')}</button>
      </form>
      {query.isPending && <p role="status">{t('list.loading')}</p>}
      {query.error && <ErrorMessage error={query.error} />}
      {query.data && (
        <>
          <dl className="facts" aria-label={t('ratings.title')}>
            <dt>{t('ratings.average')}</dt>
            <dd data-testid="ratings-average">{average(query.data.average)}</dd>
            <dt>{t('ratings.total')}</dt>
            <dd data-testid="ratings-total">{query.data.total}</dd>
          </dl>
          <h2>{t('ratings.distribution')}</h2>
          <ul className="distribution" aria-label={t('ratings.distribution')}>
            {SCORES.map((s) => (
              <li key={s}>
                {t(`rating.star${s}`)}: {query.data.distribution[s]}
              </li>
            ))}
          </ul>
          {query.data.items.length === 0 ? (
            <p>{t('ratings.empty')}</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('ratings.ticket')}</th>
                  <th scope="col">{t('ratings.agent')}</th>
                  <th scope="col">{t('ratings.score')}</th>
                  <th scope="col">{t('ratings.comment')}</th>
                  <th scope="col">{t('ratings.date')}</th>
                </tr>
              </thead>
              <tbody>
                {query.data.items.map((r) => (
                  <tr key={r.id}>
                    <td>
                      <Link to={paths.agentTicket(r.ticketId)}>
                        #{r.ticketId} {r.ticketSubject}
                      </Link>
                    </td>
                    <td>{r.agentName ?? t('ratings.noAgent')}</td>
                    <td>{t(`rating.star${r.score as 1 | 2 | 3 | 4 | 5}`)}</td>
                    <td>{r.comment ?? '—'}</td>
                    <td>
                      <time dateTime={r.createdAt}>{formatDateTime(r.createdAt)}</time>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}
