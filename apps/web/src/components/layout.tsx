import { Suspense, type ReactNode } from 'react';
import { Link, Outlet, useNavigate } from 'react-router';
import { paths } from '../config/paths.js';
import { usePortalSwitches } from '../lib/portal-switches.js';
import { useLogout, useMe } from '../lib/session.js';
import { LOCALES, useI18n, type Locale } from '../lib/i18n/i18n.js';
import { useLiveEvents } from '../lib/live-events.js';

/** `agentMenu`: what app/ puts in the top bar for agents (the notifications menu, a feature of its own). */
export function Layout({ agentMenu }: { agentMenu?: ReactNode } = {}) {
  const { t, locale, setLocale } = useI18n();
  const me = useMe();
  const logout = useLogout();
  const navigate = useNavigate();
  // Seed 003: with the portal's switches both off, the customer has no Atendimentos entry at all.
  const switches = usePortalSwitches(me.data?.kind === 'contact');
  const showTickets = switches.data ? switches.data.customersSeeTickets || switches.data.customersOpenTickets : false;
  // One live-event stream per signed-in tab: open pages refresh when something they show changes.
  useLiveEvents(me.data?.kind ?? null);

  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="topbar">
        <Link to={paths.home} className="brand">
          {t('app.name')}
        </Link>
        <nav aria-label={t('nav.mainLabel')}>
          {me.data?.kind === 'contact' && showTickets && <Link to={paths.panel}>{t('nav.tickets')}</Link>}
          {me.data?.kind === 'agent' && <Link to={paths.console}>{t('nav.console')}</Link>}
          {me.data?.kind === 'agent' && <Link to={paths.directory}>{t('nav.directory')}</Link>}
          {me.data?.kind === 'agent' && <Link to={paths.ratings}>{t('nav.ratings')}</Link>}
          {me.data?.role === 'admin' && <Link to={paths.adminPortal}>{t('nav.admin')}</Link>}
          {me.data?.role === 'admin' && <Link to={paths.auditLog}>{t('nav.audit')}</Link>}
          {me.data?.role === 'admin' && <Link to={paths.mailbox}>{t('nav.mailbox')}</Link>}
        </nav>
        <div className="topbar-end">
          <label className="locale">
            <span>{t('nav.language')}</span>
            <select value={locale} onChange={(e) => setLocale(e.target.value as Locale)}>
              {LOCALES.map((code) => (
                <option key={code} value={code}>
                  {code === 'pt-BR' ? 'Português (Brasil)' : 'English'}
                </option>
              ))}
            </select>
          </label>
          {me.data && (
            <>
              {me.data.kind === 'agent' && agentMenu}
              <span className="who">{me.data.name}</span>
              <Link to={paths.changePassword}>{t('nav.changePassword')}</Link>
              <button
                type="button"
                onClick={() => logout.mutate(undefined, { onSettled: () => navigate(paths.login, { replace: true }) })}
              >
                {t('nav.signOut')}
              </button>
            </>
          )}
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <Suspense fallback={<p role="status">{t('list.loading')}</p>}>
          <Outlet />
        </Suspense>
      </main>
    </>
  );
}
