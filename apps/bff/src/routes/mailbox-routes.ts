import { mailboxQuery } from '@atende/contracts';
import { listOutbox } from '@atende/db/store';
import { Hono } from 'hono';
import type { AppEnv } from '../http/app-env.js';
import { requireRole } from '../http/session-middleware.js';
import { validate } from '../http/validate.js';

const PAGE_SIZE = 50;

/**
 * The local mailbox: every e-mail the portal recorded (the outbox), newest first, for admins. With no
 * SMTP_URL this is where mail goes in development and demos, so every link can be followed.
 */
export function mailboxRoutes() {
  return new Hono<AppEnv>().use(requireRole('admin')).get('/', validate('query', mailboxQuery), async (c) => {
    const before = c.req.valid('query').before;
    const rows = await listOutbox(c.get('deps').db, { beforeId: before ?? null, limit: PAGE_SIZE + 1 });
    const items = rows.slice(0, PAGE_SIZE).map((row) => ({
      id: row.id,
      ticketId: row.ticketId,
      kind: row.kind,
      to: row.toAddress,
      replyTo: row.replyTo,
      subject: row.subject,
      // Account links are credentials: with real delivery, or in production at all, only their owner's inbox has them.
      text: !c.get('deps').config.mailboxShowsAccountLinks && row.kind.startsWith('account_') ? '(link de acesso enviado ao destinatário; oculto aqui)' : row.textBody,
      status: row.status,
      lastError: row.lastError,
      createdAt: new Date(row.createdAt).toISOString(),
    }));
    return c.json({ items, nextBefore: rows.length > PAGE_SIZE ? items.at(-1)!.id : null }, 200);
  });
}
