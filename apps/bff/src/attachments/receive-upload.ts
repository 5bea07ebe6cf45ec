import { Readable } from 'node:stream';
import type { ReadableStream as NodeWebReadableStream } from 'node:stream/web';
import { insertStagedAttachment, transaction, type AttachmentOwner, type Database } from '@atende/db/store';
import type { UploadedFile } from '@atende/contracts';
import busboy from 'busboy';
import { AppError } from '../http/app-error.js';
import type { Config } from '../config.js';
import { attachmentMessages } from './attachment-errors.js';
import type { BlobStore, ReceivedBlob } from './blob-store.js';
import { checkFileContent } from './content-type.js';
import { safeFilename } from './filename.js';

interface Received {
  index: number;
  filename: string;
  blob: ReceivedBlob;
}

const refuse = (message: string) => new AppError('validation_failed', { fields: { files: message } });

/**
 * POST /api/uploads: multipart files streamed to disk one chunk at a time (busboy), each checked by
 * content, then all kept and recorded together, or none: a file too big, of a refused type, or an
 * upload cut half-way leaves nothing behind (temporary files removed, no row).
 */
export async function receiveUpload(params: { db: Database; store: BlobStore; limits: Config['attachments']; request: Request; owner: AttachmentOwner; now: number }): Promise<UploadedFile[]> {
  const { request, limits, store } = params;
  const contentType = request.headers.get('content-type') ?? '';
  if (!/^multipart\/form-data;/i.test(contentType)) throw new AppError('unsupported_media_type', { fields: { files: attachmentMessages.notMultipart() } });
  if (!request.body) throw refuse(attachmentMessages.cut());

  const received: Received[] = [];
  const pending: Promise<void>[] = [];
  let tooMany = false;
  try {
    await new Promise<void>((resolve, reject) => {
      let parser: busboy.Busboy;
      try {
        parser = busboy({ headers: { 'content-type': contentType }, defParamCharset: 'utf8', limits: { files: limits.maxFiles, fields: 5, fieldSize: 1024, parts: limits.maxFiles + 5 } });
      } catch {
        reject(refuse(attachmentMessages.notMultipart()));
        return;
      }
      parser.on('file', (_field, stream, info) => {
        const filename = safeFilename(info.filename);
        const index = pending.length;
        pending.push(store.receive(stream, limits.maxFileBytes).then((blob) => void received.push({ index, filename, blob })));
      });
      parser.on('filesLimit', () => (tooMany = true));
      parser.on('error', (error) => reject(error));
      parser.on('close', () => resolve());
      const body = Readable.fromWeb(request.body as unknown as NodeWebReadableStream<Uint8Array>);
      body.on('error', (error) => parser.destroy(error));
      body.pipe(parser);
    });
    await Promise.all(pending);
  } catch (error) {
    await Promise.allSettled(pending);
    await Promise.all(received.map((r) => store.discard(r.blob)));
    if (error instanceof AppError) throw error;
    throw refuse(attachmentMessages.cut());
  }

  received.sort((a, b) => a.index - b.index);
  const problem = await firstProblem(received, limits, tooMany);
  if (problem) {
    await Promise.all(received.map((r) => store.discard(r.blob)));
    throw refuse(problem.message);
  }
  const checked = received as (Received & { mime: string })[];
  for (const file of checked) await store.keep(file.blob);
  const rows = await transaction(params.db, async (tx) => {
    const inserted = [];
    for (const file of checked) inserted.push(await insertStagedAttachment(tx, { sha256: file.blob.sha256, size: file.blob.size, mime: file.mime, filename: file.filename, owner: params.owner, now: params.now }));
    return inserted;
  });
  return rows.map((row) => ({ id: row.id, filename: row.filename, mime: row.mime, size: row.size }));
}

async function firstProblem(received: Received[], limits: Config['attachments'], tooMany: boolean): Promise<{ message: string } | null> {
  if (tooMany) return { message: attachmentMessages.tooMany(limits.maxFiles) };
  if (received.length === 0) return { message: 'Escolha ao menos um arquivo.' };
  let total = 0;
  for (const file of received) {
    if (file.blob.tooBig) return { message: attachmentMessages.tooBig(file.filename, limits.maxFileBytes) };
    if (file.blob.size === 0) return { message: attachmentMessages.empty(file.filename) };
    total += file.blob.size;
    const check = await checkFileContent(file.blob.tempPath, file.filename);
    if (!check.ok) return { message: attachmentMessages.badType(file.filename) };
    (file as Received & { mime: string }).mime = check.mime;
  }
  if (total > limits.maxMessageBytes) return { message: attachmentMessages.messageTooBig(limits.maxMessageBytes) };
  return null;
}
