import { emptyBody, teamInviteInput, teamMemberInput } from '@atende/contracts';
import { countActiveAdmins, deactivateAgent, findAccount, getTeamMember, insertAgent, listDepartments, listTeam, reactivateAgent, serialize, transaction, updateTeamMember, type Database } from '@atende/db/store';
import { Hono } from 'hono';
import { z } from 'zod';
import { mailAccountLink } from '../auth/account-links.js';
import { audit } from '../audit/audit.js';
import type { AppEnv } from '../http/app-env.js';
import { AppError } from '../http/app-error.js';
import { requireRole, signedIn } from '../http/session-middleware.js';
import { validate } from '../http/validate.js';
import { lockAddressBook } from '../people/address-book.js';
import { lockAgentActive } from '../tickets/assign-active-agent.js';

const agentIdParam = z.object({ agentId: z.coerce.number().int().positive('Pessoa inválida.') });

/**
 * "Is this the last active admin?" counts rows, so two admins demoting or deactivating each other at
 * once would each see the other still there. The count and the change run in one transaction, one at
 * a time on this key (PostgreSQL; SQLite runs write transactions alone anyway).
 */
function lockActiveAdmins(tx: Database): Promise<void> {
  return serialize(tx, 'team:active-admins');
}

const EMAIL_TAKEN = { email_taken_by_agent: 'Este e-mail já é de alguém da equipe.', email_taken_by_contact: 'Este e-mail é de um contato de cliente.' } as const;

/**
 * Equipe (admins only): invite agents and admins, edit their role and departments, deactivate and
 * reactivate. Every change is one audit entry. An invitation is an e-mailed one-time link to "Criar sua senha".
 */
export function teamRoutes() {
  return new Hono<AppEnv>()
    .use(requireRole('admin'))
    .get('/', async (c) => c.json({ members: await listTeam(c.get('deps').db), departments: await listDepartments(c.get('deps').db) }, 200))
    .post('/', validate('json', teamInviteInput), async (c) => {
      const input = c.req.valid('json');
      const result = await transaction(c.get('deps').db, async (tx) => {
        await lockAddressBook(tx);
        return insertAgent(tx, { ...input, now: c.get('deps').now() });
      });
      if (!result.ok) {
        if (result.reason === 'unknown_department') throw new AppError('validation_failed', { fields: { departmentIds: 'Departamento desconhecido.' } });
        throw new AppError('validation_failed', { fields: { email: EMAIL_TAKEN[result.reason] } });
      }
      await mailAccountLink(c.get('deps'), { kind: 'agent', ...result.agent }, 'invitation');
      await audit(c, 'team_member_invited', { email: result.agent.email, details: { after: result.agent } });
      return c.json({ member: result.agent }, 201);
    })
    .put('/:agentId', validate('param', agentIdParam), validate('json', teamMemberInput), async (c) => {
      const { db } = c.get('deps');
      const id = c.req.valid('param').agentId;
      const input = c.req.valid('json');
      const { before, after } = await transaction(db, async (tx) => {
        await lockActiveAdmins(tx);
        const before = await getTeamMember(tx, id);
        if (!before) throw new AppError('not_found');
        // Demoting the last active admin would leave nobody to administer.
        if (before.role === 'admin' && input.role !== 'admin' && before.active && await countActiveAdmins(tx) <= 1) throw new AppError('last_admin');
        const after = await updateTeamMember(tx, id, input);
        if (after === 'unknown_department') throw new AppError('validation_failed', { fields: { departmentIds: 'Departamento desconhecido.' } });
        if (!after) throw new AppError('not_found');
        return { before, after };
      });
      await audit(c, 'team_member_changed', { email: after.email, details: { before, after } });
      return c.json({ member: after }, 200);
    })
    .post('/:agentId/deactivate', validate('param', agentIdParam), validate('json', emptyBody), async (c) => {
      const { db, now } = c.get('deps');
      const id = c.req.valid('param').agentId;
      const self = signedIn(c).actor.id;
      const { before, moved } = await transaction(db, async (tx) => {
        await lockActiveAdmins(tx);
        await lockAgentActive(tx, id);
        const before = await getTeamMember(tx, id);
        if (!before) throw new AppError('not_found');
        if (id === self || (before.role === 'admin' && before.active && await countActiveAdmins(tx) <= 1)) throw new AppError('last_admin');
        const moved = await deactivateAgent(tx, { agentId: id, now: now() });
        if (!moved) throw new AppError('not_found');
        return { before, moved };
      });
      await audit(c, 'team_member_deactivated', { email: before.email, details: { before: { active: before.active }, after: { active: false }, ticketsBackToQueue: moved.ticketIds } });
      return c.json({ member: await getTeamMember(db, id), ticketsBackToQueue: moved.ticketIds.length }, 200);
    })
    .post('/:agentId/reactivate', validate('param', agentIdParam), validate('json', emptyBody), async (c) => {
      const { db } = c.get('deps');
      const id = c.req.valid('param').agentId;
      // Read with the write (and one at a time with a deactivation), so the audit's "before" is true.
      const before = await transaction(db, async (tx) => {
        await lockAgentActive(tx, id);
        const before = await getTeamMember(tx, id);
        if (!before || !await reactivateAgent(tx, id)) throw new AppError('not_found');
        return before;
      });
      await audit(c, 'team_member_reactivated', { email: before.email, details: { before: { active: before.active }, after: { active: true } } });
      return c.json({ member: await getTeamMember(db, id) }, 200);
    })
    // A new invitation link (the first expired, or the e-mail was lost).
    .post('/:agentId/invitation', validate('param', agentIdParam), validate('json', emptyBody), async (c) => {
      const { db } = c.get('deps');
      const account = await findAccount(db, 'agent', c.req.valid('param').agentId);
      if (!account) throw new AppError('not_found');
      if (!account.active) throw new AppError('validation_failed', { fields: { agentId: 'Reative a pessoa antes de convidar.' } });
      await mailAccountLink(c.get('deps'), account, 'invitation');
      await audit(c, 'invitation_sent', { email: account.email, details: { account: { kind: 'agent', id: account.id } } });
      return c.json({ ok: true }, 202);
    });
}
