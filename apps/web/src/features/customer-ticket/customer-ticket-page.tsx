import { TextareaField } from '../../components/textarea-field.js';
import type { UploadedFile } from '@atende/contracts';
import { AttachmentPicker } from '../../components/attachment-picker.js';
import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { paths } from '../../config/paths.js';
import { ErrorMessage } from '../../components/error-message.js';
import { StatusBadge } from '../../components/status-badge.js';
import { Thread } from '../../components/thread.js';
import { isApiError } from '../../lib/api-client.js';
import { draftKey, useTextDraft } from '../../lib/drafts.js';
import { useMe } from '../../lib/session.js';
import { useI18n } from '../../lib/i18n/i18n.js';
import { useConfirmSolution, useCustomerTicket, useNotResolved, useRateTicket, useReply } from './customer-ticket-api.js';
import { RatingForm } from './rating-form.js';
import { ReopenRefusal } from './reopen-refusal.js';
import { ResolutionDecision } from './resolution-decision.js';
import { DecisionOutcome } from './decision-outcome.js';
import { AutomationNotice } from './automation-notice.js';
import { MyRatings } from './my-ratings.js';
import { AnswerByNotice, DueDateFacts } from './ticket-dates.js';

export function CustomerTicketPage() {
  const { t } = useI18n();
  const id = Number(useParams().id);
  const query = useCustomerTicket(id);
  // Held here, not in the forms: a decision's outcome (or a lost race) stays visible after the refetch.
  const confirm = useConfirmSolution(id);
  const notResolved = useNotResolved(id);
  const rate = useRateTicket(id);

  if (query.isPending) return <p role="status">{t('list.loading')}</p>;
  if (query.error) {
    return (
      <section>
        {isApiError(query.error, 'not_found') ? <h1>{t('error.notFound')}</h1> : <ErrorMessage error={query.error} />}
        <Link to={paths.panel}>{t('ticket.back')}</Link>
      </section>
    );
  }
  const { ticket, messages } = query.data;
  // A company manager reads a colleague's ticket; only its requester acts on it (issue 15).
  const isRequester = ticket.viewer === 'requester';
  return (
    <article aria-labelledby="ticket-title">
      <Link to={paths.panel} className="back-link">{t('ticket.back')}</Link>
      <header className="ticket-header">
        <h1 id="ticket-title">
          #{ticket.id} {ticket.subject}
        </h1>
        <StatusBadge status={ticket.status} />
        <dl className="facts">
          <dt>{t('ticket.department')}</dt>
          <dd>{ticket.departmentName ?? '—'}</dd>
          <dt>{t('ticket.assignee')}</dt>
          <dd>{ticket.assigneeName ?? t('ticket.noAssignee')}</dd>
          <DueDateFacts dates={query.data.dates} />
        </dl>
      </header>
      <DecisionOutcome confirm={confirm} notResolved={notResolved} rate={rate} />
      {ticket.mergedInto !== null && (
        <p className="notice" role="note">
          {t('ticket.mergedInto')} <Link to={paths.customerTicket(ticket.mergedInto)}>#{ticket.mergedInto}</Link>
        </p>
      )}
      {!isRequester && (
        <p className="notice" role="note">
          {t('company.readOnly', { name: ticket.requesterName })}
        </p>
      )}
      {ticket.status === 'resolved' && <AnswerByNotice dates={query.data.dates} />}
      {isRequester && ticket.status === 'resolved' && <ResolutionDecision ticketId={ticket.id} version={ticket.version} confirm={confirm} notResolved={notResolved} />}
      {ticket.canRate && <RatingForm version={ticket.version} rate={rate} />}
      <MyRatings ratings={query.data.ratings} />
      <AutomationNotice automation={query.data.automation} />
      <h2>{t('ticket.thread')}</h2>
      <Thread messages={messages} label={t('ticket.thread')} ticketId={ticket.id} />
      {ticket.canReply ? (
        <ReplyForm ticketId={ticket.id} version={ticket.version} />
      ) : isRequester && ticket.mergedInto === null ? (
        // A merged duplicate needs no refusal: the notice above links to the ticket that continues.
        <ReopenRefusal ticketId={ticket.id} reason={ticket.replyRefusal} />
      ) : null}
    </article>
  );
}

function ReplyForm({ ticketId, version }: { ticketId: number; version: number }) {
  const { t } = useI18n();
  const reply = useReply(ticketId);
  const [body, setBody, clearBody] = useTextDraft(draftKey(useMe().data?.id, `reply.${ticketId}`));
  const [files, setFiles] = useState<UploadedFile[]>([]);
  const fieldError = isApiError(reply.error) ? reply.error.body.fields?.body : undefined;
  const filesError = isApiError(reply.error) ? reply.error.body.fields?.attachmentIds : undefined;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    reply.mutate(
      { body, expectedVersion: version, ...(files.length ? { attachmentIds: files.map((f) => f.id) } : {}) },
      {
        onSuccess: () => {
          clearBody();
          setFiles([]);
        },
      },
    );
  };

  return (
    <form onSubmit={onSubmit} className="reply" noValidate>
      <TextareaField id="reply-body" label={t('ticket.yourMessage')} value={body} onChange={setBody} error={fieldError} rows={5} />
      <AttachmentPicker id="reply-files" files={files} onChange={setFiles} error={filesError} />
      {reply.error && !fieldError && !filesError && <ErrorMessage error={reply.error} />}
      {reply.isSuccess && <p role="status">{t('ticket.replySent')}</p>}
      <button type="submit" className="primary" disabled={reply.isPending}>
        {reply.isPending ? t('ticket.sending') : t('ticket.reply')}
      </button>
    </form>
  );
}
