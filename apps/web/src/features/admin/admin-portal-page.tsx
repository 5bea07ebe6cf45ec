import type { PortalSettingsInput } from '@atende/contracts';
import { useState, type FormEvent } from 'react';
import { ErrorMessage } from '../../components/error-message.js';
import { useConsoleI18n } from '../../lib/i18n/console.js';
import { usePortalSettings, useSavePortalSettings } from './admin-api.js';
import { fieldErrorsOf } from '../../lib/field-errors.js';

type Switch = 'customersSeeTickets' | 'customersOpenTickets' | 'customersSelfRegister' | 'allowReopen' | 'agentRepliesPublicByDefault';
const SWITCHES: Switch[] = ['customersSeeTickets', 'customersOpenTickets', 'customersSelfRegister', 'allowReopen', 'agentRepliesPublicByDefault'];

/** Portal settings (seed 003): the Atendimentos switches, reopening and its window, reply visibility. */
export function AdminPortalPage() {
  const { t } = useConsoleI18n();
  const query = usePortalSettings();
  if (query.isPending) return <p role="status">{t('list.loading')}</p>;
  if (query.error) return <ErrorMessage error={query.error} />;
  return <PortalSettingsForm initial={query.data} />;
}

function PortalSettingsForm({ initial }: { initial: PortalSettingsInput }) {
  const { t } = useConsoleI18n();
  const save = useSavePortalSettings();
  const [form, setForm] = useState<PortalSettingsInput>({
    customersSeeTickets: initial.customersSeeTickets,
    customersOpenTickets: initial.customersOpenTickets,
    customersSelfRegister: initial.customersSelfRegister ?? false,
    agentRepliesPublicByDefault: initial.agentRepliesPublicByDefault,
    allowReopen: initial.allowReopen,
    reopenWindowDays: initial.reopenWindowDays,
    ratingWindowDays: initial.ratingWindowDays,
  });
  const errors = fieldErrorsOf(save.error);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(form);
  };
  const dayField = (key: 'reopenWindowDays' | 'ratingWindowDays') => (
    <div className="field">
      <label htmlFor={`portal-${key}`}>{t(`admin.${key}`)}</label>
      <input
        id={`portal-${key}`}
        type="number"
        min={1}
        max={365}
        value={Number.isNaN(form[key]) ? '' : form[key]}
        onChange={(e) => setForm({ ...form, [key]: e.target.valueAsNumber })}
        aria-invalid={errors[key] ? true : undefined}
        aria-describedby={errors[key] ? `portal-${key}-error` : undefined}
      />
      {errors[key] && <p id={`portal-${key}-error`} className="field-error">{errors[key]}</p>}
    </div>
  );
  return (
    <form onSubmit={onSubmit} className="card" noValidate>
      <h2>{t('admin.portal')}</h2>
      {SWITCHES.map((key) => (
        <label key={key} className="check">
          <input type="checkbox" checked={form[key] ?? false} onChange={(e) => setForm({ ...form, [key]: e.target.checked })} />
          {t(`admin.${key}`)}
        </label>
      ))}
      {dayField('reopenWindowDays')}
      {dayField('ratingWindowDays')}
      {save.error && Object.keys(errors).length === 0 && <ErrorMessage error={save.error} />}
      {save.isSuccess && <p role="status">{t('admin.saved')}</p>}
      <button type="submit" className="primary" disabled={save.isPending}>
        {t('admin.save')}
      </button>
    </form>
  );
}
