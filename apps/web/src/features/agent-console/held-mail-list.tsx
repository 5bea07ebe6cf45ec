import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { AttachmentList, type AttachmentItem } from '../../components/attachment-list.js';
import { ErrorMessage } from '../../components/error-message.js';
import { api, unwrap } from '../../lib/api-client.js';
import { useConsoleI18n } from '../../lib/i18n/console.js';
import type { ConsoleMessageKey } from '../../lib/i18n/console-keys.js';
import { agentKeys } from './agent-api.js';

export interface HeldMailItem {
  id: number;
  fromAddress: string;
  fromName: string | null;
  subject: string | null;
  body: string;
  reason: 'unknown_sender' | 'auth_failed' | 'envelope_mismatch';
  receivedAt: string | null;
  attachments: AttachmentItem[];
}

/** "E-mail de remetente não reconhecido": kept on the ticket for agents, who accept or discard each one. */
export function HeldMailList({ ticketId, version, items }: { ticketId: number; version: number; items: HeldMailItem[] }) {
  const { t } = useConsoleI18n();
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="held-mail-title" className="held-mail">
      <h2 id="held-mail-title">{t('heldMail.title')}</h2>
      <ul>
        {items.map((item) => (
          <HeldMailEntry key={item.id} ticketId={ticketId} version={version} item={item} />
        ))}
      </ul>
    </section>
  );
}

function HeldMailEntry({ ticketId, version, item }: { ticketId: number; version: number; item: HeldMailItem }) {
  const { t } = useConsoleI18n();
  const queryClient = useQueryClient();
  const [addContact, setAddContact] = useState(false);
  const param = { id: String(ticketId), heldId: String(item.id) };
  const onSettled = () => queryClient.invalidateQueries({ queryKey: agentKeys.all });
  const accept = useMutation({ mutationFn: () => unwrap(api.agent.tickets[':id']['held-mail'][':heldId'].accept.$post({ param, json: { addContact, expectedVersion: version } })), onSettled });
  const discard = useMutation({ mutationFn: () => unwrap(api.agent.tickets[':id']['held-mail'][':heldId'].discard.$post({ param, json: {} })), onSettled });
  return (
    <li>
      <p className="meta">
        <strong>{t('heldMail.from', { from: item.fromName ? `${item.fromName} <${item.fromAddress}>` : item.fromAddress })}</strong>
      </p>
      <p className="muted">{t(`heldMail.reason.${item.reason}` as ConsoleMessageKey)}</p>
      <p className="body">{item.body}</p>
      <AttachmentList ticketId={ticketId} attachments={item.attachments} />
      <label className="checkbox">
        <input type="checkbox" checked={addContact} onChange={(e) => setAddContact(e.target.checked)} /> {t('heldMail.addContact')}
      </label>
      <button type="button" className="primary" disabled={accept.isPending || discard.isPending} onClick={() => accept.mutate()}>
        {t('heldMail.accept')}
      </button>{' '}
      <button type="button" disabled={accept.isPending || discard.isPending} onClick={() => discard.mutate()}>
        {t('heldMail.discard')}
      </button>
      {(accept.error ?? discard.error) && <ErrorMessage error={accept.error ?? discard.error} />}
    </li>
  );
}
