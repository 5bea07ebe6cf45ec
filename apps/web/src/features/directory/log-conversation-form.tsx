import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { paths } from '../../config/paths.js';
import { useConsoleI18n } from '../../lib/i18n/console.js';
import type { ContactTicket } from './contact-tickets.js';
import { useLogConversation } from './directory-api.js';
import { FormError } from './field-errors.js';
import { EMPTY_PROPERTIES, TicketPropertiesFields } from './ticket-properties.js';

/**
 * "Registrar conversa" (seed 001 §1.1–1.2): the pasted transcript goes to the customer's thread as a
 * public message; the summary is an internal note. Save as a new ticket, or append to one of this
 * contact's open tickets, optionally resolving it.
 */
export function LogConversationForm({ contactId, tickets }: { contactId: number; tickets: ContactTicket[] }) {
  const { t } = useConsoleI18n();
  const log = useLogConversation(contactId);
  const [mode, setMode] = useState<'new' | 'append'>('new');
  const [props, setProps] = useState(EMPTY_PROPERTIES);
  const [ticketId, setTicketId] = useState('');
  const [transcript, setTranscript] = useState('');
  const [summary, setSummary] = useState('');
  const [idempotencyKey, setIdempotencyKey] = useState(() => crypto.randomUUID());
  const [done, setDone] = useState<{ id: number; status: string } | null>(null);
  const appendable = tickets.filter((ticket) => ticket.status !== 'closed');

  const submit = (resolve: boolean) => {
    if (log.isPending) return;
    const input =
      mode === 'new'
        ? { mode, subject: props.subject, departmentId: Number(props.departmentId), priority: props.priority, transcript, summary, idempotencyKey }
        : { mode, ticketId: Number(ticketId), transcript, summary, resolve };
    log.mutate(input, {
      onSuccess: (data) => {
        setDone({ id: data.ticket.id, status: data.ticket.status });
        setProps(EMPTY_PROPERTIES);
        setTranscript('');
        setSummary('');
        setTicketId('');
        setIdempotencyKey(crypto.randomUUID());
      },
    });
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit(false);
  };

  return (
    <form onSubmit={onSubmit} className="card" aria-labelledby="log-conversation-title" noValidate>
      <h2 id="log-conversation-title">{t('conversation.title')}</h2>
      <fieldset>
        <legend>{t('conversation.mode')}</legend>
        <label>
          <input type="radio" name="conversation-mode" checked={mode === 'new'} onChange={() => setMode('new')} /> {t('conversation.asNew')}
        </label>{' '}
        <label>
          <input type="radio" name="conversation-mode" checked={mode === 'append'} onChange={() => setMode('append')} /> {t('conversation.append')}
        </label>
      </fieldset>
      {mode === 'new' ? (
        <TicketPropertiesFields idPrefix="conversation" value={props} onChange={setProps} />
      ) : (
        <div className="field">
          <label htmlFor="conversation-ticket">{t('conversation.ticket')}</label>
          <select id="conversation-ticket" value={ticketId} onChange={(e) => setTicketId(e.target.value)} required>
            <option value="">{t('newTicket.choose')}</option>
            {appendable.map((ticket) => (
              <option key={ticket.id} value={ticket.id}>
                #{ticket.id} {ticket.subject} ({t(`status.${ticket.status}`)})
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="field">
        <label htmlFor="conversation-transcript">{t('conversation.transcript')}</label>
        <textarea id="conversation-transcript" rows={8} value={transcript} onChange={(e) => setTranscript(e.target.value)} required />
      </div>
      <div className="field">
        <label htmlFor="conversation-summary">{t('conversation.summary')}</label>
        <textarea id="conversation-summary" rows={3} value={summary} onChange={(e) => setSummary(e.target.value)} required aria-describedby="conversation-summary-hint" />
        <p id="conversation-summary-hint" className="hint">
          {t('conversation.summaryHint')}
        </p>
      </div>
      <FormError error={log.error} />
      {mode === 'new' ? (
        <button type="submit" className="primary" aria-disabled={log.isPending || undefined}>
          {t('conversation.saveNew')}
        </button>
      ) : (
        <>
          <button type="submit" aria-disabled={log.isPending || undefined}>
            {t('conversation.saveAppend')}
          </button>{' '}
          <button type="button" className="primary" onClick={() => submit(true)} aria-disabled={log.isPending || undefined}>
            {t('conversation.saveAppendResolve')}
          </button>
        </>
      )}
      {done && (
        <p role="status" className="notice">
          {t('conversation.saved')} <Link to={paths.agentTicket(done.id)}>#{done.id}</Link> ({t(`status.${done.status as ContactTicket['status']}`)})
        </p>
      )}
    </form>
  );
}
