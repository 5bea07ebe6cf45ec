import type { ActivityCursor } from '@atende/db';
import { AppError } from '../http/app-error.js';

/** Opaque keyset cursor for the API: base64url of "updatedAt.id". */
export function encodeCursor(cursor: ActivityCursor | null): string | null {
  return cursor ? Buffer.from(`${cursor.updatedAt}.${cursor.id}`).toString('base64url') : null;
}

export function decodeCursor(value: string | undefined): ActivityCursor | null {
  if (!value) return null;
  const match = /^(\d{1,16})\.(\d{1,16})$/.exec(Buffer.from(value, 'base64url').toString());
  if (!match) throw new AppError('validation_failed', { fields: { cursor: 'Página inválida.' } });
  return { updatedAt: Number(match[1]), id: Number(match[2]) };
}
