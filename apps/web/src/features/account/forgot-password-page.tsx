import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { paths } from '../../config/paths.js';
import { ErrorMessage } from '../../components/error-message.js';
import { isApiError } from '../../lib/api-client.js';
import { useI18n } from '../../lib/i18n/i18n.js';
import { useRequestPasswordReset } from './account-api.js';
import { TextField } from '../../components/text-field.js';

/** "Esqueci minha senha": the same answer whether or not the e-mail has an account. */
export function ForgotPasswordPage() {
  const { t } = useI18n();
  const request = useRequestPasswordReset();
  const [email, setEmail] = useState('');
  const fields = isApiError(request.error) ? (request.error.body.fields ?? {}) : {};
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    request.mutate(email);
  };
  return (
    <section className="card narrow" aria-labelledby="forgot-title">
      <h1 id="forgot-title">{t('account.forgot.title')}</h1>
      {request.isSuccess ? (
        <p role="status">{t('account.forgot.sent')}</p>
      ) : (
        <form onSubmit={onSubmit} noValidate>
          <TextField id="forgot-email" label={t('login.email')} type="email" autoComplete="username" value={email} onChange={setEmail} error={fields.email} required />
          {request.error && !Object.keys(fields).length && <ErrorMessage error={request.error} />}
          <button type="submit" className="primary" disabled={request.isPending}>
            {t('account.forgot.submit')}
          </button>
        </form>
      )}
      <p>
        <Link to={paths.login}>{t('account.backToLogin')}</Link>
      </p>
    </section>
  );
}
