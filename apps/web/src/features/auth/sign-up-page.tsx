import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { paths } from '../../config/paths.js';
import { ErrorMessage } from '../../components/error-message.js';
import { isApiError } from '../../lib/api-client.js';
import { useI18n } from '../../lib/i18n/i18n.js';
import { useSignInOptions } from '../../lib/email-link.js';
import { useSignUp } from './registration-api.js';
import { TextField } from '../../components/text-field.js';

/**
 * "Criar conta" (issue 17): a name and an e-mail; the password is chosen from the e-mailed link, which
 * proves the address. The answer is the same whether or not the address already has an account.
 */
export function SignUpPage() {
  const { t } = useI18n();
  const options = useSignInOptions();
  const signUp = useSignUp();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const fields = isApiError(signUp.error) ? (signUp.error.body.fields ?? {}) : {};
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    signUp.mutate({ name, email });
  };

  let content;
  if (options.isPending) content = <p role="status">{t('list.loading')}</p>;
  else if (options.error) content = <ErrorMessage error={options.error} />;
  else if (!options.data.signUp) content = <p role="status">{t('registration.closed')}</p>;
  else if (signUp.isSuccess) content = <p role="status">{t('registration.sent', { email })}</p>;
  else
    content = (
      <form onSubmit={onSubmit} noValidate>
        <TextField id="sign-up-name" label={t('registration.name')} autoComplete="name" value={name} onChange={setName} error={fields.name} required />
        <TextField id="sign-up-email" label={t('login.email')} type="email" autoComplete="email" value={email} onChange={setEmail} hint={t('registration.emailHint')} error={fields.email} required />
        {signUp.error && !Object.keys(fields).length && <ErrorMessage error={signUp.error} />}
        <button type="submit" className="primary" disabled={signUp.isPending}>
          {t('registration.submit')}
        </button>
      </form>
    );

  return (
    <section className="card narrow" aria-labelledby="sign-up-title">
      <h1 id="sign-up-title">{t('registration.title')}</h1>
      {content}
      <p>
        <Link to={paths.login}>{t('registration.haveAccount')}</Link>
      </p>
    </section>
  );
}
