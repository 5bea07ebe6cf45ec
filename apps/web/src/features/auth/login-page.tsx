import { useState, type FormEvent } from 'react';
import { Link, Navigate, useSearchParams } from 'react-router';
import { paths } from '../../config/paths.js';
import { ErrorMessage } from '../../components/error-message.js';
import { useI18n } from '../../lib/i18n/i18n.js';
import { isApiError } from '../../lib/api-client.js';
import { RETURN_PARAM, safeReturnPath } from '../../lib/return-path.js';
import { useMe } from '../../lib/session.js';
import { useLogin } from './auth-api.js';
import { useSignInOptions } from '../../lib/email-link.js';
import { EmailLinkRequest } from '../../components/email-link-request.js';
import { TextField } from '../../components/text-field.js';

export function LoginPage() {
  const { t } = useI18n();
  const me = useMe();
  const login = useLogin();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  // "Receber link de acesso por e-mail" (issue 15): the same card, with the e-mail typed so far.
  const [byLink, setByLink] = useState(false);
  const options = useSignInOptions();
  // The page opened while signed out (validated: a path of this site only).
  const returnTo = safeReturnPath(useSearchParams()[0].get(RETURN_PARAM), window.location.origin);

  if (me.data) return <Navigate to={returnTo ?? (me.data.kind === 'agent' ? paths.console : paths.panel)} replace />;

  const fields = isApiError(login.error) ? (login.error.body.fields ?? {}) : {};
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate({ email, password });
  };

  if (byLink)
    return (
      <section className="card narrow" aria-labelledby="login-title">
        <h1 id="login-title">{t('login.title')}</h1>
        <EmailLinkRequest initialEmail={email} returnTo={returnTo} onUsePassword={() => setByLink(false)} />
      </section>
    );

  return (
    <section className="card narrow" aria-labelledby="login-title">
      <h1 id="login-title">{t('login.title')}</h1>
      <form onSubmit={onSubmit} noValidate>
        <TextField id="login-email" label={t('login.email')} type="email" autoComplete="username" value={email} onChange={setEmail} error={fields.email} required />
        <TextField id="login-password" label={t('login.password')} type="password" autoComplete="current-password" value={password} onChange={setPassword} error={fields.password} required />
        {login.error && !Object.keys(fields).length && <ErrorMessage error={login.error} />}
        <button type="submit" className="primary" disabled={login.isPending}>
          {login.isPending ? t('login.submitting') : t('login.submit')}
        </button>
      </form>
      {options.data?.emailLink && (
        <p>
          <button type="button" className="link-button" onClick={() => setByLink(true)}>
            {t('login.emailLink.offer')}
          </button>
        </p>
      )}
      <p>
        <Link to={paths.forgotPassword}>{t('account.forgotLink')}</Link>
      </p>
      {options.data?.signUp && (
        <p>
          {t('registration.noAccount')} <Link to={paths.signUp}>{t('registration.title')}</Link>
        </p>
      )}
    </section>
  );
}
