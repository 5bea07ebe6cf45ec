import { Link, useParams } from 'react-router';
import { paths } from '../../config/paths.js';
import { ErrorMessage } from '../../components/error-message.js';
import { useConsoleI18n } from '../../lib/i18n/console.js';
import { ContactTickets } from './contact-tickets.js';
import { useContact } from './directory-api.js';
import { LogConversationForm } from './log-conversation-form.js';
import { OnBehalfForm } from './on-behalf-form.js';
import { ContactAccess } from './contact-access.js';
import { ContactForm } from './contact-form.js';

/** A contact: phone (WhatsApp link), tickets, a new ticket on their behalf, and "Registrar conversa". */
export function ContactPage() {
  const { t } = useConsoleI18n();
  const id = Number(useParams().id);
  const contact = useContact(id);
  if (contact.isPending) return <p role="status">{t('list.loading')}</p>;
  if (contact.error) return <ErrorMessage error={contact.error} />;
  const { contact: c, tickets } = contact.data;
  return (
    <section aria-labelledby="contact-title">
      <p>
        <Link to={paths.directory}>{t('directory.back')}</Link>
      </p>
      <h1 id="contact-title">{c.name}</h1>
      <dl className="facts">
        <dt>{t('directory.email')}</dt>
        <dd>{[c.email, ...c.extraEmails].join(', ')}</dd>
        <dt>{t('directory.company')}</dt>
        <dd>{c.companyId !== null ? <Link to={paths.directoryCompany(c.companyId)}>{c.companyName}</Link> : '—'}</dd>
        <dt>{t('agent.phone')}</dt>
        <dd>
          {c.phone ?? '—'}{' '}
          {c.whatsAppUrl && (
            <a href={c.whatsAppUrl} target="_blank" rel="noopener noreferrer">
              {t('agent.whatsApp')}
            </a>
          )}
        </dd>
      </dl>
      <ContactAccess contactId={id} active={c.active} />
      <h2>{t('directory.tickets')}</h2>
      <ContactTickets tickets={tickets} label={t('directory.ticketsOf', { name: c.name })} />
      <LogConversationForm key={`log-${id}`} contactId={id} tickets={tickets} />
      <OnBehalfForm key={`new-${id}`} contactId={id} />
      <ContactForm
        key={`edit-${id}-${c.email}-${c.name}`}
        contactId={id}
        title={t('contact.edit')}
        initial={{ name: c.name, email: c.email, phone: c.phone ?? '', companyId: c.companyId !== null ? String(c.companyId) : '', extraEmails: c.extraEmails.join('\n') }}
      />
    </section>
  );
}
