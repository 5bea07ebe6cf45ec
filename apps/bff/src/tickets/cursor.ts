import { AppError } from '../http/app-error.js';

/** Where a keyset page ends: the sort key (updated_at, due_at…) and id of its last row. */
export interface KeysetCursor {
  key: number;
  id: number;
}

/** The one opaque page cursor of the API (customer tabs, agent queues): base64url of "key.id". */
export function encodeCursor(cursor: KeysetCursor | null): string | null {
  return cursor ? Buffer.from(`${cursor.key}.${cursor.id}`).toString('base64url') : null;
}

/** A cursor this API gave out, or null for the first page; anything else is a clear 400. */
export function decodeCursor(value: string | undefined): KeysetCursor | null {
  if (!value) return null;
  const match = /^(\d{1,16})\.(\d{1,16})$/.exec(Buffer.from(value, 'base64url').toString());
  if (!match) throw new AppError('validation_failed', { fields: { cursor: 'Página inválida.' } });
  return { key: Number(match[1]), id: Number(match[2]) };
}
