import { lazy, Suspense, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { ErrorMessage } from '../../components/error-message.js';
import { useConsoleI18n } from '../../lib/i18n/console.js';
import { useReport } from './reports-api.js';

// The chart library loads only when a report is on screen.
const RatingsCharts = lazy(() => import('./ratings-charts.js'));

/** A day of the company's calendar, `days` from today, as a date input's value. */
function companyDay(timeZone: string | undefined, days: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: timeZone ?? 'America/Sao_Paulo' }).format(new Date(Date.now() + days * 86_400_000));
}

/** Reports: ratings (chart + table), per agent, volume by department and origin; period in the company's calendar; CSV export. */
export function ReportsPage() {
  const { t, locale, timeZone } = useConsoleI18n();
  const [params, setParams] = useSearchParams();
  const period = { from: params.get('de') ?? companyDay(timeZone, -29), to: params.get('ate') ?? companyDay(timeZone, 0) };
  const [draft, setDraft] = useState(period);
  const report = useReport(period);
  const number = (n: number | null) => (n === null ? '—' : new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(n));
  const exportUrl = (which: 'agents' | 'volume' | 'ratings') => `/api/agent/reports/export?${new URLSearchParams({ ...period, report: which }).toString()}`;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setParams({ de: draft.from, ate: draft.to });
  };
  const data = report.data;
  return (
    <section aria-labelledby="reports-title">
      <h1 id="reports-title">{t('reports.title')}</h1>
      <form onSubmit={onSubmit} className="filters" aria-label={t('reports.period')}>
        <label>
          {t('ratings.from')}
          <input type="date" value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.target.value })} />
        </label>
        <label>
          {t('ratings.to')}
          <input type="date" value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })} />
        </label>
        <button type="submit">{t('reports.apply')}</button>
      </form>
      {report.error && <ErrorMessage error={report.error} />}
      {report.isPending && <p role="status">{t('list.loading')}</p>}
      {data && (
        <>
          <h2>{t('reports.ratings')}</h2>
          <p>
            {t('reports.ratingsSummary', { count: data.ratings.total, average: number(data.ratings.average) })} <a href={exportUrl('ratings')}>{t('reports.exportCsv')}</a>
          </p>
          <Suspense fallback={<p>{t('list.loading')}</p>}>
            <RatingsCharts ratings={data.ratings} />
          </Suspense>
          <div className="report-grid">
            <table>
              <caption>{t('reports.distribution')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('reports.score')}</th>
                  <th scope="col">{t('reports.count')}</th>
                </tr>
              </thead>
              <tbody>
                {data.ratings.distribution.map((d) => (
                  <tr key={d.score}>
                    <th scope="row">{t('reports.stars', { n: d.score })}</th>
                    <td>{d.count}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <table>
              <caption>{t('reports.weekly')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('reports.week')}</th>
                  <th scope="col">{t('reports.count')}</th>
                  <th scope="col">{t('reports.average')}</th>
                </tr>
              </thead>
              <tbody>
                {data.ratings.weekly.map((w) => (
                  <tr key={w.week}>
                    <th scope="row">{w.week}</th>
                    <td>{w.count}</td>
                    <td>{number(w.average)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <h2>{t('reports.agents')}</h2>
          <p>
            <a href={exportUrl('agents')}>{t('reports.exportCsv')}</a>
          </p>
          <table>
            <caption className="visually-hidden">{t('reports.agents')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('reports.agent')}</th>
                <th scope="col">{t('reports.tickets')}</th>
                <th scope="col">{t('reports.count')}</th>
                <th scope="col">{t('reports.average')}</th>
                <th scope="col">{t('reports.medianFirst')}</th>
                <th scope="col">{t('reports.medianResolution')}</th>
              </tr>
            </thead>
            <tbody>
              {data.agents.map((a) => (
                <tr key={a.agentId}>
                  <th scope="row">{a.name}</th>
                  <td>{a.tickets}</td>
                  <td>{a.ratings}</td>
                  <td>{number(a.averageRating)}</td>
                  <td>{number(a.medianFirstResponseMinutes)}</td>
                  <td>{number(a.medianResolutionMinutes)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h2>{t('reports.volume')}</h2>
          <p>
            {t('reports.volumeSummary', { count: data.volume.total })} <a href={exportUrl('volume')}>{t('reports.exportCsv')}</a>
          </p>
          <div className="report-grid">
            <table>
              <caption>{t('reports.byDepartment')}</caption>
              <tbody>
                {data.volume.byDepartment.map((d) => (
                  <tr key={d.name}>
                    <th scope="row">{d.name}</th>
                    <td>{d.count}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <table>
              <caption>{t('reports.byOrigin')}</caption>
              <tbody>
                {data.volume.byOrigin.map((o) => (
                  <tr key={o.name}>
                    <th scope="row">{t(`origin.${o.name as 'portal'}`)}</th>
                    <td>{o.count}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
