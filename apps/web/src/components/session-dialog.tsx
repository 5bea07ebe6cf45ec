import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { meQueryKey, useMe } from '../lib/session.js';
import { api, unwrap } from '../lib/api-client.js';
import { useI18n } from '../lib/i18n/i18n.js';
import { onSessionExpired, type Waiter } from '../lib/session-recovery.js';
import { ErrorMessage } from './error-message.js';

/**
 * "Sua sessão terminou": sign in again without leaving the page; what was being sent goes through
 * afterwards (lib/session-recovery.ts). Signing in as someone else sends nothing and starts over.
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
  const open = waiters.length > 0;

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
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setPending(true);
    setError(null);
    try {
      const { actor } = await unwrap(api.auth.login.$post({ json: { email, password } }));
      const before = me.data;
      const same = before && before.kind === actor.kind && before.id === actor.id;
      if (same) {
        queryClient.setQueryData(meQueryKey, actor);
        finish(true);
      } else {
        finish(false);
        queryClient.clear();
        queryClient.setQueryData(meQueryKey, actor);
      }
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
      {open && (
        <form onSubmit={(e) => void onSubmit(e)} noValidate>
          <h2 id="session-dialog-title">{t('session.title')}</h2>
          <p>{t('session.intro')}</p>
          <div className="field">
            <label htmlFor="session-email">{t('login.email')}</label>
            <input id="session-email" type="email" autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} required />
          </div>
          <div className="field">
            <label htmlFor="session-password">{t('login.password')}</label>
            <input
              id="session-password"
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              required
            />
          </div>
          {error !== null && <ErrorMessage error={error} />}
          <div className="actions">
            <button type="submit" className="primary" disabled={pending}>
              {pending ? t('login.submitting') : t('login.submit')}
            </button>
            <button type="button" onClick={() => finish(false)}>
              {t('session.cancel')}
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}
