import { z } from 'zod';

/** Files travel with messages: a message names the uploads (POST /api/uploads) it carries. */
export const ATTACHMENT_MAX_FILES_HARD = 50;

export const attachmentIds = z
  .array(z.number().int().positive().max(Number.MAX_SAFE_INTEGER), { error: 'Anexos inválidos.' })
  .max(ATTACHMENT_MAX_FILES_HARD, 'Anexos demais.')
  .optional();

export const attachmentParam = z.object({
  id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  attachmentId: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER),
});

/** What an upload answers for each stored file. */
export interface UploadedFile {
  id: number;
  filename: string;
  mime: string;
  size: number;
}
