import { useState, type FormEvent } from 'react';
import { ErrorMessage } from '../../components/error-message.js';
import { isApiError } from '../../lib/api-client.js';
import { draftKey, useTextDraft } from '../../lib/drafts.js';
import { useMe } from '../../lib/session.js';
import { useI18n } from '../../lib/i18n/i18n.js';
import type { useConfirmSolution, useNotResolved } from './customer-ticket-api.js';

/** On a resolved ticket: "Confirmar solução", or "Não foi resolvido" with the reason (required). */
export function ResolutionDecision({
  ticketId,
  version,
  confirm,
  notResolved,
}: {
  ticketId: number;
  version: number;
  confirm: ReturnType<typeof useConfirmSolution>;
  notResolved: ReturnType<typeof useNotResolved>;
}) {
  const { t } = useI18n();
  // The reason is a draft of this ticket: kept in the browser until sent, and reopened when it exists.
  const [reason, setReason, clearReason] = useTextDraft(draftKey(useMe().data?.id, `not-resolved.${ticketId}`));
  const [asking, setAsking] = useState(reason !== '');
  const busy = confirm.isPending || notResolved.isPending;
  const fieldError = isApiError(notResolved.error) ? notResolved.error.body.fields?.reason : undefined;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    notResolved.mutate({ reason, expectedVersion: version }, { onSuccess: clearReason });
  };

  return (
    <section className="decision" aria-labelledby="decision-title">
      <h2 id="decision-title">{t('decision.title')}</h2>
      {!asking ? (
        <div className="actions">
          <button type="button" className="primary" disabled={busy} onClick={() => confirm.mutate({ expectedVersion: version })}>
            {t('decision.confirm')}
          </button>
          <button type="button" disabled={busy} onClick={() => setAsking(true)}>
            {t('decision.notResolved')}
          </button>
        </div>
      ) : (
        <form onSubmit={onSubmit} noValidate>
          <div className="field">
            <label htmlFor="not-resolved-reason">{t('decision.reason')}</label>
            <textarea
              id="not-resolved-reason"
              rows={4}
              value={reason}
              autoFocus
              onChange={(e) => setReason(e.target.value)}
              aria-invalid={fieldError ? true : undefined}
              aria-describedby={fieldError ? 'not-resolved-reason-error' : undefined}
            />
            {fieldError && <p id="not-resolved-reason-error" className="field-error">{fieldError}</p>}
          </div>
          <div className="actions">
            <button type="submit" className="primary" disabled={busy}>
              {t('decision.sendReason')}
            </button>
            <button type="button" onClick={() => setAsking(false)}>
              {t('decision.cancel')}
            </button>
          </div>
        </form>
      )}
      {notResolved.error && !fieldError && !isApiError(notResolved.error, 'conflict') && <ErrorMessage error={notResolved.error} />}
      {confirm.error && !isApiError(confirm.error, 'conflict') && <ErrorMessage error={confirm.error} />}
    </section>
  );
}
