import { ErrorMessage } from '../../components/error-message.js';
import { useConsoleI18n } from '../../lib/i18n/console.js';
import { useApiTokens, useRevokeApiToken } from './directory-api.js';

/** The agent's own API tokens (names and dates only: a token is shown once, at creation) and their revocation. */
export function ApiTokenList() {
  const { t, formatDateTime } = useConsoleI18n();
  const tokens = useApiTokens();
  const revoke = useRevokeApiToken();
  if (tokens.isPending) return <p role="status">{t('list.loading')}</p>;
  if (tokens.error) return <ErrorMessage error={tokens.error} />;
  if (tokens.data.length === 0) return <p>{t('apiToken.none')}</p>;
  return (
    <>
      <ul aria-label={t('apiToken.list')} className="plain-list">
        {tokens.data.map((token) => (
          <li key={token.id}>
            {token.name} — {formatDateTime(token.createdAt)}{' '}
            {token.revokedAt ? (
              t('apiToken.revoked')
            ) : (
              <button type="button" onClick={() => revoke.mutate(token.id)} aria-label={t('apiToken.revokeName', { name: token.name })} disabled={revoke.isPending}>
                {t('apiToken.revoke')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {revoke.error && <ErrorMessage error={revoke.error} />}
    </>
  );
}
