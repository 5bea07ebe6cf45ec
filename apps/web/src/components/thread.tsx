import { useI18n } from '../lib/i18n/i18n.js';
import { AttachmentList, type AttachmentItem } from './attachment-list.js';

export interface ThreadItem {
  id: number;
  authorKind: 'contact' | 'agent' | 'system';
  authorName: string | null;
  visibility: 'public' | 'internal';
  body: string;
  createdAt: string;
  /** Anexos: thumbnails or download links under the text. */
  attachments?: AttachmentItem[];
}

/** A ticket's messages, oldest first. Bodies are rendered as text: never as HTML. */
export function Thread({ messages, label, ticketId }: { messages: ThreadItem[]; label: string; ticketId: number }) {
  const { t, formatDateTime } = useI18n();
  return (
    <ol className="thread" aria-label={label}>
      {messages.map((m) => (
        <li key={m.id} className={`message from-${m.authorKind} ${m.visibility === 'internal' ? 'internal' : ''}`}>
          <p className="meta">
            <strong>{m.authorName ?? t('ticket.system')}</strong>
            {m.visibility === 'internal' && <span className="badge internal-badge">{t('ticket.internal')}</span>}
            <time dateTime={m.createdAt}>{formatDateTime(m.createdAt)}</time>
          </p>
          <p className="body">{m.body}</p>
          <AttachmentList ticketId={ticketId} attachments={m.attachments ?? []} />
        </li>
      ))}
    </ol>
  );
}
