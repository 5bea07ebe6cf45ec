import { useState, type FormEvent } from 'react';
import { ErrorMessage } from '../../components/error-message.js';
import { isApiError } from '../../lib/api-client.js';
import { useI18n } from '../../lib/i18n/i18n.js';
import { useRequestEmailLink } from './email-link-api.js';

/**
 * "Receber link de acesso por e-mail": the e-mail field and its button, on the sign-in page. The answer
 * never says whether the e-mail has an account. `returnTo` (the page opened while signed out) travels
 * in the link, so the customer lands there.
 */
export function EmailLinkRequest({ initialEmail, returnTo, onUsePassword }: { initialEmail: string; returnTo: string | null; onUsePassword: () => void }) {
  const { t } = useI18n();
  const request = useRequestEmailLink();
  const [email, setEmail] = useState(initialEmail);
  const fields = isApiError(request.error) ? (request.error.body.fields ?? {}) : {};
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    request.mutate(returnTo ? { email, returnTo } : { email });
  };
  return (
    <>
      <h2>{t('login.emailLink.title')}</h2>
      {request.isSuccess ? (
        <p role="status">{t('login.emailLink.sent')}</p>
      ) : (
        <form onSubmit={onSubmit} noValidate>
          <p className="hint">{t('login.emailLink.hint')}</p>
          <div className="field">
            <label htmlFor="link-email">{t('login.email')}</label>
            <input
              id="link-email"
              type="email"
              autoComplete="username"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              aria-invalid={fields.email ? true : undefined}
              aria-describedby={fields.email ? 'link-email-error' : undefined}
              required
            />
            {fields.email && <p id="link-email-error" className="field-error">{fields.email}</p>}
          </div>
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
