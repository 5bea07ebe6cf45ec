import type { TicketStatus } from '@atende/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { paths } from '../../config/paths.js';
import { ErrorMessage } from '../../components/error-message.js';
import { api, isApiError, unwrap } from '../../lib/api-client.js';
import { useConsoleI18n } from '../../lib/i18n/console.js';
import { agentKeys } from './agent-api.js';

/**
 * "Unir a outro chamado": a duplicate of the same customer (seed 001: one ticket per subject) goes into
 * another; its messages move there, it closes with a link, and the customer is told.
 */
export function MergeForm({ ticketId, version, candidates }: { ticketId: number; version: number; candidates: { id: number; subject: string; status: TicketStatus }[] }) {
  const { t } = useConsoleI18n();
  const queryClient = useQueryClient();
  const [targetId, setTargetId] = useState('');
  const merge = useMutation({
    mutationFn: (input: { targetId: number; expectedVersion: number }) => unwrap(api.agent.tickets[':id'].merge.$post({ param: { id: String(ticketId) }, json: input })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: agentKeys.all }),
  });
  const open = candidates.filter((c) => c.status !== 'closed');
  if (open.length === 0) return null;
  const fieldError = isApiError(merge.error) ? merge.error.body.fields?.targetId : undefined;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (targetId) merge.mutate({ targetId: Number(targetId), expectedVersion: version });
  };
  return (
    <form className="side-card" onSubmit={onSubmit} aria-labelledby="merge-title">
      <h2 id="merge-title">{t('merge.title')}</h2>
      <div className="field">
        <label htmlFor="merge-target">{t('merge.target')}</label>
        <select id="merge-target" value={targetId} onChange={(e) => setTargetId(e.target.value)}>
          <option value="">—</option>
          {open.map((c) => (
            <option key={c.id} value={c.id}>
              #{c.id} {c.subject}
            </option>
          ))}
        </select>
        <p className="hint">{t('merge.hint')}</p>
        {fieldError && <p className="field-error">{fieldError}</p>}
      </div>
      {merge.error && !fieldError && <ErrorMessage error={merge.error} />}
      {merge.isSuccess && (
        <p role="status">
          {t('merge.done')} <Link to={paths.agentTicket(merge.data.target.id)}>#{merge.data.target.id}</Link>
        </p>
      )}
      <button type="submit" disabled={merge.isPending || !targetId}>
        {t('merge.submit')}
      </button>
    </form>
  );
}

/** On a merged duplicate: where the conversation went on. */
export function MergedNotice({ history }: { history: { toStatus: string | null; data?: Record<string, unknown> | null }[] }) {
  const { t } = useConsoleI18n();
  const merged = [...history].reverse().find((e) => e.toStatus === 'closed' && typeof e.data?.mergedInto === 'number');
  if (!merged) return null;
  const target = merged.data!.mergedInto as number;
  return (
    <p className="notice">
      {t('merge.mergedInto')} <Link to={paths.agentTicket(target)}>#{target}</Link>
    </p>
  );
}
