import { PRIORITIES, TICKET_STATUSES } from '@atende/domain';
import { z } from 'zod';
import { MAX_DB_INT } from './database-limits.js';

/** Request schemas of the agent console's tools: canned replies, bulk actions, merge, reports. */

export const cannedReplyInput = z
  .object({
    title: z.string({ error: 'Dê um título à resposta.' }).trim().min(1, 'Dê um título à resposta.').max(100, 'O título pode ter até 100 caracteres.'),
    body: z.string({ error: 'Escreva a resposta.' }).trim().min(1, 'Escreva a resposta.').max(10_000, 'A resposta pode ter até 10000 caracteres.'),
    /** Shared with the team (admins only) or personal. */
    shared: z.boolean(),
  })
  .strict();
export type CannedReplyInput = z.infer<typeof cannedReplyInput>;

export const consoleIdParam = z.object({ id: z.coerce.number().int().positive().max(MAX_DB_INT) });

const ticketRef = z.object({ id: z.number().int().positive().max(MAX_DB_INT), expectedVersion: z.number().int().positive().max(MAX_DB_INT) }).strict();

/** The same change on many selected queue rows; each ticket keeps its own version check. */
export const bulkActionInput = z
  .object({
    tickets: z.array(ticketRef).min(1, 'Selecione pelo menos um chamado.').max(100, 'No máximo 100 chamados de uma vez.'),
    change: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('assign'), assigneeId: z.number().int().positive().max(MAX_DB_INT).nullable() }).strict(),
      z.object({ kind: z.literal('status'), status: z.enum(TICKET_STATUSES), dueDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Data inválida.').optional() }).strict(),
      z.object({ kind: z.literal('priority'), priority: z.enum(PRIORITIES) }).strict(),
    ]),
  })
  .strict();
export type BulkActionInput = z.infer<typeof bulkActionInput>;

/** Merge this (duplicate) ticket into another of the same customer. */
export const mergeTicketInput = z
  .object({ targetId: z.number({ error: 'Informe o chamado de destino.' }).int().positive('Informe o chamado de destino.').max(MAX_DB_INT), expectedVersion: z.number().int().positive().max(MAX_DB_INT) })
  .strict();

/** A report's period: company-calendar days, inclusive. */
export const reportQuery = z
  .object({
    from: z.iso.date('Data inválida.'),
    to: z.iso.date('Data inválida.'),
  })
  .strict()
  .refine((v) => v.from <= v.to, { message: 'O início deve ser antes do fim.', path: ['to'] });

export const reportExportQuery = z
  .object({ from: z.iso.date('Data inválida.'), to: z.iso.date('Data inválida.'), report: z.enum(['agents', 'volume', 'ratings']) })
  .strict()
  .refine((v) => v.from <= v.to, { message: 'O início deve ser antes do fim.', path: ['to'] });

const hours = z.number({ error: 'Informe as horas.' }).min(0.25, 'No mínimo 15 minutos.').max(720, 'No máximo 720 horas.');
const perPriority = z.object({ baixa: hours, media: hours, alta: hours, urgente: hours }).strict();
/** Response targets (SLA) in business hours, per priority. */
export const slaSettingsInput = z.object({ firstResponseHours: perPriority, nextResponseHours: perPriority }).strict();

/** Presence on a ticket's page (agents only): on the page, writing in the composer, or gone. */
export const presenceInput = z.object({ state: z.enum(['viewing', 'typing', 'left'], { error: 'Informe viewing, typing ou left.' }) }).strict();
export type PresenceInput = z.infer<typeof presenceInput>;
