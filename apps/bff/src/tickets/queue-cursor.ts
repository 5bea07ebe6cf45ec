import type { QueueCursor } from '@atende/db';
import { AppError } from '../http/app-error.js';

/** Opaque keyset cursor of the agent queues: base64url of "key.id" (key = updated_at or due_at). */
export function encodeQueueCursor(cursor: QueueCursor | null): string | null {
  return cursor ? Buffer.from(`${cursor.key}.${cursor.id}`).toString('base64url') : null;
}

export function decodeQueueCursor(value: string | undefined): QueueCursor | null {
  if (!value) return null;
  const match = /^(\d{1,16})\.(\d{1,16})$/.exec(Buffer.from(value, 'base64url').toString());
  if (!match) throw new AppError('validation_failed', { fields: { cursor: 'Página inválida.' } });
  return { key: Number(match[1]), id: Number(match[2]) };
}
