import { Link, useNavigate } from 'react-router';
import { paths } from '../../config/paths.js';
import { useConsoleI18n } from '../../lib/i18n/console.js';
import { ContactForm, EMPTY_CONTACT } from './contact-form.js';

/** Clientes → Novo contato; saved, it opens the contact's page (where they can be invited to the portal). */
export function NewContactPage() {
  const { t } = useConsoleI18n();
  const navigate = useNavigate();
  return (
    <section aria-labelledby="new-contact-title">
      <p>
        <Link to={paths.directory}>{t('directory.back')}</Link>
      </p>
      <h1 id="new-contact-title">{t('contact.new')}</h1>
      <ContactForm contactId={null} initial={EMPTY_CONTACT} title={t('contact.new')} onSaved={(id) => void navigate(paths.directoryContact(id))} />
    </section>
  );
}
