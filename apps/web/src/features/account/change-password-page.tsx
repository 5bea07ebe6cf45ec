import { useState, type FormEvent } from 'react';
import { ErrorMessage } from '../../components/error-message.js';
import { isApiError } from '../../lib/api-client.js';
import { useI18n } from '../../lib/i18n/i18n.js';
import { useChangePassword } from './account-api.js';
import { TextField } from '../../components/text-field.js';

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
          <TextField id="current-password" label={t('account.currentPassword')} type="password" autoComplete="current-password" value={currentPassword} onChange={setCurrentPassword} error={fields.currentPassword} required />
          <TextField id="changed-password" label={t('account.newPassword')} type="password" autoComplete="new-password" value={newPassword} onChange={setNewPassword} hint={t('account.passwordHint')} error={fields.newPassword} required />
          {change.error && !Object.keys(fields).length && <ErrorMessage error={change.error} />}
          <button type="submit" className="primary" disabled={change.isPending}>
            {t('account.link.submit')}
          </button>
        </form>
      )}
    </section>
  );
}
