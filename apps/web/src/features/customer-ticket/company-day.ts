import type { Locale } from '../../lib/i18n/i18n.js';

/**
 * A day as the company counts it (its time zone, not the phone's): "15/03/2030", or "15/03" when the
 * year goes without saying ("se você não responder até 07/12"). English writes "15 March".
 */
export function formatCompanyDay(iso: string, timeZone: string, locale: Locale, withYear: boolean): string {
  const options: Intl.DateTimeFormatOptions =
    locale === 'en' ? { day: 'numeric', month: 'long', ...(withYear ? { year: 'numeric' } : {}), timeZone } : { day: '2-digit', month: '2-digit', ...(withYear ? { year: 'numeric' } : {}), timeZone };
  return new Intl.DateTimeFormat(locale, options).format(new Date(iso));
}
