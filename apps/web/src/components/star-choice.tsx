import { useI18n } from '../lib/i18n/i18n.js';

const SCORES = [1, 2, 3, 4, 5] as const;

/** The five rating choices, "1 estrela" … "5 estrelas", as a native radio group (keyboard for free). */
export function StarChoice({ name, value, onChange, error }: { name: string; value: number | null; onChange: (score: number) => void; error?: string | undefined }) {
  const { t } = useI18n();
  return (
    <fieldset className="stars" aria-describedby={error ? `${name}-error` : undefined}>
      <legend>{t('rating.stars')}</legend>
      {SCORES.map((score) => (
        <label key={score}>
          <input type="radio" name={name} value={score} checked={value === score} onChange={() => onChange(score)} />
          <span aria-hidden="true" className="star-glyphs">{'★'.repeat(score)}</span>
          {t(`rating.star${score}`)}
        </label>
      ))}
      {error && <p id={`${name}-error`} className="field-error">{error}</p>}
    </fieldset>
  );
}
