import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { sessionStillValid } from '../auth/session-still-valid.js';
import { mayReceive, wireData, type LiveEvent } from '../events/live-event.js';
import type { AppEnv } from '../http/app-env.js';
import { AppError } from '../http/app-error.js';
import { requireRole, signedIn } from '../http/session-middleware.js';

/**
 * GET /api/events: one Server-Sent Events stream per signed-in tab. Sends `ticket_changed`,
 * `message_added`, `counts_changed`, `notification` and (agents only) `presence_changed` events the viewer may see (type and ticket
 * number only), a heartbeat comment, and `resync` when the events missed since `Last-Event-ID` are no
 * longer known. Closes when the session ends (sign-out at once; expiry at the next heartbeat). A
 * session holds a bounded number of streams (429 beyond).
 */
export function eventRoutes() {
  return new Hono<AppEnv>().get('/events', requireRole('contact', 'agent'), (c) => {
    const deps = c.get('deps');
    const bus = deps.events!;
    const registry = deps.liveStreams!;
    const session = signedIn(c);
    const viewer = session.actor;
    const hash = session.sessionTokenHash;
    if (!registry.tryOpen(hash)) throw new AppError('too_many_attempts', { retryAfterSeconds: 30 });
    const lastEventId = c.req.header('last-event-id') ?? c.req.query('lastEventId') ?? null;
    c.header('X-Accel-Buffering', 'no'); // a fronting nginx must not hold events back
    return streamSSE(
      c,
      async (stream) => {
        let closed = false;
        let wake: (() => void) | null = null;
        const finish = () => {
          closed = true;
          wake?.();
        };
        // Writes are chained so events leave in the order they were published.
        let writing: Promise<unknown> = Promise.resolve();
        const send = (event: LiveEvent) => {
          writing = writing.then(() => (closed ? undefined : stream.writeSSE({ id: event.id, event: event.type, data: wireData(event) })));
        };
        const unsubscribe = bus.subscribe((event) => {
          if (event.type === 'session_ended') {
            if (event.sessionTokenHash === hash) finish();
            return;
          }
          if (mayReceive(viewer, event)) send(event);
        });
        stream.onAbort(finish);
        try {
          await stream.writeSSE({ event: 'ready', data: '{}', retry: 2000 });
          if (lastEventId) {
            const missed = bus.since(lastEventId);
            if (missed === null) await stream.writeSSE({ event: 'resync', data: '{}' });
            else for (const event of missed) if (mayReceive(viewer, event)) send(event);
          }
          while (!closed) {
            await new Promise<void>((resolve) => {
              wake = resolve;
              const timer = setTimeout(resolve, deps.config.eventsHeartbeatMs);
              timer.unref?.();
            });
            wake = null;
            if (closed) break;
            if (!await sessionStillValid(deps.db, hash, deps.now(), deps.config)) break;
            writing = writing.then(() => stream.write(': heartbeat\n\n'));
            await writing;
          }
          await writing;
          if (!stream.aborted) await stream.writeSSE({ event: 'session_ended', data: '{}' }).catch(() => undefined);
        } finally {
          unsubscribe();
          registry.close(hash);
        }
      },
      async (error) => {
        deps.logger.debug({ err: error }, 'event stream ended with an error');
      },
    );
  });
}
