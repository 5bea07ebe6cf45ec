import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ptBR, type MessageKey } from './pt-BR.js';

export const LOCALES = ['pt-BR', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
type Messages = Readonly<Record<string, string>>;

// English is fetched only by those who choose it: the default pt-BR panel does not carry it. The
// console's English comes with it (a few KB, English readers only), so no page is ever half-translated.
let english: Promise<Messages> | undefined;
const loadEnglish = () => (english ??= Promise.all([import('./en.js'), import('./console.en.js')]).then(([base, console]) => ({ ...base.en, ...console.consoleEn })));

/**
 * The console's pt-BR texts, registered by lib/i18n/console.ts when a console page's chunk loads
 * (before the page renders): the customer's first load does not carry them.
 */
let consolePtBR: Messages = {};
export function registerConsoleMessages(messages: Messages): void {
  consolePtBR = messages;
}
const STORAGE_KEY = 'atende.locale';

interface I18n {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: Translate<MessageKey>;
  formatDateTime: (iso: string) => string;
  /** The company's time zone (IANA); dates are shown in it once known, whatever the browser's zone. */
  timeZone: string | undefined;
  setTimeZone: (timeZone: string | undefined) => void;
}

/** A text by key, with its {placeholders} filled in. */
export type Translate<Key extends string> = (key: Key, params?: Record<string, string | number>) => string;

const I18nContext = createContext<I18n | null>(null);

/** The language chosen on this device (also sent to the server as Accept-Language, see api-client). */
export function initialLocale(): Locale {
  const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
  return saved === 'en' || saved === 'pt-BR' ? saved : 'pt-BR';
}

/** pt-BR by default; the choice is remembered on this device. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [requested, setLocaleState] = useState<Locale>(initialLocale);
  const [englishMessages, setEnglishMessages] = useState<Messages | null>(null);
  const [timeZone, setTimeZone] = useState<string | undefined>(undefined);
  useEffect(() => {
    if (requested === 'en' && !englishMessages) void loadEnglish().then(setEnglishMessages);
  }, [requested, englishMessages]);
  // Until the English texts arrive the page stays in pt-BR, never half-translated.
  const locale: Locale = requested === 'en' && englishMessages ? 'en' : 'pt-BR';
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  const setLocale = useCallback((next: Locale) => {
    localStorage.setItem(STORAGE_KEY, next);
    setLocaleState(next);
  }, []);
  const value = useMemo<I18n>(() => {
    const messages: Messages = locale === 'en' && englishMessages ? englishMessages : ptBR;
    const portuguese = messages === ptBR;
    // Made on the first date shown, not here: the first Intl formatter of a page loads the locale's
    // data (20 to 40 ms on this machine, four times that on a mid-range phone), and a first screen
    // with no dates on it (an empty tab, the sign-in page) need not wait for it.
    let dateFormat: Intl.DateTimeFormat | undefined;
    return {
      locale,
      setLocale,
      timeZone,
      setTimeZone,
      t: (key, params) => {
        // Read at call time: the console's texts may have been registered after this value was made.
        let text = messages[key] ?? (portuguese ? consolePtBR[key] : undefined) ?? key;
        for (const [name, value] of Object.entries(params ?? {})) text = text.replace(`{${name}}`, String(value));
        return text;
      },
      formatDateTime: (iso) => {
        dateFormat ??= new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short', ...(timeZone ? { timeZone } : {}) });
        return dateFormat.format(new Date(iso));
      },
    };
  }, [locale, setLocale, englishMessages, timeZone]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const context = useContext(I18nContext);
  if (!context) throw new Error('useI18n outside I18nProvider');
  return context;
}
