import { useState, type FormEvent } from 'react';
import { ErrorMessage } from '../../components/error-message.js';
import { useConsoleI18n } from '../../lib/i18n/console.js';
import { useExtendDue } from './agent-api.js';

/** Extends the due date with an internal note saying why (seed 001 §3: contact made, date extended). */
export function ExtendDueForm({ ticketId, version }: { ticketId: number; version: number }) {
  const { t } = useConsoleI18n();
  const extend = useExtendDue(ticketId);
  const [dueDate, setDueDate] = useState('');
  const [note, setNote] = useState('');
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    extend.mutate({ dueDate, note, expectedVersion: version }, { onSuccess: () => setNote('') });
  };
  return (
    <form onSubmit={onSubmit} className="extend-due" aria-labelledby="extend-due-title" noValidate>
      <h2 id="extend-due-title">{t('agent.extendDueTitle')}</h2>
      <div className="field">
        <label htmlFor="extend-due-date">{t('agent.newDueDate')}</label>
        <input id="extend-due-date" type="date" value={dueDate} onChange={(e) => setDueDate(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="extend-due-note">{t('agent.extendNote')}</label>
        <textarea id="extend-due-note" rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
      </div>
      {extend.error && <ErrorMessage error={extend.error} />}
      {extend.isSuccess && <p role="status">{t('agent.dueExtended')}</p>}
      <button type="submit" disabled={extend.isPending}>
        {t('agent.extendDue')}
      </button>
    </form>
  );
}
