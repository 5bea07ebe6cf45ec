import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { paths } from '../../config/paths.js';
import { useI18n } from '../../lib/i18n/i18n.js';
import { loginPathReturningTo } from '../../lib/return-path.js';
import { useMe } from '../../lib/session.js';

/** To the sign-in page, which brings the visitor back here afterwards (e.g. a ticket opened from an e-mail). */
function SignInThenReturn() {
  const location = useLocation();
  return <Navigate to={loginPathReturningTo(paths.login, location.pathname + location.search + location.hash)} replace />;
}

/** Renders children for the right kind of account; sends anyone else to where they belong. */
export function RequireRole({ kind, children }: { kind: 'contact' | 'agent'; children: ReactNode }) {
  const me = useMe();
  const { t } = useI18n();
  if (me.isPending) return <p role="status">{t('list.loading')}</p>;
  if (!me.data) return <SignInThenReturn />;
  if (me.data.kind !== kind) return <Navigate to={me.data.kind === 'agent' ? paths.console : paths.panel} replace />;
  return <>{children}</>;
}

/** Renders children for any signed-in account. */
export function RequireSignedIn({ children }: { children: ReactNode }) {
  const me = useMe();
  const { t } = useI18n();
  if (me.isPending) return <p role="status">{t('list.loading')}</p>;
  if (!me.data) return <SignInThenReturn />;
  return <>{children}</>;
}

export function HomeRedirect() {
  const me = useMe();
  if (me.isPending) return null;
  if (!me.data) return <Navigate to={paths.login} replace />;
  return <Navigate to={me.data.kind === 'agent' ? paths.console : paths.panel} replace />;
}
