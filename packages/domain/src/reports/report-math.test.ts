import { describe, expect, it } from 'vitest';
import { buildReport, median, periodBounds, toExcelCsv, weekOf } from './report-math.js';

const TZ = 'America/Sao_Paulo';
const local = (s: string) => Date.parse(`${s}-03:00`);

describe('report arithmetic', () => {
  it('a period is whole company-calendar days, whatever the server zone', () => {
    expect(periodBounds('2026-11-01', '2026-11-30', TZ)).toEqual({ start: local('2026-11-01T00:00:00'), end: local('2026-12-01T00:00:00') });
    expect(periodBounds('2026-02-30', '2026-03-01', TZ)).toBeNull();
  });
  it('median of odd and even counts; none of nothing', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });
  it('weeks start on Monday in the company zone (Sunday 23:00 local is still that week)', () => {
    expect(weekOf(local('2026-11-29T23:00:00'), TZ)).toBe('2026-11-23');
    expect(weekOf(local('2026-11-30T00:30:00'), TZ)).toBe('2026-11-30');
  });
  it('builds distribution, weekly trend, per-agent medians and volume', () => {
    const r = buildReport({
      timeZone: TZ,
      agents: [{ agentId: 1, name: 'Ana' }, { agentId: 2, name: 'Bruno' }, { agentId: 3, name: 'Alice' }],
      ratings: [
        { score: 5, createdAt: local('2026-11-24T10:00:00'), agentId: 1 },
        { score: 3, createdAt: local('2026-11-25T10:00:00'), agentId: 1 },
        { score: 4, createdAt: local('2026-12-01T10:00:00'), agentId: 2 },
      ],
      tickets: [
        { createdAt: local('2026-11-24T08:00:00'), assigneeId: 1, departmentName: 'Suporte', origin: 'portal', firstResponseAt: local('2026-11-24T08:30:00'), resolvedAt: local('2026-11-24T10:00:00') },
        { createdAt: local('2026-11-24T09:00:00'), assigneeId: 1, departmentName: 'Suporte', origin: 'email', firstResponseAt: local('2026-11-24T10:00:00'), resolvedAt: null },
        { createdAt: local('2026-11-25T09:00:00'), assigneeId: 2, departmentName: 'Financeiro', origin: 'portal', firstResponseAt: null, resolvedAt: null },
      ],
    });
    expect(r.ratings.distribution).toEqual([{ score: 1, count: 0 }, { score: 2, count: 0 }, { score: 3, count: 1 }, { score: 4, count: 1 }, { score: 5, count: 1 }]);
    expect(r.ratings.weekly).toEqual([{ week: '2026-11-23', count: 2, average: 4 }, { week: '2026-11-30', count: 1, average: 4 }]);
    expect(r.agents).toEqual([
      { agentId: 1, name: 'Ana', tickets: 2, ratings: 2, averageRating: 4, medianFirstResponseMinutes: 45, medianResolutionMinutes: 120 },
      { agentId: 2, name: 'Bruno', tickets: 1, ratings: 1, averageRating: 4, medianFirstResponseMinutes: null, medianResolutionMinutes: null },
    ]);
    expect(r.volume.byDepartment).toEqual([{ name: 'Suporte', count: 2 }, { name: 'Financeiro', count: 1 }]);
    expect(r.volume.byOrigin).toEqual([{ name: 'portal', count: 2 }, { name: 'email', count: 1 }]);
  });
  it('CSV for Excel pt-BR: BOM, semicolons, decimal comma, quoted fields, CRLF', () => {
    const csv = toExcelCsv(['Agente', 'Média'], [['Ana; a "melhor"', 4.5], ['Bruno', null]]);
    expect(csv).toBe('\uFEFFAgente;Média\r\n"Ana; a ""melhor""";4,5\r\nBruno;\r\n');
  });
});
