import { placeholderValues, TODAY_WORK_STATUSES, type TicketStatus } from '@atende/domain';
import { useRef } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { paths } from '../../config/paths.js';
import { ErrorMessage } from '../../components/error-message.js';
import { StatusBadge } from '../../components/status-badge.js';
import { useMe } from '../../lib/session.js';
import { isApiError } from '../../lib/api-client.js';
import { useConsoleI18n } from '../../lib/i18n/console.js';
import { useAgentOptions } from '../../lib/agent-options.js';
import { useAgentTicket } from './agent-api.js';
import { CustomerCard, OnsiteVisitBox, OtherTickets } from './customer-card.js';
import { ExtendDueForm } from './extend-due-form.js';
import { FieldsForm } from './fields-form.js';
import { neighbourInQueue, ShortcutHelp } from './keyboard-shortcuts.js';
import { MergedNotice, MergeForm } from './merge-form.js';
import { MessageForm, type ComposerHandle } from './message-form.js';
import { PresenceLine, useTicketPresence, useTypingSignal } from './presence.js';
import { StatusForm } from './status-form.js';
import { TicketRatings } from './ticket-ratings.js';
import { HeldMailList } from './held-mail-list.js';
import { TicketTimeline } from './ticket-timeline.js';

/**
 * The ticket as a workspace: the conversation with its composer (sticky on a desktop, right under the
 * thread on a phone) beside a side panel with the properties, the customer and their other tickets.
 */
export function AgentTicketPage() {
  const { t, formatDateTime } = useConsoleI18n();
  const id = Number(useParams().id);
  const query = useAgentTicket(id);
  const options = useAgentOptions();
  const me = useMe();
  const navigate = useNavigate();
  const composer = useRef<ComposerHandle>(null);
  const [typing, onDraft] = useTypingSignal();
  const others = useTicketPresence(id, typing);
  const go = (step: 1 | -1) => {
    const next = neighbourInQueue(id, step);
    if (next !== null) void navigate(paths.agentTicket(next));
  };

  if (query.isPending) return <p role="status">{t('list.loading')}</p>;
  if (query.error) {
    return (
      <section>
        {isApiError(query.error, 'not_found') ? <h1>{t('error.notFound')}</h1> : <ErrorMessage error={query.error} />}
        <Link to={paths.console}>{t('ticket.backToConsole')}</Link>
      </section>
    );
  }
  const { ticket, messages, history, defaultVisibility, ratingLink, ratings, customer, otherTickets } = query.data;
  const placeholders = placeholderValues({ id: ticket.id, subject: ticket.subject, requesterName: ticket.requesterName, companyName: customer?.companyName ?? null }, me.data?.name ?? '');
  return (
    <article aria-labelledby="ticket-title" className="agent-ticket workspace">
      <div className="workspace-top">
        <Link to={paths.console}>{t('ticket.backToConsole')}</Link>
        <ShortcutHelp extra={{ j: () => go(1), k: () => go(-1), r: () => composer.current?.start('public'), n: () => composer.current?.start('internal') }} />
      </div>
      <header className="ticket-header">
        <h1 id="ticket-title">
          #{ticket.id} {ticket.subject}
        </h1>
        <StatusBadge status={ticket.status} />
        {ticket.overdue && <span className="badge overdue-badge">{t('ticket.overdue')}</span>}
        <PresenceLine agents={others} />
      </header>
      <div className="workspace-main">
        {ticket.status === 'closed' && <MergedNotice history={history} />}
        {ticket.status === 'onsite_visit' && customer && <OnsiteVisitBox customer={customer} />}
        <HeldMailList ticketId={ticket.id} version={ticket.version} items={query.data.heldMail} />
        <section className="conversation" aria-labelledby="thread-title">
          <h2 id="thread-title">{t('ticket.thread')}</h2>
          <div className="thread-scroll">
            <TicketTimeline ticketId={ticket.id} messages={messages} events={history} label={t('ticket.thread')} departments={new Map(options.data?.departments.map((d) => [d.id, d.name]))} />
          </div>
          <MessageForm ref={composer} ticketId={ticket.id} version={ticket.version} defaultVisibility={defaultVisibility} placeholders={placeholders} onDraftChange={onDraft} />
        </section>
      </div>
      <aside className="workspace-side" aria-label={t('workspace.sidePanel')}>
        <section className="side-card" aria-labelledby="facts-title">
          <h2 id="facts-title">{t('workspace.details')}</h2>
          <dl className="facts">
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
        </section>
        <section className="side-card">
          <StatusForm ticketId={ticket.id} version={ticket.version} current={ticket.status} />
        </section>
        <section className="side-card">
          <FieldsForm ticket={ticket} />
        </section>
        {(TODAY_WORK_STATUSES as readonly TicketStatus[]).includes(ticket.status) && (
          <section className="side-card">
            <ExtendDueForm ticketId={ticket.id} version={ticket.version} />
          </section>
        )}
        {customer && <CustomerCard customer={customer} />}
        <OtherTickets tickets={otherTickets} />
        {ticket.status !== 'closed' && <MergeForm ticketId={ticket.id} version={ticket.version} candidates={otherTickets} />}
        <TicketRatings ratingLink={ratingLink} ratings={ratings} />
      </aside>
    </article>
  );
}
