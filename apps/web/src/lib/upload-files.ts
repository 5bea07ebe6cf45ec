import type { ApiErrorBody, UploadedFile } from '@atende/contracts';
import { ApiError } from './api-client.js';

/**
 * POST /api/uploads with the chosen files (multipart/form-data). The one request the typed client does
 * not make: the route streams the body itself, with no JSON validator to type. Answers like any API call
 * (ApiError with the server's field message when a file is refused).
 */
export async function uploadFiles(files: readonly File[]): Promise<UploadedFile[]> {
  const form = new FormData();
  for (const file of files) form.append('files', file, file.name);
  const response = await fetch('/api/uploads', { method: 'POST', body: form, credentials: 'same-origin' });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as ApiErrorBody | null;
    throw new ApiError(response.status, body ?? { code: 'internal_error', message: 'Erro inesperado.' });
  }
  return ((await response.json()) as { files: UploadedFile[] }).files;
}

/** Where a message's file is read (authorized like the message). */
export const attachmentUrl = (ticketId: number, attachmentId: number) => `/api/tickets/${ticketId}/attachments/${attachmentId}`;
/** The server-made thumbnail of an image (a few KB, at most 240×180). */
export const thumbnailUrl = (ticketId: number, attachmentId: number) => `${attachmentUrl(ticketId, attachmentId)}/thumbnail`;
