/**
 * Brazil's national holidays of a year (Lei 662/1949, 6.802/1980, 14.759/2023 and Good Friday), for
 * the admin to add to the company's calendar in one click. Carnival and Corpus Christi are "pontos
 * facultativos", not holidays: offered too, marked optional, since most companies close on them.
 */
export interface NationalHoliday {
  date: string;
  name: string;
  optional: boolean;
}

/** Easter Sunday (anonymous Gregorian algorithm), as [month 1-12, day]. */
function easter(year: number): [number, number] {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return [month, day];
}

function iso(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** A date `days` from Easter, computed on the calendar (UTC arithmetic, no clock read). */
function fromEaster(year: number, days: number): string {
  const [month, day] = easter(year);
  const date = new Date(Date.UTC(year, month - 1, day + days));
  return iso(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

export function brazilianNationalHolidays(year: number): NationalHoliday[] {
  const list: NationalHoliday[] = [
    { date: iso(year, 1, 1), name: 'Confraternização Universal', optional: false },
    { date: fromEaster(year, -48), name: 'Carnaval (segunda-feira)', optional: true },
    { date: fromEaster(year, -47), name: 'Carnaval (terça-feira)', optional: true },
    { date: fromEaster(year, -2), name: 'Sexta-feira Santa', optional: false },
    { date: iso(year, 4, 21), name: 'Tiradentes', optional: false },
    { date: iso(year, 5, 1), name: 'Dia do Trabalho', optional: false },
    { date: fromEaster(year, 60), name: 'Corpus Christi', optional: true },
    { date: iso(year, 9, 7), name: 'Independência do Brasil', optional: false },
    { date: iso(year, 10, 12), name: 'Nossa Senhora Aparecida', optional: false },
    { date: iso(year, 11, 2), name: 'Finados', optional: false },
    { date: iso(year, 11, 15), name: 'Proclamação da República', optional: false },
    ...(year >= 2024 ? [{ date: iso(year, 11, 20), name: 'Dia Nacional de Zumbi e da Consciência Negra', optional: false }] : []),
    { date: iso(year, 12, 25), name: 'Natal', optional: false },
  ];
  return list.sort((x, y) => x.date.localeCompare(y.date));
}
