import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { paths } from '../../config/paths.js';
import { useConsoleI18n } from '../../lib/i18n/console.js';
import { useFileOnBehalf } from './directory-api.js';
import { FormError } from './field-errors.js';
import { EMPTY_PROPERTIES, TicketPropertiesFields } from './ticket-properties.js';

/**
 * "Novo chamado" for a contact (origin agent). One ticket per problem (seed 001 §1.3): after filing,
 * the form empties with a fresh key so the agent files the next subject right away.
 */
export function OnBehalfForm({ contactId }: { contactId: number }) {
  const { t } = useConsoleI18n();
  const file = useFileOnBehalf(contactId);
  const [props, setProps] = useState(EMPTY_PROPERTIES);
  const [body, setBody] = useState('');
  const [idempotencyKey, setIdempotencyKey] = useState(() => crypto.randomUUID());
  const [created, setCreated] = useState<number[]>([]);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (file.isPending) return;
    file.mutate(
      { subject: props.subject, departmentId: Number(props.departmentId), priority: props.priority, body, idempotencyKey },
      {
        onSuccess: (data) => {
          setCreated((ids) => (ids.includes(data.ticket.id) ? ids : [...ids, data.ticket.id]));
          setProps(EMPTY_PROPERTIES);
          setBody('');
          setIdempotencyKey(crypto.randomUUID());
        },
      },
    );
  };

  return (
    <form onSubmit={onSubmit} className="card" aria-labelledby="on-behalf-title" noValidate>
      <h2 id="on-behalf-title">{t('directory.newTicket')}</h2>
      <TicketPropertiesFields idPrefix="on-behalf" value={props} onChange={setProps} />
      <div className="field">
        <label htmlFor="on-behalf-body">{t('directory.firstMessage')}</label>
        <textarea id="on-behalf-body" rows={4} value={body} onChange={(e) => setBody(e.target.value)} required />
      </div>
      <FormError error={file.error} />
      <button type="submit" className="primary" aria-disabled={file.isPending || undefined}>
        {t('directory.createTicket')}
      </button>
      {created.length > 0 && (
        <p role="status" className="notice">
          {t('directory.created')}{' '}
          {created.map((id) => (
            <Link key={id} to={paths.agentTicket(id)}>
              #{id}{' '}
            </Link>
          ))}
        </p>
      )}
    </form>
  );
}
