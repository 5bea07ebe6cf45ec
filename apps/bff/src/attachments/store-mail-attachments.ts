import { Readable } from 'node:stream';
import { insertStagedAttachment, type Database } from '@atende/db/store';
import type { Config } from '../config.js';
import type { BlobStore } from './blob-store.js';
import { checkFileContent } from './content-type.js';
import { safeFilename } from './filename.js';

/**
 * An inbound e-mail's files, kept like uploaded ones: the same content check, limits and
 * content-addressed storage; staged (owned by the system) until the message or held e-mail claims
 * them. A file that fails the check is not kept, and its name is returned so the thread says so.
 */
export async function storeMailAttachments(
  db: Database,
  store: BlobStore,
  limits: Config['attachments'],
  files: readonly { filename?: string | undefined; content: Buffer }[],
  now: number,
): Promise<{ ids: number[]; refused: string[] }> {
  const ids: number[] = [];
  const refused: string[] = [];
  let total = 0;
  for (const file of files) {
    const filename = safeFilename(file.filename);
    if (ids.length >= limits.maxFiles || total + file.content.length > limits.maxMessageBytes) {
      refused.push(filename);
      continue;
    }
    const blob = await store.receive(Readable.from([file.content]), limits.maxFileBytes);
    const check = blob.tooBig || blob.size === 0 ? ({ ok: false } as const) : await checkFileContent(blob.tempPath, filename);
    if (!check.ok) {
      await store.discard(blob);
      refused.push(filename);
      continue;
    }
    await store.keep(blob);
    total += blob.size;
    ids.push((await insertStagedAttachment(db, { sha256: blob.sha256, size: blob.size, mime: check.mime, filename, owner: { kind: 'system', id: null }, now })).id);
  }
  return { ids, refused };
}
