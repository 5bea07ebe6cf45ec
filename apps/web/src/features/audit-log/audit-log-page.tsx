import { ErrorMessage } from '../../components/error-message.js';
import { useConsoleI18n } from '../../lib/i18n/console.js';
import type { ConsoleMessageKey } from '../../lib/i18n/console-keys.js';
import { consolePtBR } from '../../lib/i18n/console.pt-BR.js';
import { useAuditLog } from './audit-log-api.js';
import { AuditChanges } from './audit-changes.js';

/** Security events (sign-ins, failures, resets, settings changes) for admins. */
export function AuditLogPage() {
  const { t, formatDateTime } = useConsoleI18n();
  const query = useAuditLog();
  const eventLabel = (event: string) => {
    const key = `audit.event.${event}` as ConsoleMessageKey;
    return key in consolePtBR ? t(key) : event; // an event added later without a label shows its name
  };
  return (
    <section aria-labelledby="audit-title">
      <h1 id="audit-title">{t('audit.title')}</h1>
      {query.isPending ? (
        <p role="status">{t('list.loading')}</p>
      ) : query.error ? (
        <ErrorMessage error={query.error} />
      ) : (
        <>
          <table>
            <caption>{t('audit.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('audit.when')}</th>
                <th scope="col">{t('audit.event')}</th>
                <th scope="col">{t('audit.email')}</th>
                <th scope="col">{t('audit.address')}</th>
                <th scope="col">{t('audit.actor')}</th>
                <th scope="col">{t('audit.changes')}</th>
              </tr>
            </thead>
            <tbody>
              {query.data.pages
                .flatMap((page) => page.items)
                .map((entry) => (
                  <tr key={entry.id}>
                    <td>{formatDateTime(new Date(entry.at).toISOString())}</td>
                    <td>{eventLabel(entry.event)}</td>
                    <td>{entry.email ?? '—'}</td>
                    <td>{entry.address ?? '—'}</td>
                    <td>{entry.actorId !== null ? `${t(entry.actorKind === 'contact' ? 'audit.actor.contact' : 'audit.actor.agent')} #${entry.actorId}` : t(entry.actorKind === 'system' ? 'audit.actor.system' : 'audit.actor.anonymous')}</td>
                    <td>
                      <AuditChanges details={entry.details} />
                    </td>
                  </tr>
                ))}
            </tbody>
          </table>
          {query.hasNextPage && (
            <button type="button" onClick={() => void query.fetchNextPage()} disabled={query.isFetchingNextPage}>
              {t('list.loadMore')}
            </button>
          )}
        </>
      )}
    </section>
  );
}
