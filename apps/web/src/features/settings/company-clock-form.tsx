import { useState, type FormEvent } from 'react';
import { ErrorMessage } from '../../components/error-message.js';
import { TextField } from '../../components/text-field.js';
import { TextareaField } from '../../components/textarea-field.js';
import { useConsoleI18n } from '../../lib/i18n/console.js';
import { fieldErrorsOf } from '../../lib/field-errors.js';
import { fetchNationalHolidays, useSaveCompanyClock, type CompanyClock } from './settings-api.js';

const WEEKDAYS = [0, 1, 2, 3, 4, 5, 6] as const;

/** Time zone, business days and hours, holidays (one date a line), with the year's national holidays a click away. */
export function CompanyClockForm({ initial, year }: { initial: CompanyClock; year: number }) {
  const { t } = useConsoleI18n();
  const save = useSaveCompanyClock();
  const [form, setForm] = useState({ ...initial, holidaysText: initial.holidays.join('\n') });
  const errors = fieldErrorsOf(save.error);
  const holidayError = Object.entries(errors).find(([k]) => k.startsWith('holidays'))?.[1];
  const addNational = async () => {
    const { holidays } = await fetchNationalHolidays(year);
    const current = new Set(form.holidaysText.split('\n').map((d) => d.trim()).filter(Boolean));
    for (const h of holidays) current.add(h.date);
    setForm({ ...form, holidaysText: [...current].sort().join('\n') });
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const { holidaysText, ...clock } = form;
    save.mutate({ ...clock, holidays: holidaysText.split('\n').map((d) => d.trim()).filter(Boolean) });
  };
  return (
    <form onSubmit={onSubmit} className="card" aria-label={t('settings.clock')} noValidate>
      <h2>{t('settings.clock')}</h2>
      <TextField id="clock-tz" label={t('settings.timeZone')} value={form.timeZone} maxLength={64} onChange={(timeZone) => setForm({ ...form, timeZone })} error={errors.timeZone} />
      <fieldset>
        <legend>{t('settings.businessDays')}</legend>
        {WEEKDAYS.map((day) => (
          <label key={day} className="check">
            <input
              type="checkbox"
              checked={form.businessDays.includes(day)}
              onChange={(e) => setForm({ ...form, businessDays: e.target.checked ? [...form.businessDays, day] : form.businessDays.filter((d) => d !== day) })}
            />{' '}
            {t(`settings.weekday.${day}`)}
          </label>
        ))}
      </fieldset>
      <TextField id="clock-start" label={t('settings.opens')} value={form.businessHoursStart} maxLength={5} onChange={(businessHoursStart) => setForm({ ...form, businessHoursStart })} error={errors.businessHoursStart} />
      <TextField id="clock-end" label={t('settings.closes')} value={form.businessHoursEnd} maxLength={5} onChange={(businessHoursEnd) => setForm({ ...form, businessHoursEnd })} error={errors.businessHoursEnd} />
      <TextareaField id="clock-holidays" label={t('settings.holidays')} value={form.holidaysText} rows={8} onChange={(holidaysText) => setForm({ ...form, holidaysText })} error={holidayError} />
      <p>
        <button type="button" onClick={() => void addNational()}>
          {t('settings.addNational', { year: String(year) })}
        </button>
      </p>
      {save.error && !Object.keys(errors).length && <ErrorMessage error={save.error} />}
      {save.isSuccess && <p role="status">{t('admin.saved')}</p>}
      <button type="submit" className="primary" disabled={save.isPending}>
        {t('admin.save')}
      </button>
    </form>
  );
}
