import { Suspense, useEffect, useState, type ReactNode } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { paths } from '../config/paths.js';
import { useAccountLocale } from '../lib/account-locale.js';
import { useLogout, useMe } from '../lib/session.js';
import { usePortalSwitches } from '../lib/portal-switches.js';
import { LOCALES, useI18n, type Locale } from '../lib/i18n/i18n.js';
import { clearAllDrafts } from '../lib/drafts.js';
import { SessionDialog } from './session-dialog.js';
import { ThemeSelect } from './theme-select.js';
import { useLiveEvents } from '../lib/live-events.js';

/** `agentMenu`: what app/ puts in the top bar for agents (the notifications menu, a feature of its own). */
export function Layout({ agentMenu }: { agentMenu?: ReactNode } = {}) {
  const { t, locale, setTimeZone } = useI18n();
  const me = useMe();
  // Dates in the company's time zone (it comes with the signed-in actor), whatever the browser's.
  const companyTimeZone = me.data?.timeZone;
  useEffect(() => setTimeZone(companyTimeZone), [companyTimeZone, setTimeZone]);
  const logout = useLogout();
  const navigate = useNavigate();
  // Seed 003: with the portal's switches both off, the customer has no Atendimentos entry at all.
  const switches = usePortalSwitches(me.data?.kind === 'contact');
  const showTickets = switches.data ? switches.data.customersSeeTickets || switches.data.customersOpenTickets : false;
  // On a phone the links and account actions fold into a Menu; it closes on its own when the page changes
  // (it is open only for the address where it was opened).
  const location = useLocation();
  const here = location.pathname + location.search;
  const [menuOpenAt, setMenuOpenAt] = useState<string | null>(null);
  const menuOpen = menuOpenAt === here;
  // The account's language (issue 15): applied when it loads, saved on the account when changed here.
  const chooseLocale = useAccountLocale(me.data);
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
        <button
          type="button"
          className="menu-button"
          aria-expanded={menuOpen}
          aria-controls="topbar-menu"
          onClick={() => setMenuOpenAt(menuOpen ? null : here)}
        >
          {t('nav.menu')}
        </button>
        <div id="topbar-menu" className={menuOpen ? 'topbar-menu open' : 'topbar-menu'}>
          <nav aria-label={t('nav.mainLabel')}>
            {me.data?.kind === 'contact' && showTickets && <Link to={paths.panel}>{t('nav.tickets')}</Link>}
            {me.data?.kind === 'agent' && <Link to={paths.console}>{t('nav.console')}</Link>}
            {me.data?.kind === 'agent' && <Link to={paths.directory}>{t('nav.directory')}</Link>}
            {me.data?.kind === 'agent' && <Link to={paths.ratings}>{t('nav.ratings')}</Link>}
            {me.data?.kind === 'agent' && <Link to={paths.reports}>{t('nav.reports')}</Link>}
            {me.data?.kind === 'agent' && <Link to={paths.cannedReplies}>{t('nav.canned')}</Link>}
            {me.data?.role === 'admin' && <Link to={paths.adminPortal}>{t('nav.admin')}</Link>}
            {me.data?.role === 'admin' && <Link to={paths.auditLog}>{t('nav.audit')}</Link>}
            {me.data?.role === 'admin' && <Link to={paths.mailbox}>{t('nav.mailbox')}</Link>}
          </nav>
          <div className="topbar-end">
            <label className="locale">
              <span>{t('nav.language')}</span>
              <select value={locale} onChange={(e) => chooseLocale(e.target.value as Locale)}>
                {LOCALES.map((code) => (
                  <option key={code} value={code}>
                    {code === 'pt-BR' ? 'Português (Brasil)' : 'English'}
                  </option>
                ))}
              </select>
            </label>
            <ThemeSelect />
            {me.data && (
              <>
                {me.data.kind === 'agent' && agentMenu}
                <span className="who">{me.data.name}</span>
                {me.data.kind === 'contact' && <Link to={paths.preferences}>{t('nav.preferences')}</Link>}
                <Link to={paths.changePassword}>{t('nav.changePassword')}</Link>
                <button
                  type="button"
                  onClick={() => {
                    clearAllDrafts();
                    logout.mutate(undefined, { onSettled: () => navigate(paths.login, { replace: true }) });
                  }}
                >
                  {t('nav.signOut')}
                </button>
              </>
            )}
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <Suspense fallback={<p role="status">{t('list.loading')}</p>}>
          <Outlet />
        </Suspense>
      </main>
      <SessionDialog />
    </>
  );
}
