import type { ThreadItem } from '../../components/thread.js';
import { AttachmentList } from '../../components/attachment-list.js';
import { useConsoleI18n } from '../../lib/i18n/console.js';
import { useDescribeEvent, type DepartmentNames, type HistoryEvent } from './ticket-history.js';

type Entry = { kind: 'message'; at: number; rank: number; message: ThreadItem } | { kind: 'event'; at: number; rank: number; event: HistoryEvent };

/**
 * The agent's view of a ticket: messages (internal notes marked) and history events in one list, by time.
 * At the same instant "opened" comes first, then the message, then what it caused (status change, e-mail).
 */
export function TicketTimeline({ messages, events, label, departments, ticketId }: { messages: ThreadItem[]; events: HistoryEvent[]; label: string; departments?: DepartmentNames; ticketId: number }) {
  const { t, formatDateTime } = useConsoleI18n();
  const describe = useDescribeEvent(departments);
  const entries: Entry[] = [
    ...messages.map((message): Entry => ({ kind: 'message', at: Date.parse(message.createdAt), rank: 1, message })),
    ...events.map((event): Entry => ({ kind: 'event', at: Date.parse(event.createdAt), rank: event.type === 'created' ? 0 : 2, event })),
  ].sort((a, b) => a.at - b.at || a.rank - b.rank);
  return (
    // "history" keeps the event lines styled (and found) as the ticket's history.
    <ol className="thread timeline history" aria-label={label}>
      {entries.map((entry) =>
        entry.kind === 'message' ? (
          <li key={`m${entry.message.id}`} className={`message from-${entry.message.authorKind} ${entry.message.visibility === 'internal' ? 'internal' : ''}`}>
            <p className="meta">
              <strong>{entry.message.authorName ?? t('ticket.system')}</strong>
              {entry.message.visibility === 'internal' && <span className="badge internal-badge">{t('ticket.internal')}</span>}
              <time dateTime={entry.message.createdAt}>{formatDateTime(entry.message.createdAt)}</time>
            </p>
            <p className="body">{entry.message.body}</p>
            <AttachmentList ticketId={ticketId} attachments={entry.message.attachments ?? []} />
          </li>
        ) : (
          <li key={`e${entry.event.id}`} className="event">
            <time dateTime={entry.event.createdAt}>{formatDateTime(entry.event.createdAt)}</time> {describe(entry.event)}
          </li>
        ),
      )}
    </ol>
  );
}
