/**
 * Light or dark: by default the page follows the system setting (prefers-color-scheme, in CSS); a choice
 * made with the Tema menu is kept on this device and written as `data-theme` on <html>, which the CSS
 * reads before the system setting.
 */
export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];
const STORAGE_KEY = 'atende.theme';

export function savedTheme(): Theme {
  const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
  return saved === 'light' || saved === 'dark' ? saved : 'system';
}

export function applyTheme(theme: Theme): void {
  if (theme === 'system') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = theme;
}

export function saveTheme(theme: Theme): void {
  if (theme === 'system') localStorage.removeItem(STORAGE_KEY);
  else localStorage.setItem(STORAGE_KEY, theme);
  applyTheme(theme);
}
