import { PRIORITIES } from '@atende/domain';
import { z } from 'zod';
import { MESSAGE_MAX_LENGTH } from './schemas.js';
import { TICKET_SUBJECT_MAX_LENGTH } from './portal-schemas.js';
import { MAX_DB_INT } from './database-limits.js';

/** The agents' company and contact directory, and tickets filed by an agent on a contact's behalf. */

export const directoryQuery = z
  .object({ q: z.string({ error: 'Digite um nome ou e-mail.' }).trim().min(2, 'Digite ao menos 2 caracteres.').max(100, 'A busca pode ter até 100 caracteres.') })
  .strict();

export const directoryIdParam = z.object({ id: z.coerce.number().int().positive().max(MAX_DB_INT) });

export const onBehalfTicketInput = z
  .object({
    subject: z
      .string({ error: 'Descreva o assunto.' })
      .trim()
      .min(1, 'Descreva o assunto.')
      .max(TICKET_SUBJECT_MAX_LENGTH, `A descrição do assunto pode ter até ${TICKET_SUBJECT_MAX_LENGTH} caracteres.`),
    departmentId: z.number({ error: 'Escolha o departamento.' }).int().positive('Escolha o departamento.').max(MAX_DB_INT),
    priority: z.enum(PRIORITIES, { error: 'Escolha a prioridade.' }),
    body: z
      .string({ error: 'Escreva a mensagem.' })
      .trim()
      .min(1, 'Escreva a mensagem.')
      .max(MESSAGE_MAX_LENGTH, `A mensagem pode ter até ${MESSAGE_MAX_LENGTH} caracteres.`),
    /** Generated once per form: a double click or a retry returns the same ticket. */
    idempotencyKey: z.string({ error: 'Chave de envio ausente.' }).regex(/^[A-Za-z0-9_-]{16,100}$/, 'Chave de envio inválida.'),
  })
  .strict();

export type OnBehalfTicketInput = z.infer<typeof onBehalfTicketInput>;

const transcript = z
  .string({ error: 'Cole a conversa.' })
  .trim()
  .min(1, 'Cole a conversa.')
  .max(MESSAGE_MAX_LENGTH, `A conversa pode ter até ${MESSAGE_MAX_LENGTH} caracteres.`);
const summary = z
  .string({ error: 'Escreva o resumo.' })
  .trim()
  .min(1, 'Escreva o resumo.')
  .max(MESSAGE_MAX_LENGTH, `O resumo pode ter até ${MESSAGE_MAX_LENGTH} caracteres.`);

/**
 * "Registrar conversa" (seed 001 §1.1–1.2): a chat/phone transcript saved as a new ticket or appended to
 * one of the contact's tickets, optionally resolving it. The transcript is a public message, the
 * summary an internal note.
 */
export const logConversationInput = z.discriminatedUnion('mode', [
  z
    .object({
      mode: z.literal('new'),
      subject: onBehalfTicketInput.shape.subject,
      departmentId: onBehalfTicketInput.shape.departmentId,
      priority: onBehalfTicketInput.shape.priority,
      transcript,
      summary,
      idempotencyKey: onBehalfTicketInput.shape.idempotencyKey,
    })
    .strict(),
  z
    .object({
      mode: z.literal('append'),
      ticketId: z.number({ error: 'Escolha o chamado.' }).int().positive('Escolha o chamado.').max(MAX_DB_INT),
      transcript,
      summary,
      /** "Acrescentar e resolver". */
      resolve: z.boolean(),
      expectedVersion: z.number().int().positive().max(MAX_DB_INT).optional(),
    })
    .strict(),
]);

export type LogConversationInput = z.infer<typeof logConversationInput>;

/** An agent API token for a chat tool: a name to recognise it by. */
export const apiTokenInput = z
  .object({ name: z.string({ error: 'Dê um nome ao token.' }).trim().min(1, 'Dê um nome ao token.').max(100, 'O nome pode ter até 100 caracteres.') })
  .strict();

/** POST /integrations/conversations: "Registrar conversa" for the contact with this e-mail. */
export const integrationConversationInput = z
  .object({
    contactEmail: z.string({ error: 'Informe o e-mail do contato.' }).trim().toLowerCase().email('E-mail inválido.').max(254, 'E-mail inválido.'),
    conversation: logConversationInput,
  })
  .strict();
