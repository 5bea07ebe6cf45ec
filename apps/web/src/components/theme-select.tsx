import { useState } from 'react';
import { useI18n } from '../lib/i18n/i18n.js';
import { saveTheme, savedTheme, THEMES, type Theme } from '../lib/theme.js';

/** Tema: Automático (the system's setting), Claro or Escuro; kept on this device. */
export function ThemeSelect() {
  const { t } = useI18n();
  const [theme, setTheme] = useState<Theme>(savedTheme);
  return (
    <label className="locale">
      <span>{t('nav.theme')}</span>
      <select
        value={theme}
        onChange={(e) => {
          const next = e.target.value as Theme;
          saveTheme(next);
          setTheme(next);
        }}
      >
        {THEMES.map((code) => (
          <option key={code} value={code}>
            {t(`theme.${code}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
