import { Link, useParams } from 'react-router';
import { paths } from '../../config/paths.js';
import { ErrorMessage } from '../../components/error-message.js';
import { useConsoleI18n } from '../../lib/i18n/console.js';
import { ContactTickets } from './contact-tickets.js';
import { useCompany } from './directory-api.js';

/** A company: its contacts and each contact's tickets. */
export function CompanyPage() {
  const { t } = useConsoleI18n();
  const id = Number(useParams().id);
  const company = useCompany(id);
  if (company.isPending) return <p role="status">{t('list.loading')}</p>;
  if (company.error) return <ErrorMessage error={company.error} />;
  const { company: c, contacts } = company.data;
  return (
    <section aria-labelledby="company-title">
      <p>
        <Link to={paths.directory}>{t('directory.back')}</Link>
      </p>
      <h1 id="company-title">{c.name}</h1>
      <p>
        <Link to={`${paths.console}?${new URLSearchParams({ empresa: String(c.id), empresaNome: c.name })}`}>{t('directory.companyQueue')}</Link>
      </p>
      {c.phone && (
        <p>
          {t('agent.phone')}: {c.phone}{' '}
          {c.whatsAppUrl && (
            <a href={c.whatsAppUrl} target="_blank" rel="noopener noreferrer">
              {t('agent.whatsApp')}
            </a>
          )}
        </p>
      )}
      <h2>{t('directory.contacts')}</h2>
      {contacts.length === 0 && <p>{t('directory.none')}</p>}
      {contacts.map((contact) => (
        <article key={contact.id} className="card" aria-labelledby={`contact-${contact.id}`}>
          <h3 id={`contact-${contact.id}`}>
            <Link to={paths.directoryContact(contact.id)}>{contact.name}</Link>
          </h3>
          <p>{contact.email}</p>
          <ContactTickets tickets={contact.tickets} label={t('directory.ticketsOf', { name: contact.name })} />
        </article>
      ))}
    </section>
  );
}
