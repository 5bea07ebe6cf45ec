import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { api, unwrap } from '../../lib/api-client.js';
import { useConsoleI18n } from '../../lib/i18n/console.js';

/** The page renews its presence this often; the server forgets it after three missed beats (60 s). */
const HEARTBEAT_MS = 20_000;
/** A draft nobody touched for this long is no longer "respondendo", just "vendo". */
const TYPING_QUIET_MS = 60_000;

type State = 'viewing' | 'typing' | 'left';
const presenceKey = (ticketId: number) => ['agent', 'presence', ticketId] as const;

function announce(ticketId: number, state: State, keepalive = false) {
  // keepalive lets "left" leave while the tab closes.
  return unwrap(api.agent.tickets[':id'].presence.$post({ param: { id: String(ticketId) }, json: { state } }, keepalive ? { init: { keepalive: true } } : undefined));
}

/**
 * Announces this agent on the ticket's page (viewing, or typing while the composer holds a fresh draft)
 * and reads who else is there. Others' changes arrive as `presence_changed` live events, which refetch
 * the list; leaving the page (another ticket, another route, closing the tab) says so at once.
 */
export function useTicketPresence(ticketId: number, typing: boolean) {
  const queryClient = useQueryClient();
  const others = useQuery({
    queryKey: presenceKey(ticketId),
    queryFn: () => unwrap(api.agent.tickets[':id'].presence.$get({ param: { id: String(ticketId) } })),
  });
  const state: State = typing ? 'typing' : 'viewing';

  useEffect(() => {
    let active = true;
    const beat = () =>
      announce(ticketId, state)
        .then((data) => active && queryClient.setQueryData(presenceKey(ticketId), data))
        .catch(() => undefined); // presence is a courtesy: a failed beat is retried by the next one
    void beat();
    const timer = setInterval(() => void beat(), HEARTBEAT_MS);
    return () => {
      active = false;
      clearInterval(timer);
    };
  }, [ticketId, state, queryClient]);

  useEffect(() => {
    const leave = () => void announce(ticketId, 'left', true).catch(() => undefined);
    window.addEventListener('pagehide', leave);
    return () => {
      window.removeEventListener('pagehide', leave);
      leave();
    };
  }, [ticketId]);

  return others.data?.agents ?? [];
}

/** "Respondendo" while the composer holds text typed in the last minute; an empty or idle draft is not. */
export function useTypingSignal(): [boolean, (hasText: boolean) => void] {
  const [typing, setTyping] = useState(false);
  const quiet = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const onDraft = useCallback((hasText: boolean) => {
    clearTimeout(quiet.current);
    setTyping(hasText);
    if (hasText) quiet.current = setTimeout(() => setTyping(false), TYPING_QUIET_MS);
  }, []);
  useEffect(() => () => clearTimeout(quiet.current), []);
  return [typing, onDraft];
}

/** "Bruno Técnico está vendo", "… está respondendo": the other agents on this ticket right now. */
export function PresenceLine({ agents }: { agents: { agentId: number; name: string; state: 'viewing' | 'typing' }[] }) {
  const { t } = useConsoleI18n();
  return (
    // A polite live region, not role=status: the page's own confirmations keep that role to themselves.
    <p className="presence" aria-live="polite">
      {agents.map((a) => (
        <span key={a.agentId} className={`presence-item presence-${a.state}`}>
          {t(a.state === 'typing' ? 'presence.typing' : 'presence.viewing', { name: a.name })}
        </span>
      ))}
    </p>
  );
}
