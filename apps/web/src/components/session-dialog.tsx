import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useLocation } from 'react-router';
import { forgetSignedInData, meQueryKey, useMe, type Me } from '../lib/session.js';
import { api, isApiError, unwrap } from '../lib/api-client.js';
import { useSignInOptions } from '../lib/email-link.js';
import { useI18n } from '../lib/i18n/i18n.js';
import { onSessionExpired, type Waiter } from '../lib/session-recovery.js';
import { EmailLinkRequest } from './email-link-request.js';
import { ErrorMessage } from './error-message.js';
import { TextField } from './text-field.js';

/**
 * "Sua sessão terminou": sign in again without leaving the page; what was being sent goes through
 * afterwards (lib/session-recovery.ts). Signing in as someone else sends nothing and starts over.
 * A customer without a password asks for a sign-in link here (issue 15): it brings them back to this
 * page (where the draft is kept), and "Já entrei pelo link" sends what was waiting in this tab.
 */
export function SessionDialog() {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const me = useMe();
  const dialog = useRef<HTMLDialogElement>(null);
  const [waiters, setWaiters] = useState<Waiter[]>([]);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  const [byLink, setByLink] = useState(false);
  // "Já entrei pelo link" pressed before the link was used.
  const [linkNotYet, setLinkNotYet] = useState(false);
  const open = waiters.length > 0;
  // Asked only when the dialog opens: most pages never need it.
  const options = useSignInOptions(open);
  const location = useLocation();

  useEffect(() => {
    onSessionExpired((waiter) => setWaiters((list) => [...list, waiter]));
    return () => onSessionExpired(null);
  }, []);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);

  const finish = (resume: boolean) => {
    for (const waiter of waiters) {
      if (resume) waiter.resume();
      else waiter.giveUp();
    }
    setWaiters([]);
    setPassword('');
    setError(null);
    setByLink(false);
    setLinkNotYet(false);
  };

  /** Signed in (by password here, or by link in another tab): the same person resumes, anyone else starts over. */
  const signedInAs = (actor: Pick<Me, 'kind' | 'id'>) => {
    const before = me.data;
    const same = before && before.kind === actor.kind && before.id === actor.id;
    if (same) {
      queryClient.setQueryData(meQueryKey, actor);
      finish(true);
    } else {
      finish(false);
      forgetSignedInData(queryClient);
      queryClient.setQueryData(meQueryKey, actor);
    }
  };

  /** "Já entrei pelo link": the link's session is this browser's too; check it and go on. */
  const continueAfterLink = async () => {
    setPending(true);
    setError(null);
    setLinkNotYet(false);
    try {
      signedInAs((await unwrap(api.auth.me.$get())).actor);
    } catch (caught) {
      if (isApiError(caught, 'unauthenticated')) setLinkNotYet(true);
      else setError(caught);
    } finally {
      setPending(false);
    }
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setPending(true);
    setError(null);
    try {
      signedInAs((await unwrap(api.auth.login.$post({ json: { email, password } }))).actor);
    } catch (caught) {
      setError(caught);
    } finally {
      setPending(false);
    }
  };

  return (
    <dialog
      ref={dialog}
      className="session-dialog card"
      aria-labelledby="session-dialog-title"
      onCancel={(event) => {
        event.preventDefault();
        finish(false);
      }}
    >
      {open && byLink && (
        <>
          <h2 id="session-dialog-title">{t('session.title')}</h2>
          <EmailLinkRequest
            initialEmail={email}
            returnTo={location.pathname + location.search}
            onUsePassword={() => {
              setByLink(false);
              setError(null);
            }}
            afterSent={
              <>
                <p>{t('session.linkThenContinue')}</p>
                {linkNotYet && (
                  <p role="alert" className="error">
                    {t('session.linkNotYet')}
                  </p>
                )}
                {error !== null && <ErrorMessage error={error} />}
                <div className="actions">
                  <button type="button" className="primary" disabled={pending} onClick={() => void continueAfterLink()}>
                    {t('session.linkContinue')}
                  </button>
                </div>
              </>
            }
          />
          <p>
            <button type="button" className="link-button" onClick={() => finish(false)}>
              {t('session.cancel')}
            </button>
          </p>
        </>
      )}
      {open && !byLink && (
        <form onSubmit={(e) => void onSubmit(e)} noValidate>
          <h2 id="session-dialog-title">{t('session.title')}</h2>
          <p>{t('session.intro')}</p>
          <TextField id="session-email" label={t('login.email')} type="email" autoComplete="username" value={email} onChange={setEmail} required />
          <TextField id="session-password" label={t('login.password')} type="password" autoComplete="current-password" value={password} onChange={setPassword} required />
          {error !== null && <ErrorMessage error={error} />}
          <div className="actions">
            <button type="submit" className="primary" disabled={pending}>
              {pending ? t('login.submitting') : t('login.submit')}
            </button>
            <button type="button" onClick={() => finish(false)}>
              {t('session.cancel')}
            </button>
          </div>
          {options.data?.emailLink && (
            <p>
              <button
                type="button"
                className="link-button"
                onClick={() => {
                  setByLink(true);
                  setError(null);
                }}
              >
                {t('login.emailLink.offer')}
              </button>
            </p>
          )}
        </form>
      )}
    </dialog>
  );
}
