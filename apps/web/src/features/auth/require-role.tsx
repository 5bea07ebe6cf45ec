import type { ReactNode } from 'react';
import { Navigate } from 'react-router';
import { paths } from '../../config/paths.js';
import { useI18n } from '../../lib/i18n/i18n.js';
import { useMe } from '../../lib/session.js';

/** Renders children for the right kind of account; sends anyone else to where they belong. */
export function RequireRole({ kind, children }: { kind: 'contact' | 'agent'; children: ReactNode }) {
  const me = useMe();
  const { t } = useI18n();
  if (me.isPending) return <p role="status">{t('list.loading')}</p>;
  if (!me.data) return <Navigate to={paths.login} replace />;
  if (me.data.kind !== kind) return <Navigate to={me.data.kind === 'agent' ? paths.console : paths.panel} replace />;
  return <>{children}</>;
}

/** Renders children for any signed-in account. */
export function RequireSignedIn({ children }: { children: ReactNode }) {
  const me = useMe();
  const { t } = useI18n();
  if (me.isPending) return <p role="status">{t('list.loading')}</p>;
  if (!me.data) return <Navigate to={paths.login} replace />;
  return <>{children}</>;
}

export function HomeRedirect() {
  const me = useMe();
  if (me.isPending) return null;
  if (!me.data) return <Navigate to={paths.login} replace />;
  return <Navigate to={me.data.kind === 'agent' ? paths.console : paths.panel} replace />;
}
