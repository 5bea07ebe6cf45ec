import { useState, type FormEvent } from 'react';
import { useConsoleI18n } from '../../lib/i18n/console.js';
import { useCreateApiToken } from './directory-api.js';
import { FormError } from './field-errors.js';
import { ApiTokenList } from './api-token-list.js';

/** An API token for the agent's chat tool (POST /integrations/conversations): shown once, never again. */
export function ApiTokenCard() {
  const { t } = useConsoleI18n();
  const create = useCreateApiToken();
  const [name, setName] = useState('');
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!create.isPending) create.mutate(name);
  };
  return (
    <form onSubmit={onSubmit} className="card" aria-labelledby="api-token-title" noValidate>
      <h2 id="api-token-title">{t('apiToken.title')}</h2>
      <p>
        {t('apiToken.intro')} <a href="/openapi.json">openapi.json</a>
      </p>
      <div className="field">
        <label htmlFor="api-token-name">{t('apiToken.name')}</label>
        <input id="api-token-name" value={name} onChange={(e) => setName(e.target.value)} maxLength={100} required />
      </div>
      <FormError error={create.error} />
      <button type="submit" aria-disabled={create.isPending || undefined}>
        {t('apiToken.create')}
      </button>
      {create.data && (
        <div role="status" className="notice">
          <p>{t('apiToken.shownOnce')}</p>
          <label htmlFor="api-token-value">{t('apiToken.value')}</label>
          <input id="api-token-value" readOnly value={create.data.token} onFocus={(e) => e.currentTarget.select()} />
        </div>
      )}
      <ApiTokenList />
    </form>
  );
}
