import { NavLink, Outlet } from 'react-router';
import { paths } from '../../config/paths.js';
import { useConsoleI18n } from '../../lib/i18n/console.js';
import { useMe } from '../../lib/session.js';

/** The admin console's frame: sections, for admins only (the API refuses others too). */
export function AdminLayout() {
  const { t } = useConsoleI18n();
  const me = useMe();
  if (me.data?.role !== 'admin') return <p role="alert" className="error">{t('admin.forbidden')}</p>;
  return (
    <section aria-labelledby="admin-title">
      <h1 id="admin-title">{t('admin.title')}</h1>
      <nav aria-label={t('admin.sections')} className="admin-nav">
        <NavLink to={paths.adminPortal}>{t('admin.portal')}</NavLink>
        <NavLink to={paths.adminDepartments}>{t('admin.departments')}</NavLink>
        <NavLink to={paths.adminSubjects}>{t('admin.subjects')}</NavLink>
        <NavLink to={paths.adminTeam}>{t('team.title')}</NavLink>
        <NavLink to={paths.importContacts}>{t('import.title')}</NavLink>
        <NavLink to={paths.adminSettings}>{t('settings.title')}</NavLink>
        <NavLink to={paths.adminSla}>{t('sla.title')}</NavLink>
      </nav>
      <Outlet />
    </section>
  );
}
