import { ORIGINS, type Origin } from '@atende/domain';
import { useI18n } from '../../lib/i18n/i18n.js';

export function isOrigin(value: string | null): value is Origin {
  return value !== null && (ORIGINS as readonly string[]).includes(value);
}

/** Seed 003: agents filter the list by where a ticket came from (Origem: Hotsite, Portal, …). */
export function OriginFilter({ value, onChange }: { value: Origin | undefined; onChange: (origin: Origin | undefined) => void }) {
  const { t } = useI18n();
  return (
    <div className="filters">
      <label htmlFor="origin-filter">{t('origin.label')}</label>
      <select id="origin-filter" value={value ?? ''} onChange={(e) => onChange(isOrigin(e.target.value) ? e.target.value : undefined)}>
        <option value="">{t('origin.all')}</option>
        {ORIGINS.map((origin) => (
          <option key={origin} value={origin}>
            {t(`origin.${origin}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
