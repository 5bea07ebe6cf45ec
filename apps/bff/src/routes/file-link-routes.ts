import { Readable } from 'node:stream';
import { ratingTokenParam } from '@atende/contracts';
import { attachmentForAccess, findContactByAnyEmail, findAgentByEmail, getOrCreateSecret, getOutboxMail, getTicket, type Database } from '@atende/db/store';
import { Hono } from 'hono';
import { createBlobStore } from '../attachments/blob-store.js';
import { contentDisposition } from '../attachments/filename.js';
import type { AppEnv } from '../http/app-env.js';
import { AppError } from '../http/app-error.js';
import { throttleByAddress } from '../http/throttle.js';
import { validate } from '../http/validate.js';
import { FILE_LINK_SECRET, parseFileLinkToken, verifyFileLink } from '../mail/file-link.js';

/**
 * Whether the e-mail's recipient may still have this file: the e-mail is about the message that holds
 * it (a public one: internal notes' files are never e-mailed), and its address is still the ticket's
 * active contact (any of their addresses) or an active agent. A contact removed from the ticket, or
 * deactivated, loses the link with the rest of their access.
 */
async function recipientMayHave(db: Database, recipient: string, sourceMessageId: number | null, attachmentId: number): Promise<boolean> {
  const file = await attachmentForAccess(db, attachmentId);
  if (!file || sourceMessageId === null || file.messageId !== sourceMessageId || file.visibility !== 'public' || file.ticketId === null) return false;
  const ticket = await getTicket(db, file.ticketId);
  if (!ticket) return false;
  const contact = await findContactByAnyEmail(db, recipient);
  if (contact) return contact.active && contact.id === ticket.requesterId;
  const agent = await findAgentByEmail(db, recipient);
  return agent !== null && agent.active;
}

/**
 * A file too big to attach, reached from the e-mail's signed link without a session (see
 * mail/file-link.ts). A tampered link (or one moved to another e-mail or file) is 403, an old one 410,
 * each with a message saying what to do. Served like the signed-in download: attachment disposition,
 * nosniff, a sandbox CSP; GET only reads.
 */
export function fileLinkRoutes() {
  return new Hono<AppEnv>()
    // A link is a bearer token: guessing them is throttled per address.
    .use(throttleByAddress({ scope: 'file-link', limit: 60, windowMs: 60_000 }))
    .get('/:token', validate('param', ratingTokenParam), async (c) => {
      const { db, config, now } = c.get('deps');
      const parsed = parseFileLinkToken(c.req.valid('param').token);
      const mail = parsed ? await getOutboxMail(db, parsed.outboxId) : null;
      if (!parsed || !mail) throw new AppError('file_link_invalid');
      const check = verifyFileLink(await getOrCreateSecret(db, FILE_LINK_SECRET), parsed, mail.toAddress, now());
      if (!check.ok) throw new AppError(check.reason === 'expired' ? 'file_link_expired' : 'file_link_invalid');
      if (!await recipientMayHave(db, mail.toAddress, mail.sourceMessageId, parsed.attachmentId)) throw new AppError('file_link_invalid');
      const file = (await attachmentForAccess(db, parsed.attachmentId))!;
      const store = createBlobStore(config.dataDir);
      if (!store.has(file.sha256)) throw new AppError('not_found');
      c.header('Content-Type', file.mime.startsWith('text/') ? `${file.mime}; charset=utf-8` : file.mime);
      c.header('Content-Length', String(file.size));
      // Always a download here: no page of ours frames it, so nothing gains from inline.
      c.header('Content-Disposition', contentDisposition('attachment', file.filename));
      c.header('X-Content-Type-Options', 'nosniff');
      c.header('Content-Security-Policy', "sandbox; default-src 'none'");
      c.header('Cache-Control', 'private, no-store');
      c.header('Referrer-Policy', 'no-referrer');
      return c.body(Readable.toWeb(store.read(file.sha256)) as unknown as ReadableStream, 200);
    });
}
