import { useState, type FormEvent } from 'react';
import { Link, Navigate, useParams } from 'react-router';
import { paths } from '../../config/paths.js';
import { ErrorMessage } from '../../components/error-message.js';
import { isApiError } from '../../lib/api-client.js';
import { useI18n } from '../../lib/i18n/i18n.js';
import { useCompleteRegistration, useRegistrationLink } from './registration-api.js';
import { TextField } from '../../components/text-field.js';

/**
 * The page the sign-up e-mail's link opens. Opening it only reads the link; the account is created (and
 * signed in) by this form's POST, so a mail scanner following the link creates nothing.
 */
export function ConfirmRegistrationPage() {
  const { t } = useI18n();
  const token = useParams().token ?? '';
  const link = useRegistrationLink(token);
  const complete = useCompleteRegistration(token);
  const [password, setPassword] = useState('');
  const fields = isApiError(complete.error) ? (complete.error.body.fields ?? {}) : {};
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    complete.mutate(password);
  };

  if (complete.isSuccess) return <Navigate to={paths.panel} replace />;

  let content;
  if (link.isPending) content = <p role="status">{t('account.link.loading')}</p>;
  else if (link.error) content = <ErrorMessage error={link.error} />;
  else
    content = (
      <form onSubmit={onSubmit} noValidate>
        <p>{t('registration.confirmFor', { name: link.data.name, email: link.data.email })}</p>
        <TextField id="registration-password" label={t('account.newPassword')} type="password" autoComplete="new-password" value={password} onChange={setPassword} hint={t('account.passwordHint')} error={fields.password} required />
        {complete.error && !Object.keys(fields).length && <ErrorMessage error={complete.error} />}
        <button type="submit" className="primary" disabled={complete.isPending}>
          {t('registration.create')}
        </button>
      </form>
    );

  return (
    <section className="card narrow" aria-labelledby="confirm-registration-title">
      <h1 id="confirm-registration-title">{t('registration.confirmTitle')}</h1>
      {content}
      <p>
        <Link to={paths.login}>{t('account.backToLogin')}</Link>
      </p>
    </section>
  );
}
