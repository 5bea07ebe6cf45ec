import { whatsAppUrl, type TicketStatus } from '@atende/domain';
import { Link } from 'react-router';
import { paths } from '../../config/paths.js';
import { StatusBadge } from '../../components/status-badge.js';
import { useConsoleI18n } from '../../lib/i18n/console.js';

export interface CustomerCardData {
  contactId: number;
  name: string;
  email: string;
  phone: string | null;
  address: string | null;
  companyName: string | null;
}

function PhoneLinks({ phone, whatsApp = true }: { phone: string | null; whatsApp?: boolean }) {
  const { t } = useConsoleI18n();
  if (!phone) return <>—</>;
  const wa = whatsApp ? whatsAppUrl(phone) : null;
  return (
    <>
      <a href={`tel:${phone.replace(/[^\d+]/g, '')}`}>{phone}</a>
      {wa && (
        <>
          {' · '}
          <a href={wa} target="_blank" rel="noopener noreferrer">
            {t('agent.whatsApp')}
          </a>
        </>
      )}
    </>
  );
}

/**
 * The technician's box on an onsite-visit ticket: where to go and whom to call, first thing on the
 * page (read on a phone in the field).
 */
export function OnsiteVisitBox({ customer }: { customer: CustomerCardData }) {
  const { t } = useConsoleI18n();
  return (
    <section className="onsite-visit notice" aria-labelledby="onsite-title">
      <h2 id="onsite-title">{t('workspace.onsiteTitle')}</h2>
      <dl className="card-facts">
        <dt>{t('workspace.address')}</dt>
        <dd>
          {customer.address ? (
            <>
              {customer.address}{' '}
              <a href={`https://www.google.com/maps/search/?api=1&query=${encodeURIComponent(customer.address)}`} target="_blank" rel="noopener noreferrer">
                {t('workspace.openMap')}
              </a>
            </>
          ) : (
            t('workspace.noAddress')
          )}
        </dd>
        <dt>{t('agent.phone')}</dt>
        <dd>
          {/* A tap calls; the WhatsApp link is in the customer card below. */}
          <PhoneLinks phone={customer.phone} whatsApp={false} />
        </dd>
      </dl>
    </section>
  );
}

/** Who the customer is, in the side panel. */
export function CustomerCard({ customer }: { customer: CustomerCardData }) {
  const { t } = useConsoleI18n();
  return (
    <section className="side-card" aria-labelledby="customer-title">
      <h2 id="customer-title">{t('agent.requester')}</h2>
      <dl className="card-facts">
        <dt>{t('workspace.name')}</dt>
        <dd>
          <Link to={paths.directoryContact(customer.contactId)}>{customer.name}</Link>
        </dd>
        {customer.companyName && (
          <>
            <dt>{t('workspace.company')}</dt>
            <dd>{customer.companyName}</dd>
          </>
        )}
        <dt>{t('login.email')}</dt>
        <dd className="break">{customer.email}</dd>
        <dt>{t('agent.phone')}</dt>
        <dd>
          <PhoneLinks phone={customer.phone} />
        </dd>
        {customer.address && (
          <>
            <dt>{t('workspace.address')}</dt>
            <dd>{customer.address}</dd>
          </>
        )}
      </dl>
    </section>
  );
}

/** The customer's other recent tickets: a duplicate, or what they asked last week. */
export function OtherTickets({ tickets }: { tickets: { id: number; subject: string; status: TicketStatus; updatedAt: string | null }[] }) {
  const { t } = useConsoleI18n();
  return (
    <section className="side-card" aria-labelledby="other-tickets-title">
      <h2 id="other-tickets-title">{t('workspace.otherTickets')}</h2>
      {tickets.length === 0 ? (
        <p className="empty">{t('workspace.noOtherTickets')}</p>
      ) : (
        <ul className="other-tickets">
          {tickets.map((o) => (
            <li key={o.id}>
              <Link to={paths.agentTicket(o.id)}>
                #{o.id} {o.subject}
              </Link>{' '}
              <StatusBadge status={o.status} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
