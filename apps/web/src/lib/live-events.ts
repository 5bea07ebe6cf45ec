import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';

/** The events GET /api/events sends (see apps/bff/src/events/live-event.ts); data is `{ ticketId }`. */
const EVENT_TYPES = ['ticket_changed', 'message_added', 'counts_changed', 'notification', 'presence_changed'] as const;
type EventType = (typeof EVENT_TYPES)[number];

const FIRST_RETRY_MS = 1000;
const MAX_RETRY_MS = 30_000;

/**
 * Keeps the open pages current: one Server-Sent Events stream per signed-in tab; each event invalidates
 * the TanStack Query keys it concerns, so the visible page refetches through the ordinary API (the
 * event carries no content). On a dropped stream it reconnects with exponential backoff and jitter,
 * sending the last event id so missed events are replayed (or a `resync` refreshes everything).
 */
export function useLiveEvents(kind: 'contact' | 'agent' | null) {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (kind === null || typeof EventSource === 'undefined') return;
    let source: EventSource | null = null;
    let lastEventId: string | null = null;
    let retryMs = FIRST_RETRY_MS;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;

    const connect = () => {
      if (stopped) return;
      source = new EventSource(lastEventId ? `/api/events?lastEventId=${encodeURIComponent(lastEventId)}` : '/api/events');
      source.addEventListener('ready', () => {
        retryMs = FIRST_RETRY_MS;
      });
      for (const type of EVENT_TYPES) {
        source.addEventListener(type, (event) => {
          const message = event as MessageEvent<string>;
          if (message.lastEventId) lastEventId = message.lastEventId;
          invalidateFor(queryClient, kind, type, ticketIdOf(message.data));
        });
      }
      source.addEventListener('resync', () => void queryClient.invalidateQueries());
      source.addEventListener('session_ended', () => {
        stopped = true;
        source?.close();
        void queryClient.invalidateQueries({ queryKey: ['me'] });
      });
      // The browser's own retry has a fixed delay and gives up on a refusal: backoff is ours.
      source.onerror = () => {
        source?.close();
        if (stopped) return;
        const wait = retryMs / 2 + Math.random() * (retryMs / 2);
        retryMs = Math.min(retryMs * 2, MAX_RETRY_MS);
        timer = setTimeout(connect, wait);
      };
    };
    connect();
    return () => {
      stopped = true;
      clearTimeout(timer);
      source?.close();
    };
  }, [kind, queryClient]);
}

function ticketIdOf(data: string): number | null {
  try {
    const id = (JSON.parse(data) as { ticketId?: unknown }).ticketId;
    return typeof id === 'number' ? id : null;
  } catch {
    return null;
  }
}

/** Which cached reads an event makes stale (only active queries refetch at once). */
function invalidateFor(queryClient: QueryClient, kind: 'contact' | 'agent', type: EventType, ticketId: number | null) {
  if (kind === 'contact') {
    if (ticketId !== null) void queryClient.invalidateQueries({ queryKey: ['customer', 'ticket', ticketId] });
    void queryClient.invalidateQueries({ queryKey: ['customer', 'tickets'] });
    void queryClient.invalidateQueries({ queryKey: ['customer', 'counts'] });
    return;
  }
  if (type === 'presence_changed') {
    // Who else is on a ticket's page (agents only): just that ticket's presence list.
    if (ticketId !== null) void queryClient.invalidateQueries({ queryKey: ['agent', 'presence', ticketId] });
    return;
  }
  if (type === 'notification') {
    void queryClient.invalidateQueries({ queryKey: ['agent', 'notifications'] });
    return;
  }
  if (ticketId !== null) void queryClient.invalidateQueries({ queryKey: ['agent', 'ticket', ticketId] });
  void queryClient.invalidateQueries({ queryKey: ['agent', 'tickets'] });
}
