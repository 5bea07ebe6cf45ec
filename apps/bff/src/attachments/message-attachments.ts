import { stagedAttachmentsOf, type AttachmentOwner, type Database } from '@atende/db/store';
import type { Config } from '../config.js';
import { AppError } from '../http/app-error.js';
import { attachmentMessages } from './attachment-errors.js';

/**
 * The files a new message names must be the author's own unclaimed uploads, within the per-message
 * limits; checked before the change is queued (a clear field error) and claimed again inside the
 * change's transaction (two messages racing for one upload: one wins, the other rolls back).
 */
export async function checkMessageAttachments(db: Database, owner: AttachmentOwner, ids: readonly number[] | undefined, limits: Config['attachments']): Promise<number[]> {
  const unique = [...new Set(ids ?? [])];
  if (unique.length === 0) return [];
  if (unique.length > limits.maxFiles) throw new AppError('validation_failed', { fields: { attachmentIds: attachmentMessages.tooMany(limits.maxFiles) } });
  const staged = await stagedAttachmentsOf(db, owner, unique);
  if (staged.length !== unique.length) throw new AppError('validation_failed', { fields: { attachmentIds: attachmentMessages.unavailable() } });
  const total = staged.reduce((sum, file) => sum + file.size, 0);
  if (total > limits.maxMessageBytes) throw new AppError('validation_failed', { fields: { attachmentIds: attachmentMessages.messageTooBig(limits.maxMessageBytes) } });
  return unique;
}
