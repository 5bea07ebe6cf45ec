import { z } from 'zod';
import { newPassword } from './account-schemas.js';
import { personName } from './people-schemas.js';

/**
 * Customer self-registration (issue 17): the sign-up asks only for a name and an e-mail (short on a
 * phone); the password is chosen on the page the e-mailed link opens, which proves the address.
 */
export const registrationRequestInput = z
  .object({
    name: personName,
    email: z.string().trim().min(1, 'Informe seu e-mail.').max(254, 'E-mail longo demais.').pipe(z.email('E-mail inválido.')),
  })
  .strict();

export const registrationCompleteInput = z.object({ password: newPassword }).strict();

export type RegistrationRequestInput = z.infer<typeof registrationRequestInput>;
