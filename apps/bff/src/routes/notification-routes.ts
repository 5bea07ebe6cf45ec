import { markAllReadInput, markNotificationsReadInput, notificationPrefsInput, notificationsQuery } from '@atende/contracts';
import { NOTIFICATION_KINDS, listNotifications, markAllNotificationsRead, markNotificationRead, notificationEmailKinds, saveNotificationEmailKinds, unreadNotificationCount } from '@atende/db/store';
import { Hono } from 'hono';
import type { AppEnv } from '../http/app-env.js';
import { requireRole, signedIn } from '../http/session-middleware.js';
import { validate } from '../http/validate.js';

const PAGE_SIZE = 20;
const agentOnly = requireRole('agent');
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** The console's notifications control: unread count, list, mark read; and the e-mail preferences. */
export function notificationRoutes() {
  return new Hono<AppEnv>()
    .get('/notifications', agentOnly, validate('query', notificationsQuery), async (c) => {
      const { db } = c.get('deps');
      const agentId = signedIn(c).actor.id;
      const items = await listNotifications(db, { agentId, beforeId: c.req.valid('query').before ?? null, limit: PAGE_SIZE + 1 });
      const page = items.slice(0, PAGE_SIZE);
      return c.json(
        {
          items: page.map((n) => ({ ...n, createdAt: iso(n.createdAt)!, readAt: iso(n.readAt) })),
          unreadCount: await unreadNotificationCount(db, agentId),
          nextBefore: items.length > PAGE_SIZE ? page.at(-1)!.id : null,
        },
        200,
      );
    })
    .post('/notifications/read-all', agentOnly, validate('json', markAllReadInput), async (c) => {
      const { db, now } = c.get('deps');
      await markAllNotificationsRead(db, { agentId: signedIn(c).actor.id, now: now() });
      return c.json({ unreadCount: 0 }, 200);
    })
    .post('/notifications/read', agentOnly, validate('json', markNotificationsReadInput), async (c) => {
      const { db, now } = c.get('deps');
      const agentId = signedIn(c).actor.id;
      // Only the agent's own notifications change; another agent's ids change nothing.
      for (const id of c.req.valid('json').ids) await markNotificationRead(db, { agentId, id, now: now() });
      return c.json({ unreadCount: await unreadNotificationCount(db, agentId) }, 200);
    })
    .get('/notification-preferences', agentOnly, async (c) => c.json({ kinds: NOTIFICATION_KINDS, emailKinds: await notificationEmailKinds(c.get('deps').db, signedIn(c).actor.id) }, 200))
    .put('/notification-preferences', agentOnly, validate('json', notificationPrefsInput), async (c) => {
      const { emailKinds } = c.req.valid('json');
      await saveNotificationEmailKinds(c.get('deps').db, signedIn(c).actor.id, [...new Set(emailKinds)]);
      return c.json({ kinds: NOTIFICATION_KINDS, emailKinds: await notificationEmailKinds(c.get('deps').db, signedIn(c).actor.id) }, 200);
    });
}
