import { Readable } from 'node:stream';
import { attachmentParam } from '@atende/contracts';
import { attachmentForAccess } from '@atende/db';
import { Hono } from 'hono';
import { contentDisposition } from '../attachments/filename.js';
import { createBlobStore } from '../attachments/blob-store.js';
import { INLINE_IMAGE_TYPES } from '../attachments/content-type.js';
import { receiveUpload } from '../attachments/receive-upload.js';
import type { AppEnv } from '../http/app-env.js';
import { AppError } from '../http/app-error.js';
import { requireRole, signedIn } from '../http/session-middleware.js';
import { validate } from '../http/validate.js';
import { loadTicketFor } from '../tickets/load-ticket.js';

/** Files (Anexos): upload before sending a message; download as whoever may see the message. */
export function attachmentRoutes() {
  return new Hono<AppEnv>()
    .use(requireRole('contact', 'agent'))
    .post('/uploads', async (c) => {
      const { db, config, now } = c.var.deps;
      const { actor } = signedIn(c);
      const files = await receiveUpload({ db, store: createBlobStore(config.dataDir), limits: config.attachments, request: c.req.raw, owner: { kind: actor.kind, id: actor.id }, now: now() });
      return c.json({ files }, 201);
    })
    .get('/tickets/:id/attachments/:attachmentId', validate('param', attachmentParam), (c) => {
      const { db, config } = c.var.deps;
      const session = signedIn(c);
      const { id, attachmentId } = c.req.valid('param');
      const ticket = loadTicketFor(db, session, id);
      const file = attachmentForAccess(db, attachmentId);
      // Authorized like its message: a customer reaches only public messages of their own tickets; a
      // held e-mail's files are for agents only. Anything else looks missing.
      const visible =
        file !== null &&
        file.ticketId === ticket.id &&
        (session.actor.kind === 'agent' || (file.messageId !== null && file.visibility === 'public'));
      const store = createBlobStore(config.dataDir);
      if (!visible || !store.has(file.sha256)) throw new AppError('not_found');
      const inline = INLINE_IMAGE_TYPES.has(file.mime);
      c.header('Content-Type', file.mime.startsWith('text/') ? `${file.mime}; charset=utf-8` : file.mime);
      c.header('Content-Length', String(file.size));
      c.header('Content-Disposition', contentDisposition(inline ? 'inline' : 'attachment', file.filename));
      c.header('X-Content-Type-Options', 'nosniff');
      // Even if a browser were talked into rendering it, the file runs in a sandbox with no origin.
      c.header('Content-Security-Policy', "sandbox; default-src 'none'");
      c.header('Cache-Control', 'private, no-store');
      return c.body(Readable.toWeb(store.read(file.sha256)) as unknown as ReadableStream, 200);
    });
}
