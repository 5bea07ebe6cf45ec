import { Bar, BarChart, CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useConsoleI18n } from '../../lib/i18n/console.js';
import type { ReportData } from './reports-api.js';

/**
 * The charts of the ratings report (recharts). Loaded on demand by the reports page only, so neither the
 * customer bundle nor the rest of the console carries the chart library. Decorative for assistive tech:
 * the same numbers are in the tables beside them.
 */
export default function RatingsCharts({ ratings }: { ratings: ReportData['ratings'] }) {
  const { t } = useConsoleI18n();
  return (
    <div className="report-grid" aria-hidden="true">
      <figure className="chart-box">
        <figcaption>{t('reports.distribution')}</figcaption>
        <ResponsiveContainer width="100%" height={220}>
          <BarChart data={ratings.distribution.map((d) => ({ ...d, label: `${d.score}★` }))}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="label" />
            <YAxis allowDecimals={false} />
            <Tooltip />
            <Bar dataKey="count" name={t('reports.count')} fill="#0b5cad" />
          </BarChart>
        </ResponsiveContainer>
      </figure>
      <figure className="chart-box">
        <figcaption>{t('reports.weekly')}</figcaption>
        <ResponsiveContainer width="100%" height={220}>
          <LineChart data={ratings.weekly}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="week" />
            <YAxis domain={[1, 5]} />
            <Tooltip />
            <Line type="monotone" dataKey="average" name={t('reports.average')} stroke="#0b5cad" />
          </LineChart>
        </ResponsiveContainer>
      </figure>
    </div>
  );
}
