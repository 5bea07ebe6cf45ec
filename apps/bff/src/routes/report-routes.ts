import { reportExportQuery, reportQuery } from '@atende/contracts';
import { buildReport, periodBounds, toExcelCsv, type Report } from '@atende/domain';
import { getCompanySettings, reportRows } from '@atende/db/store';
import { Hono } from 'hono';
import type { AppEnv } from '../http/app-env.js';
import { AppError } from '../http/app-error.js';
import { requireRole } from '../http/session-middleware.js';
import { validate } from '../http/validate.js';
import type { Database } from '@atende/db/store';

async function reportFor(db: Database, from: string, to: string): Promise<Report> {
  const { timeZone } = await getCompanySettings(db);
  const period = periodBounds(from, to, timeZone);
  if (!period) throw new AppError('validation_failed', { fields: { from: 'Data inválida.' } });
  return buildReport({ ...await reportRows(db, period), timeZone });
}

const ORIGIN_PT: Record<string, string> = { portal: 'Portal', hotsite: 'Central do Assinante', email: 'E-mail', agent: 'Atendente (telefone/chat)', api: 'API' };

/** One CSV per report, in pt-BR (the default language), for Excel. */
function csvOf(report: Report, which: 'agents' | 'volume' | 'ratings'): string {
  if (which === 'agents') {
    return toExcelCsv(
      ['Agente', 'Chamados', 'Avaliações', 'Nota média', 'Mediana da primeira resposta (min)', 'Mediana da resolução (min)'],
      report.agents.map((a) => [a.name, a.tickets, a.ratings, a.averageRating, a.medianFirstResponseMinutes, a.medianResolutionMinutes]),
    );
  }
  if (which === 'volume') {
    return toExcelCsv(
      ['Tipo', 'Nome', 'Chamados'],
      [...report.volume.byDepartment.map((d) => ['Departamento', d.name, d.count]), ...report.volume.byOrigin.map((o) => ['Origem', ORIGIN_PT[o.name] ?? o.name, o.count])],
    );
  }
  // Both halves of the ratings report, the distribution and the weekly trend, as rows of one sheet.
  return toExcelCsv(
    ['Tipo', 'Nota ou semana (segunda-feira)', 'Avaliações', 'Nota média'],
    [
      ...report.ratings.distribution.map((d) => ['Distribuição', `${d.score} estrela${d.score === 1 ? '' : 's'}`, d.count, null]),
      ...report.ratings.weekly.map((w) => ['Semana', w.week, w.count, w.average]),
    ],
  );
}

/** The console's reports: ratings, agents, volume; a period in the company's calendar; CSV for Excel. */
export function reportRoutes() {
  return new Hono<AppEnv>()
    .use(requireRole('agent'))
    .get('/reports', validate('query', reportQuery), async (c) => {
      const { from, to } = c.req.valid('query');
      return c.json(await reportFor(c.get('deps').db, from, to), 200);
    })
    .get('/reports/export', validate('query', reportExportQuery), async (c) => {
      const { from, to, report } = c.req.valid('query');
      const body = csvOf(await reportFor(c.get('deps').db, from, to), report);
      c.header('Content-Type', 'text/csv; charset=utf-8');
      c.header('Content-Disposition', `attachment; filename="atende-${report}-${from}-a-${to}.csv"`);
      return c.body(body, 200);
    });
}
