import { z } from 'zod';

/**
 * Account requests: password reset, invitation links, password change. Password rules are by length
 * only (ASVS 6.2.1, 6.2.9: at least 8, at most 128, no composition rules); the BFF also refuses
 * passwords on its shipped list of common and breached ones.
 */
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

export const newPassword = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `Use pelo menos ${PASSWORD_MIN_LENGTH} caracteres.`)
  .max(PASSWORD_MAX_LENGTH, `Use no máximo ${PASSWORD_MAX_LENGTH} caracteres.`);

const email = z.string().trim().min(1, 'Informe seu e-mail.').max(254, 'E-mail longo demais.').pipe(z.email('E-mail inválido.'));

export const passwordResetRequestInput = z.object({ email }).strict();
export const invitationInput = z.object({ email }).strict();

/** A link token from an e-mail: 256 bits in base64url. */
export const accountLinkParam = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'Link inválido.') });
export const accountLinkInput = z.object({ password: newPassword }).strict();

/**
 * Passwordless sign-in (issue 15). `returnTo` is the page to open once signed in: a path of this site
 * only (the SPA checks it again before following it), never another origin.
 */
const returnPath = z
  .string()
  .max(512, 'Endereço de retorno inválido.')
  .regex(/^\/(?![/\\])[^\s]*$/, 'Endereço de retorno inválido.');
export const signInLinkRequestInput = z.object({ email, returnTo: returnPath.optional() }).strict();
export const signInSettingsInput = z.object({ emailLinkForContacts: z.boolean(), emailLinkForAgents: z.boolean() }).strict();

export const passwordChangeInput = z
  .object({ currentPassword: z.string().min(1, 'Informe sua senha atual.').max(256, 'Senha longa demais.'), newPassword })
  .strict();

/** Audit log page: `before` is the `nextBefore` of the previous page (`<at>.<id>`). */
export const auditLogQuery = z.object({
  before: z
    .string()
    .regex(/^\d{1,15}\.\d{1,15}$/, 'Página inválida.')
    .transform((v) => v.split('.').map(Number) as [number, number])
    .optional(),
});
