import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { paths } from '../../config/paths.js';
import { ErrorMessage } from '../../components/error-message.js';
import { useI18n } from '../../lib/i18n/i18n.js';
import { loginPathReturningTo, RETURN_PARAM, safeReturnPath } from '../../lib/return-path.js';
import { useEmailLink, useEnterByEmailLink } from './email-link-api.js';

/**
 * The page a passwordless sign-in link opens (issue 15). Opening it only reads the link: mail scanners
 * follow links, so the session starts only when a person presses Entrar (a POST that spends the link).
 * Then the customer lands where they asked for the link (a ticket page, say), else on their home.
 */
export function EmailLinkPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const token = useParams().token ?? '';
  const returnTo = safeReturnPath(useSearchParams()[0].get(RETURN_PARAM), window.location.origin);
  const enter = useEnterByEmailLink(token);
  // Once Entrar is pressed the link is spent: reading it again would only show a stale refusal.
  const link = useEmailLink(token, enter.isIdle);
  const onEnter = () =>
    enter.mutate(undefined, {
      onSuccess: ({ actor }) => void navigate(returnTo ?? (actor.kind === 'agent' ? paths.console : paths.panel), { replace: true }),
    });

  let content;
  if (enter.error) content = <ErrorMessage error={enter.error} />;
  else if (link.isPending && enter.isIdle) content = <p role="status">{t('account.link.loading')}</p>;
  else if (link.error) content = <ErrorMessage error={link.error} />;
  else
    content = (
      <>
        {link.data && <p>{t('account.link.for', { email: link.data.email })}</p>}
        <p>{t('signInLink.explain')}</p>
        <button type="button" className="primary" onClick={onEnter} disabled={!enter.isIdle}>
          {enter.isIdle ? t('login.submit') : t('login.submitting')}
        </button>
      </>
    );

  const failed = Boolean(enter.error ?? link.error);
  return (
    <section className="card narrow" aria-labelledby="email-link-title">
      <h1 id="email-link-title">{t('login.title')}</h1>
      {content}
      <p>
        <Link to={returnTo ? loginPathReturningTo(paths.login, returnTo) : paths.login}>{failed ? t('signInLink.askAgain') : t('account.backToLogin')}</Link>
      </p>
    </section>
  );
}
