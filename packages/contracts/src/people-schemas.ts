import { AGENT_ROLES } from '@atende/domain';
import { z } from 'zod';

/** People: the team (agents and admins) and the first admin created from the command line. */
export const personEmail = z.string().trim().toLowerCase().min(1, 'Informe o e-mail.').max(254, 'E-mail longo demais.').pipe(z.email('E-mail inválido.'));
export const personName = z.string().trim().min(1, 'Informe o nome.').max(120, 'Nome longo demais.');

/** `pnpm admin:create --email <e-mail> --name "<name>"`. */
export const adminCreateInput = z.object({ email: personEmail, name: personName }).strict();

const departmentIds = z.array(z.number().int().positive()).max(50, 'Departamentos demais.');

/** Equipe → Convidar. */
export const teamInviteInput = z
  .object({ name: personName, email: personEmail, role: z.enum(AGENT_ROLES, 'Papel inválido.'), departmentIds })
  .strict();

/** Equipe → edit a member. */
export const teamMemberInput = z.object({ name: personName, role: z.enum(AGENT_ROLES, 'Papel inválido.'), departmentIds }).strict();
