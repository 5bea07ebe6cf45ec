import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { en } from './en.js';
import { ptBR, type MessageKey } from './pt-BR.js';

export const LOCALES = { 'pt-BR': ptBR, en } as const;
export type Locale = keyof typeof LOCALES;
const STORAGE_KEY = 'atende.locale';

interface I18n {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: (key: MessageKey, params?: Record<string, string | number>) => string;
  formatDateTime: (iso: string) => string;
}

const I18nContext = createContext<I18n | null>(null);

function initialLocale(): Locale {
  const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
  return saved === 'en' || saved === 'pt-BR' ? saved : 'pt-BR';
}

/** pt-BR by default; the choice is remembered on this device. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  const setLocale = useCallback((next: Locale) => {
    localStorage.setItem(STORAGE_KEY, next);
    setLocaleState(next);
  }, []);
  const value = useMemo<I18n>(() => {
    const messages = LOCALES[locale];
    const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' });
    return {
      locale,
      setLocale,
      t: (key, params) => {
        let text: string = messages[key];
        for (const [name, value] of Object.entries(params ?? {})) text = text.replace(`{${name}}`, String(value));
        return text;
      },
      formatDateTime: (iso) => dateFormat.format(new Date(iso)),
    };
  }, [locale, setLocale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const context = useContext(I18nContext);
  if (!context) throw new Error('useI18n outside I18nProvider');
  return context;
}
