import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { paths } from '../../config/paths.js';
import { ErrorMessage } from '../../components/error-message.js';
import { isApiError } from '../../lib/api-client.js';
import { useI18n } from '../../lib/i18n/i18n.js';
import { useAccountLink, useSetPasswordByLink } from './account-api.js';
import { TextField } from '../../components/text-field.js';

/**
 * The page an e-mailed reset or invitation link opens. Opening it only reads the link; the password is
 * set (and the link spent) by this form's POST.
 */
export function SetPasswordPage() {
  const { t } = useI18n();
  const token = useParams().token ?? '';
  const link = useAccountLink(token);
  const submit = useSetPasswordByLink(token);
  const [password, setPassword] = useState('');
  const fields = isApiError(submit.error) ? (submit.error.body.fields ?? {}) : {};
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit.mutate(password);
  };

  let content;
  if (link.isPending) content = <p>{t('account.link.loading')}</p>;
  else if (link.error) content = <ErrorMessage error={link.error} />;
  else if (submit.isSuccess) content = <p role="status">{t('account.link.done')}</p>;
  else
    content = (
      <form onSubmit={onSubmit} noValidate>
        <p>{t('account.link.for', { email: link.data.email })}</p>
        <TextField id="new-password" label={t('account.newPassword')} type="password" autoComplete="new-password" value={password} onChange={setPassword} hint={t('account.passwordHint')} error={fields.password} required />
        {submit.error && !Object.keys(fields).length && <ErrorMessage error={submit.error} />}
        <button type="submit" className="primary" disabled={submit.isPending}>
          {t('account.link.submit')}
        </button>
      </form>
    );

  return (
    <section className="card narrow" aria-labelledby="set-password-title">
      <h1 id="set-password-title">{link.data?.purpose === 'invitation' ? t('account.invitation.title') : t('account.reset.title')}</h1>
      {content}
      <p>
        <Link to={paths.login}>{t('account.backToLogin')}</Link>
      </p>
    </section>
  );
}
