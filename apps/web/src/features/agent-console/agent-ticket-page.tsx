import { TextareaField } from '../../components/textarea-field.js';
import type { UploadedFile } from '@atende/contracts';
import { AttachmentPicker } from '../../components/attachment-picker.js';
import { TICKET_STATUSES, TODAY_WORK_STATUSES, whatsAppUrl, type TicketStatus } from '@atende/domain';
import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { paths } from '../../config/paths.js';
import { ErrorMessage } from '../../components/error-message.js';
import { StatusBadge } from '../../components/status-badge.js';
import { isApiError } from '../../lib/api-client.js';
import { useI18n } from '../../lib/i18n/i18n.js';
import { useAgentOptions } from '../../lib/agent-options.js';
import { useAgentTicket, usePostMessage, useSetStatus } from './agent-api.js';
import { DueDateField } from './due-date-field.js';
import { ExtendDueForm } from './extend-due-form.js';
import { FieldsForm } from './fields-form.js';
import { TicketRatings } from './ticket-ratings.js';
import { HeldMailList } from './held-mail-list.js';
import { TicketTimeline } from './ticket-timeline.js';

export function AgentTicketPage() {
  const { t, formatDateTime } = useI18n();
  const id = Number(useParams().id);
  const query = useAgentTicket(id);
  const options = useAgentOptions();

  if (query.isPending) return <p role="status">{t('list.loading')}</p>;
  if (query.error) {
    return (
      <section>
        {isApiError(query.error, 'not_found') ? <h1>{t('error.notFound')}</h1> : <ErrorMessage error={query.error} />}
        <Link to={paths.console}>{t('ticket.backToConsole')}</Link>
      </section>
    );
  }
  const { ticket, messages, history, defaultVisibility, ratingLink, ratings } = query.data;
  return (
    <article aria-labelledby="ticket-title" className="agent-ticket">
      <Link to={paths.console}>{t('ticket.backToConsole')}</Link>
      <header className="ticket-header">
        <h1 id="ticket-title">
          #{ticket.id} {ticket.subject}
        </h1>
        <StatusBadge status={ticket.status} />
        <dl className="facts">
          <dt>{t('agent.requester')}</dt>
          <dd>{ticket.requesterName}</dd>
          <dt>{t('agent.phone')}</dt>
          <dd>
            {ticket.requesterPhone ?? '—'}
            {whatsAppUrl(ticket.requesterPhone) && (
              <>
                {' '}
                <a href={whatsAppUrl(ticket.requesterPhone)!} target="_blank" rel="noopener noreferrer">
                  {t('agent.whatsApp')}
                </a>
              </>
            )}
          </dd>
          <dt>{t('ticket.department')}</dt>
          <dd>{ticket.departmentName ?? '—'}</dd>
          <dt>{t('ticket.origin')}</dt>
          <dd>{t(`origin.${ticket.origin}`)}</dd>
          <dt>{t('ticket.assignee')}</dt>
          <dd>{ticket.assigneeName ?? t('ticket.noAssignee')}</dd>
          <dt>{t('ticket.dueAt')}</dt>
          <dd>
            {ticket.dueAt ? <time dateTime={ticket.dueAt}>{formatDateTime(ticket.dueAt)}</time> : t('ticket.noDueDate')}
            {ticket.overdue && <span className="badge overdue-badge"> {t('ticket.overdue')}</span>}
          </dd>
        </dl>
      </header>
      <FieldsForm key={ticket.version} ticket={ticket} />
      <StatusForm ticketId={ticket.id} version={ticket.version} current={ticket.status} />
      {(TODAY_WORK_STATUSES as readonly TicketStatus[]).includes(ticket.status) && <ExtendDueForm ticketId={ticket.id} version={ticket.version} />}
      <HeldMailList ticketId={ticket.id} version={ticket.version} items={query.data.heldMail} />
      <h2>{t('ticket.thread')}</h2>
      <TicketTimeline ticketId={ticket.id} messages={messages} events={history} label={t('ticket.thread')} departments={new Map(options.data?.departments.map((d) => [d.id, d.name]))} />
      <MessageForm ticketId={ticket.id} version={ticket.version} defaultVisibility={defaultVisibility} />
      <TicketRatings ratingLink={ratingLink} ratings={ratings} />
    </article>
  );
}

function MessageForm({ ticketId, version, defaultVisibility }: { ticketId: number; version: number; defaultVisibility: 'public' | 'internal' }) {
  const { t } = useI18n();
  const post = usePostMessage(ticketId);
  const [body, setBody] = useState('');
  const [visibility, setVisibility] = useState<'public' | 'internal'>(defaultVisibility);
  const [nextStatus, setNextStatus] = useState<TicketStatus>('waiting_customer');
  const [dueDate, setDueDate] = useState('');
  const [files, setFiles] = useState<UploadedFile[]>([]);
  const fieldError = isApiError(post.error) ? post.error.body.fields?.body : undefined;
  const filesError = isApiError(post.error) ? post.error.body.fields?.attachmentIds : undefined;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    post.mutate(
      { body, visibility, expectedVersion: version, ...(files.length ? { attachmentIds: files.map((f) => f.id) } : {}), ...(visibility === 'public' ? { nextStatus, ...(dueDate ? { dueDate } : {}) } : {}) },
      {
        onSuccess: () => {
          setBody('');
          setDueDate('');
          setFiles([]);
        },
      },
    );
  };

  return (
    <form onSubmit={onSubmit} className="reply" noValidate>
      <fieldset className="inline">
        <legend>{t('agent.visibility')}</legend>
        <label>
          <input type="radio" name="visibility" checked={visibility === 'public'} onChange={() => setVisibility('public')} />
          {t('agent.public')}
        </label>
        <label>
          <input type="radio" name="visibility" checked={visibility === 'internal'} onChange={() => setVisibility('internal')} />
          {t('agent.internalNote')}
        </label>
      </fieldset>
      <TextareaField id="agent-message" label={t('agent.message')} value={body} onChange={setBody} error={fieldError} rows={5} />
      <AttachmentPicker id="agent-files" files={files} onChange={setFiles} error={filesError} />
      {visibility === 'public' && (
        <div className="field">
          <label htmlFor="agent-next-status">{t('agent.nextStatus')}</label>
          <StatusSelect id="agent-next-status" value={nextStatus} onChange={setNextStatus} />
        </div>
      )}
      {visibility === 'public' && <DueDateField id="agent-reply-due" label="agent.replyDueDate" status={nextStatus} value={dueDate} onChange={setDueDate} />}
      {post.error && !fieldError && !filesError && <ErrorMessage error={post.error} />}
      {post.isSuccess && <p role="status">{t('agent.sent')}</p>}
      <button type="submit" className="primary" disabled={post.isPending}>
        {t('agent.send')}
      </button>
    </form>
  );
}

function StatusForm({ ticketId, version, current }: { ticketId: number; version: number; current: TicketStatus }) {
  const { t } = useI18n();
  const setStatus = useSetStatus(ticketId);
  const [status, setStatusValue] = useState<TicketStatus>(current);
  const [dueDate, setDueDate] = useState('');
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setStatus.mutate({ status, expectedVersion: version, ...(dueDate ? { dueDate } : {}) });
  };
  return (
    <form onSubmit={onSubmit} className="status-form">
      <label htmlFor="agent-status">{t('agent.status')}</label>
      <StatusSelect id="agent-status" value={status} onChange={setStatusValue} />
      <DueDateField id="agent-status-due" label="agent.dueDate" status={status} value={dueDate} onChange={setDueDate} />
      <button type="submit" disabled={setStatus.isPending}>
        {t('agent.changeStatus')}
      </button>
      {setStatus.error && <ErrorMessage error={setStatus.error} />}
      {setStatus.isSuccess && <p role="status">{t('agent.statusChanged')}</p>}
    </form>
  );
}

function StatusSelect({ id, value, onChange }: { id: string; value: TicketStatus; onChange: (s: TicketStatus) => void }) {
  const { t } = useI18n();
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.target.value as TicketStatus)}>
      {TICKET_STATUSES.map((s) => (
        <option key={s} value={s}>
          {t(`status.${s}`)}
        </option>
      ))}
    </select>
  );
}
