import { Link } from 'react-router';
import { paths } from '../config/paths.js';
import { useI18n } from '../lib/i18n/i18n.js';

export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <section>
      <h1>{t('error.pageNotFound')}</h1>
      <Link to={paths.home}>{t('app.name')}</Link>
    </section>
  );
}
