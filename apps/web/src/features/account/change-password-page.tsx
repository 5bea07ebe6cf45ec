import { useState, type FormEvent } from 'react';
import { ErrorMessage } from '../../components/error-message.js';
import { isApiError } from '../../lib/api-client.js';
import { useI18n } from '../../lib/i18n/i18n.js';
import { useChangePassword } from './account-api.js';

/** "Alterar senha": needs the current password; every other session of the account ends. */
export function ChangePasswordPage() {
  const { t } = useI18n();
  const change = useChangePassword();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const fields = isApiError(change.error) ? (change.error.body.fields ?? {}) : {};
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    change.mutate({ currentPassword, newPassword });
  };
  return (
    <section className="card narrow" aria-labelledby="change-password-title">
      <h1 id="change-password-title">{t('account.change.title')}</h1>
      {change.isSuccess ? (
        <p role="status">{t('account.change.done')}</p>
      ) : (
        <form onSubmit={onSubmit} noValidate>
          <div className="field">
            <label htmlFor="current-password">{t('account.currentPassword')}</label>
            <input
              id="current-password"
              type="password"
              autoComplete="current-password"
              value={currentPassword}
              onChange={(e) => setCurrentPassword(e.target.value)}
              aria-invalid={fields.currentPassword ? true : undefined}
              aria-describedby={fields.currentPassword ? 'current-password-error' : undefined}
              required
            />
            {fields.currentPassword && <p id="current-password-error" className="field-error">{fields.currentPassword}</p>}
          </div>
          <div className="field">
            <label htmlFor="changed-password">{t('account.newPassword')}</label>
            <input
              id="changed-password"
              type="password"
              autoComplete="new-password"
              value={newPassword}
              onChange={(e) => setNewPassword(e.target.value)}
              aria-invalid={fields.newPassword ? true : undefined}
              aria-describedby={fields.newPassword ? 'changed-password-error' : 'changed-password-hint'}
              required
            />
            <p id="changed-password-hint" className="hint">{t('account.passwordHint')}</p>
            {fields.newPassword && <p id="changed-password-error" className="field-error">{fields.newPassword}</p>}
          </div>
          {change.error && !Object.keys(fields).length && <ErrorMessage error={change.error} />}
          <button type="submit" className="primary" disabled={change.isPending}>
            {t('account.link.submit')}
          </button>
        </form>
      )}
    </section>
  );
}
