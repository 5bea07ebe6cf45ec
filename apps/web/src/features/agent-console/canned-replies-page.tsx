import { useState, type FormEvent } from 'react';
import { ErrorMessage } from '../../components/error-message.js';
import { isApiError } from '../../lib/api-client.js';
import { useConsoleI18n } from '../../lib/i18n/console.js';
import { useMe } from '../../lib/session.js';
import { useCannedReplies, useCreateCannedReply, useDeleteCannedReply } from './canned-replies-api.js';

/** Canned replies: the agent's personal ones and, for admins, the team's shared ones. */
export function CannedRepliesPage() {
  const { t } = useConsoleI18n();
  const me = useMe();
  const list = useCannedReplies();
  const create = useCreateCannedReply();
  const remove = useDeleteCannedReply();
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [shared, setShared] = useState(false);
  const fields = isApiError(create.error) ? create.error.body.fields : undefined;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      { title, body, shared },
      {
        onSuccess: () => {
          setTitle('');
          setBody('');
        },
      },
    );
  };
  return (
    <section aria-labelledby="canned-title">
      <h1 id="canned-title">{t('canned.title')}</h1>
      <form onSubmit={onSubmit} className="card" noValidate>
        <div className="field">
          <label htmlFor="canned-title-input">{t('canned.fieldTitle')}</label>
          <input id="canned-title-input" value={title} onChange={(e) => setTitle(e.target.value)} aria-invalid={fields?.title ? true : undefined} />
          {fields?.title && <p className="field-error">{fields.title}</p>}
        </div>
        <div className="field">
          <label htmlFor="canned-body">{t('canned.fieldBody')}</label>
          <textarea id="canned-body" rows={4} value={body} onChange={(e) => setBody(e.target.value)} aria-describedby="canned-body-hint" />
          <p id="canned-body-hint" className="hint">
            {t('canned.placeholdersHint')}
          </p>
          {fields?.body && <p className="field-error">{fields.body}</p>}
        </div>
        {me.data?.role === 'admin' && (
          <label className="check">
            <input type="checkbox" checked={shared} onChange={(e) => setShared(e.target.checked)} />
            {t('canned.shared')}
          </label>
        )}
        {create.error && !fields && <ErrorMessage error={create.error} />}
        {create.isSuccess && <p role="status">{t('canned.created')}</p>}
        <button type="submit" className="primary" disabled={create.isPending}>
          {t('canned.create')}
        </button>
      </form>
      {list.data && list.data.items.length === 0 && <p className="empty">{t('canned.empty')}</p>}
      <ul className="thread">
        {list.data?.items.map((r) => (
          <li key={r.id} className="message">
            <p className="meta">
              <strong>{r.title}</strong>
              <span className="badge">{r.shared ? t('canned.shared') : t('canned.personal')}</span>
            </p>
            <p className="body">{r.body}</p>
            {(r.mine || (r.shared && me.data?.role === 'admin')) && (
              <button type="button" onClick={() => remove.mutate(r.id)} aria-label={`${t('canned.delete')}: ${r.title}`}>
                {t('canned.delete')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
