import { ErrorMessage } from '../../components/error-message.js';
import { useConsoleI18n } from '../../lib/i18n/console.js';
import { useMailbox } from './mailbox-api.js';

/** Splits e-mail text so its links can be followed; everything stays text (never HTML). */
function TextWithLinks({ text }: { text: string }) {
  const parts = text.split(/(https?:\/\/[^\s<>"]+)/g);
  return (
    <pre className="mail-text">
      {parts.map((part, i) => (i % 2 === 1 ? <a key={i} href={part}>{part}</a> : part))}
    </pre>
  );
}

/** The local mailbox (admins): every e-mail the portal recorded, newest first. Lazy-loaded. */
export function MailboxPage() {
  const { t, formatDateTime } = useConsoleI18n();
  const query = useMailbox();
  if (query.isPending) return <p role="status">{t('list.loading')}</p>;
  if (query.error) return <ErrorMessage error={query.error} />;
  const items = query.data.pages.flatMap((p) => p.items);
  return (
    <section aria-labelledby="mailbox-title">
      <h1 id="mailbox-title">{t('mailbox.title')}</h1>
      <p>{t('mailbox.intro')}</p>
      {items.length === 0 && <p>{t('mailbox.empty')}</p>}
      <ol className="mailbox">
        {items.map((m) => (
          <li key={m.id}>
            <article aria-labelledby={`mail-${m.id}`}>
              <h2 id={`mail-${m.id}`}>{m.subject}</h2>
              <dl className="facts">
                <dt>{t('mailbox.to')}</dt>
                <dd>{m.to}</dd>
                <dt>{t('mailbox.replyTo')}</dt>
                <dd>{m.replyTo ?? '—'}</dd>
                <dt>{t('mailbox.status')}</dt>
                <dd>{t(`mailbox.status.${m.status}`)}</dd>
              </dl>
              <time dateTime={m.createdAt}>{formatDateTime(m.createdAt)}</time>
              <TextWithLinks text={m.text} />
            </article>
          </li>
        ))}
      </ol>
      {query.hasNextPage && (
        <button type="button" onClick={() => void query.fetchNextPage()} disabled={query.isFetchingNextPage}>
          {t('mailbox.more')}
        </button>
      )}
    </section>
  );
}
