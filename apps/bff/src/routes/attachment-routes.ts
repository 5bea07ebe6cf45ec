import { readFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { attachmentParam } from '@atende/contracts';
import { attachmentForAccess } from '@atende/db/store';
import { Hono, type Context } from 'hono';
import { contentDisposition } from '../attachments/filename.js';
import { createBlobStore } from '../attachments/blob-store.js';
import { INLINE_IMAGE_TYPES } from '../attachments/content-type.js';
import { thumbnailOf } from '../attachments/thumbnails.js';
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
      const { db, config, now } = c.get('deps');
      const { actor } = signedIn(c);
      const files = await receiveUpload({ db, store: createBlobStore(config.dataDir), limits: config.attachments, request: c.req.raw, owner: { kind: actor.kind, id: actor.id }, now: now() });
      return c.json({ files }, 201);
    })
    .get('/tickets/:id/attachments/:attachmentId', validate('param', attachmentParam), async (c) => {
      const { config } = c.get('deps');
      const file = await visibleFile(c, c.req.valid('param'));
      const inline = INLINE_IMAGE_TYPES.has(file.mime);
      c.header('Content-Type', file.mime.startsWith('text/') ? `${file.mime}; charset=utf-8` : file.mime);
      c.header('Content-Length', String(file.size));
      c.header('Content-Disposition', contentDisposition(inline ? 'inline' : 'attachment', file.filename));
      servedSafely(c);
      return c.body(Readable.toWeb(createBlobStore(config.dataDir).read(file.sha256)) as unknown as ReadableStream, 200);
    })
    // The thread's thumbnail of an image (made on first request; see thumbnails.ts), same access rules.
    .get('/tickets/:id/attachments/:attachmentId/thumbnail', validate('param', attachmentParam), async (c) => {
      const { config } = c.get('deps');
      const file = await visibleFile(c, c.req.valid('param'));
      if (!INLINE_IMAGE_TYPES.has(file.mime)) throw new AppError('not_found');
      const path = await thumbnailOf(config.dataDir, createBlobStore(config.dataDir), file.sha256);
      if (!path) throw new AppError('not_found');
      const bytes = await readFile(path);
      c.header('Content-Type', 'image/webp');
      c.header('Content-Disposition', contentDisposition('inline', `${file.filename.replace(/\.[^.]*$/, '')}.webp`));
      servedSafely(c);
      return c.body(bytes, 200);
    });
}

/**
 * The file as its message is authorized: a customer reaches only public messages of their own tickets;
 * a held e-mail's files are for agents only. Anything else looks missing.
 */
async function visibleFile(c: Context<AppEnv>, param: { id: number; attachmentId: number }) {
  const { db, config } = c.get('deps');
  const session = signedIn(c);
  const ticket = await loadTicketFor(db, session, param.id);
  const file = await attachmentForAccess(db, param.attachmentId);
  const visible = file !== null && file.ticketId === ticket.id && (session.actor.kind === 'agent' || (file.messageId !== null && file.visibility === 'public'));
  if (!visible || !createBlobStore(config.dataDir).has(file.sha256)) throw new AppError('not_found');
  return file;
}

function servedSafely(c: Context<AppEnv>): void {
  c.header('X-Content-Type-Options', 'nosniff');
  // Even if a browser were talked into rendering it, the file runs in a sandbox with no origin.
  c.header('Content-Security-Policy', "sandbox; default-src 'none'");
  c.header('Cache-Control', 'private, no-store');
}
