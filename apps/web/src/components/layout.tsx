import { Suspense } from 'react';
import { Link, Outlet, useNavigate } from 'react-router';
import { paths } from '../app/paths.js';
import { useLogout, useMe } from '../features/auth/auth-api.js';
import { LOCALES, useI18n, type Locale } from '../lib/i18n/i18n.js';

export function Layout() {
  const { t, locale, setLocale } = useI18n();
  const me = useMe();
  const logout = useLogout();
  const navigate = useNavigate();

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
          {me.data?.kind === 'contact' && <Link to={paths.panel}>{t('nav.panel')}</Link>}
          {me.data?.kind === 'agent' && <Link to={paths.console}>{t('nav.console')}</Link>}
        </nav>
        <div className="topbar-end">
          <label className="locale">
            <span>{t('nav.language')}</span>
            <select value={locale} onChange={(e) => setLocale(e.target.value as Locale)}>
              {Object.keys(LOCALES).map((code) => (
                <option key={code} value={code}>
                  {code === 'pt-BR' ? 'Português (Brasil)' : 'English'}
                </option>
              ))}
            </select>
          </label>
          {me.data && (
            <>
              <span className="who">{me.data.name}</span>
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
