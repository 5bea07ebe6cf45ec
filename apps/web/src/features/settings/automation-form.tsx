import { useState, type FormEvent } from 'react';
import { ErrorMessage } from '../../components/error-message.js';
import { SelectField } from '../../components/select-field.js';
import { TextField } from '../../components/text-field.js';
import { TextareaField } from '../../components/textarea-field.js';
import { useConsoleI18n } from '../../lib/i18n/console.js';
import { fieldErrorsOf } from '../../lib/field-errors.js';
import { useSaveAutomationSettings, type AutomationForm as Settings } from './settings-api.js';

interface Stored {
  inactivity: { preset: 'triplos' | 'movidesk' | 'custom'; reminderDays: number[]; closeAfterDays: number };
  approvalTimeout: { afterDays: number; outcome: 'close' | 'reopen' };
  sameDayRouting: { enabled: boolean; specialWindows: { start: string; end: string }[] };
}

/**
 * The automation policy: preset Triplos (reminders 5 and 7 days, close at 10), Movidesk (close at 3)
 * or custom days; the approval timeout; same-day routing and its special windows ("08:00-09:15" a line).
 */
export function AutomationForm({ initial }: { initial: Stored }) {
  const { t } = useConsoleI18n();
  const save = useSaveAutomationSettings();
  const [form, setForm] = useState({
    preset: initial.inactivity.preset,
    reminderDays: initial.inactivity.reminderDays.join(', '),
    closeAfterDays: String(initial.inactivity.closeAfterDays),
    approvalDays: String(initial.approvalTimeout.afterDays),
    outcome: initial.approvalTimeout.outcome,
    routing: initial.sameDayRouting.enabled,
    windows: initial.sameDayRouting.specialWindows.map((w) => `${w.start}-${w.end}`).join('\n'),
  });
  const errors = fieldErrorsOf(save.error);
  const firstError = (prefix: string) => Object.entries(errors).find(([k]) => k.startsWith(prefix))?.[1];
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const days = (text: string) => text.split(/[,;\s]+/).filter(Boolean).map(Number);
    const inactivity: Settings['inactivity'] =
      form.preset === 'custom' ? { preset: 'custom', reminderDays: days(form.reminderDays), closeAfterDays: Number(form.closeAfterDays) } : { preset: form.preset };
    save.mutate({
      inactivity,
      approvalTimeout: { afterDays: Number(form.approvalDays), outcome: form.outcome },
      sameDayRouting: {
        enabled: form.routing,
        specialWindows: form.windows
          .split('\n')
          .map((line) => line.trim())
          .filter(Boolean)
          .map((line) => {
            const [start = '', end = ''] = line.split(/\s*[-–]\s*/);
            return { start, end };
          }),
      },
    });
  };
  return (
    <form onSubmit={onSubmit} className="card" aria-label={t('settings.automation')} noValidate>
      <h2>{t('settings.automation')}</h2>
      <SelectField
        id="auto-preset"
        label={t('settings.preset')}
        value={form.preset}
        onChange={(preset) => setForm({ ...form, preset: preset === 'movidesk' || preset === 'custom' ? preset : 'triplos' })}
        options={[
          { id: 'triplos', name: t('settings.preset.triplos') },
          { id: 'movidesk', name: t('settings.preset.movidesk') },
          { id: 'custom', name: t('settings.preset.custom') },
        ]}
        placeholder={t('settings.preset')}
      />
      {form.preset === 'custom' && (
        <>
          <TextField id="auto-reminders" label={t('settings.reminderDays')} value={form.reminderDays} onChange={(reminderDays) => setForm({ ...form, reminderDays })} error={firstError('inactivity.reminderDays')} />
          <TextField id="auto-close" label={t('settings.closeAfterDays')} value={form.closeAfterDays} onChange={(closeAfterDays) => setForm({ ...form, closeAfterDays })} error={firstError('inactivity.closeAfterDays')} />
        </>
      )}
      <TextField id="auto-approval" label={t('settings.approvalDays')} value={form.approvalDays} onChange={(approvalDays) => setForm({ ...form, approvalDays })} error={firstError('approvalTimeout')} />
      <SelectField
        id="auto-outcome"
        label={t('settings.approvalOutcome')}
        value={form.outcome}
        onChange={(outcome) => setForm({ ...form, outcome: outcome === 'reopen' ? 'reopen' : 'close' })}
        options={[
          { id: 'close', name: t('settings.outcome.close') },
          { id: 'reopen', name: t('settings.outcome.reopen') },
        ]}
        placeholder={t('settings.approvalOutcome')}
      />
      <label className="check">
        <input type="checkbox" checked={form.routing} onChange={(e) => setForm({ ...form, routing: e.target.checked })} /> {t('settings.sameDayRouting')}
      </label>
      <TextareaField id="auto-windows" label={t('settings.specialWindows')} value={form.windows} rows={4} onChange={(windows) => setForm({ ...form, windows })} error={firstError('sameDayRouting')} />
      {save.error && !Object.keys(errors).length && <ErrorMessage error={save.error} />}
      {save.isSuccess && <p role="status">{t('admin.saved')}</p>}
      <button type="submit" className="primary" disabled={save.isPending}>
        {t('admin.save')}
      </button>
    </form>
  );
}
