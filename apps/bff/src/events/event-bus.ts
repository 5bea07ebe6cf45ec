import { randomBytes } from 'node:crypto';
import type { LiveEvent, NewLiveEvent, SessionEnded } from './live-event.js';

/**
 * Fan-out of live events to the open streams. The server publishes after a change is committed; each
 * stream subscribes and filters for its viewer. This process's implementation keeps subscribers in
 * memory plus a short replay buffer for `Last-Event-ID`. With several server instances (PostgreSQL),
 * another implementation of this interface publishes through `NOTIFY` and delivers what `LISTEN`
 * hears to its local subscribers: routes and streams do not change.
 */
export interface EventBus {
  publish(event: NewLiveEvent | SessionEnded): void;
  subscribe(listener: (event: LiveEvent | SessionEnded) => void): () => void;
  /** The buffered events after `lastEventId`; null when it is unknown (too old, another process): resync. */
  since(lastEventId: string): LiveEvent[] | null;
}

const REPLAY_BUFFER = 1000;

export function createInProcessEventBus(): EventBus {
  // A new epoch per process: an id from before a restart is recognised as unknown (resync), never mistaken.
  const epoch = randomBytes(4).toString('hex');
  let sequence = 0;
  const buffer: LiveEvent[] = [];
  const listeners = new Set<(event: LiveEvent | SessionEnded) => void>();
  return {
    publish(event) {
      let delivered: LiveEvent | SessionEnded = event as SessionEnded;
      if (event.type !== 'session_ended') {
        sequence += 1;
        const stamped: LiveEvent = { ...(event as NewLiveEvent), id: `${epoch}-${sequence}` };
        buffer.push(stamped);
        if (buffer.length > REPLAY_BUFFER) buffer.shift();
        delivered = stamped;
      }
      for (const listener of [...listeners]) listener(delivered);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    since(lastEventId) {
      const [idEpoch, seqText] = lastEventId.split('-');
      const seq = Number(seqText);
      if (idEpoch !== epoch || !Number.isInteger(seq) || seq > sequence) return null;
      const oldest = buffer[0] ? Number(buffer[0].id.split('-')[1]) : sequence + 1;
      if (seq < oldest - 1) return null; // the gap left the buffer
      return buffer.filter((e) => Number(e.id.split('-')[1]) > seq);
    },
  };
}

/** Open streams per session, capped (a page opened in many tabs, or a script, cannot hold unbounded streams). */
export function createStreamRegistry(maxPerSession: number) {
  const open = new Map<string, number>();
  return {
    tryOpen(sessionTokenHash: string): boolean {
      const count = open.get(sessionTokenHash) ?? 0;
      if (count >= maxPerSession) return false;
      open.set(sessionTokenHash, count + 1);
      return true;
    },
    close(sessionTokenHash: string): void {
      const count = (open.get(sessionTokenHash) ?? 1) - 1;
      if (count <= 0) open.delete(sessionTokenHash);
      else open.set(sessionTokenHash, count);
    },
    count: (sessionTokenHash: string) => open.get(sessionTokenHash) ?? 0,
  };
}
export type StreamRegistry = ReturnType<typeof createStreamRegistry>;
