import { describe, expect, it } from 'vitest';
import { brazilianNationalHolidays } from './brazilian-holidays.js';

describe('Brazilian national holidays', () => {
  it('2026: Easter on April 5, so Good Friday April 3, Carnival February 16–17, Corpus Christi June 4', () => {
    const dates = Object.fromEntries(brazilianNationalHolidays(2026).map((h) => [h.name, h.date]));
    expect(dates['Sexta-feira Santa']).toBe('2026-04-03');
    expect(dates['Carnaval (segunda-feira)']).toBe('2026-02-16');
    expect(dates['Carnaval (terça-feira)']).toBe('2026-02-17');
    expect(dates['Corpus Christi']).toBe('2026-06-04');
    expect(dates['Dia Nacional de Zumbi e da Consciência Negra']).toBe('2026-11-20');
  });

  it('2025 (Easter April 20) and 2027 (Easter March 28), sorted, optional days marked', () => {
    expect(brazilianNationalHolidays(2025).find((h) => h.name === 'Sexta-feira Santa')!.date).toBe('2025-04-18');
    expect(brazilianNationalHolidays(2027).find((h) => h.name === 'Sexta-feira Santa')!.date).toBe('2027-03-26');
    const list = brazilianNationalHolidays(2027);
    expect(list.map((h) => h.date)).toEqual([...list.map((h) => h.date)].sort());
    expect(list.filter((h) => h.optional).map((h) => h.name)).toEqual(['Carnaval (segunda-feira)', 'Carnaval (terça-feira)', 'Corpus Christi']);
    expect(list.filter((h) => !h.optional)).toHaveLength(10);
  });
});
