import { adminCreateInput } from '@atende/contracts';
import { findAccountByEmail, findAgentByEmail, insertAgent, recordAudit, transaction, type Database } from '@atende/db/store';
import { createAccountLink } from '../auth/account-links.js';
import { lockAddressBook } from './address-book.js';

export type AdminCreateResult =
  | { ok: true; created: boolean; email: string; role: 'agent' | 'admin'; url: string; expiresAt: number }
  | { ok: false; message: string };

/**
 * `pnpm admin:create`: creates an admin with no password and returns a one-time link (1 hour) to the
 * "Criar sua senha" page. For an e-mail that already has a staff account it only issues a new link
 * (nothing else changes), so a locked-out admin can run it again. Plain database writes: safe while the
 * server runs (WAL; the server reads the new rows on the next request).
 */
export async function createAdminWithLink(db: Database, input: { email: string; name: string }, now: number, publicUrl: string): Promise<AdminCreateResult> {
  const parsed = adminCreateInput.safeParse(input);
  if (!parsed.success) return { ok: false, message: parsed.error.issues.map((i) => `--${String(i.path[0])}: ${i.message}`).join('\n') };
  const { email, name } = parsed.data;

  let agent = await findAgentByEmail(db, email);
  let created = false;
  if (agent && !agent.active) {
    return { ok: false, message: `${email} belongs to a deactivated team member: reactivate them in Equipe first.` };
  }
  if (!agent) {
    if (await findAccountByEmail(db, email)) return { ok: false, message: `${email} belongs to a customer contact; use another e-mail for the admin.` };
    // The server may be creating a contact with this address at the same moment.
    const result = await transaction(db, async (tx) => {
      await lockAddressBook(tx);
      return insertAgent(tx, { name, email, role: 'admin', departmentIds: [], now });
    });
    if (!result.ok) return { ok: false, message: `${email} cannot be used (${result.reason}).` };
    agent = result.agent;
    created = true;
  }
  const link = await createAccountLink(db, { kind: 'agent', id: agent.id }, 'invitation', now, publicUrl);
  await recordAudit(db, {
    at: now,
    event: created ? 'admin_created' : 'invitation_sent',
    actorKind: 'system',
    actorId: null,
    email,
    address: null,
    details: { command: 'admin:create', account: { kind: 'agent', id: agent.id } },
  });
  return { ok: true, created, email, role: agent.role, ...link };
}
