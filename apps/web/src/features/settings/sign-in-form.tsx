import { useState, type FormEvent } from 'react';
import { ErrorMessage } from '../../components/error-message.js';
import { useConsoleI18n } from '../../lib/i18n/console.js';
import { useSaveSignInSettings, type SignInSettings } from './settings-api.js';

const SWITCHES = ['emailLinkForContacts', 'emailLinkForAgents'] as const;

/** Passwordless sign-in by e-mail link (issue 15): on for contacts, off for the team until an admin turns it on. */
export function SignInForm({ initial }: { initial: SignInSettings }) {
  const { t } = useConsoleI18n();
  const save = useSaveSignInSettings();
  const [form, setForm] = useState<SignInSettings>(initial);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(form);
  };
  return (
    <form onSubmit={onSubmit} className="card" aria-label={t('settings.signIn')} noValidate>
      <h2>{t('settings.signIn')}</h2>
      <p className="hint">{t('settings.signIn.hint')}</p>
      {SWITCHES.map((key) => (
        <label key={key} className="check">
          <input type="checkbox" checked={form[key]} onChange={(e) => setForm({ ...form, [key]: e.target.checked })} />
          {t(`settings.signIn.${key}`)}
        </label>
      ))}
      {save.error && <ErrorMessage error={save.error} />}
      {save.isSuccess && <p role="status">{t('admin.saved')}</p>}
      <button type="submit" className="primary" disabled={save.isPending}>
        {t('admin.save')}
      </button>
    </form>
  );
}
