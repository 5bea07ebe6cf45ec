import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { isApiError } from '../lib/api-client.js';
import { useRequestEmailLink } from '../lib/email-link.js';
import { useI18n } from '../lib/i18n/i18n.js';
import { ErrorMessage } from './error-message.js';
import { TextField } from './text-field.js';

/**
 * "Receber link de acesso por e-mail": the e-mail field and its button, on the sign-in page and in the
 * expired-session dialog. The answer never says whether the e-mail has an account. `returnTo` (the page
 * to open after signing in) travels in the link, so the customer lands there. `afterSent`: what the
 * dialog offers once the link is on its way.
 */
export function EmailLinkRequest({
  initialEmail,
  returnTo,
  onUsePassword,
  afterSent,
}: {
  initialEmail: string;
  returnTo: string | null;
  onUsePassword: () => void;
  afterSent?: ReactNode;
}) {
  const { t } = useI18n();
  const request = useRequestEmailLink();
  const [email, setEmail] = useState(initialEmail);
  // Ids of its own: the dialog may be open over a page that shows another of these.
  const id = useId();
  const inputId = `${id}-link-email`;
  const fields = isApiError(request.error) ? (request.error.body.fields ?? {}) : {};
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    request.mutate(returnTo ? { email, returnTo } : { email });
  };
  return (
    <>
      <h2>{t('login.emailLink.title')}</h2>
      {request.isSuccess ? (
        <>
          <p role="status">{t('login.emailLink.sent')}</p>
          {afterSent}
        </>
      ) : (
        <form onSubmit={onSubmit} noValidate>
          <p className="hint">{t('login.emailLink.hint')}</p>
          <TextField id={inputId} label={t('login.email')} type="email" autoComplete="username" value={email} onChange={setEmail} error={fields.email} required />
          {request.error && !fields.email && <ErrorMessage error={request.error} />}
          <button type="submit" className="primary" disabled={request.isPending}>
            {t('login.emailLink.submit')}
          </button>
        </form>
      )}
      <p>
        <button type="button" className="link-button" onClick={onUsePassword}>
          {t('login.emailLink.usePassword')}
        </button>
      </p>
    </>
  );
}
