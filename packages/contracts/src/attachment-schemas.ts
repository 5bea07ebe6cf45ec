import { z } from 'zod';
import { MAX_DB_INT } from './database-limits.js';

/** Files travel with messages: a message names the uploads (POST /api/uploads) it carries. */
export const ATTACHMENT_MAX_FILES_HARD = 50;

export const attachmentIds = z
  .array(z.number().int().positive().max(MAX_DB_INT), { error: 'Anexos inválidos.' })
  .max(ATTACHMENT_MAX_FILES_HARD, 'Anexos demais.')
  .optional();

export const attachmentParam = z.object({
  id: z.coerce.number().int().positive().max(MAX_DB_INT),
  attachmentId: z.coerce.number().int().positive().max(MAX_DB_INT),
});

/** What an upload answers for each stored file. */
export interface UploadedFile {
  id: number;
  filename: string;
  mime: string;
  size: number;
}

/** Agent notifications (console) and which of them also go by e-mail. */
export const NOTIFICATION_KIND_VALUES = ['new_ticket', 'customer_message', 'not_resolved', 'reopened', 'assigned', 'held_mail'] as const;
export const notificationsQuery = z.object({ before: z.coerce.number().int().positive().max(MAX_DB_INT).optional() }).strict();
export const markNotificationsReadInput = z.object({ ids: z.array(z.number().int().positive().max(MAX_DB_INT)).min(1).max(100) }).strict();
export const notificationPrefsInput = z.object({ emailKinds: z.array(z.enum(NOTIFICATION_KIND_VALUES, { error: 'Tipo de aviso desconhecido.' })).max(NOTIFICATION_KIND_VALUES.length) }).strict();
export const markAllReadInput = z.object({}).strict();

/** An agent's decision on an "e-mail de remetente não reconhecido". */
export const heldMailParam = z.object({
  id: z.coerce.number().int().positive().max(MAX_DB_INT),
  heldId: z.coerce.number().int().positive().max(MAX_DB_INT),
});
export const acceptHeldMailInput = z.object({ addContact: z.boolean(), expectedVersion: z.number().int().positive().max(MAX_DB_INT) }).strict();
export const discardHeldMailInput = z.object({}).strict();
