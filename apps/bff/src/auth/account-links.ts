import { insertAccountToken, type Db } from '@atende/db';
import type { AccountMailer } from './account-mailer.js';
import { hashToken, newSessionToken } from './session-cookie.js';

/** Links for a password reset or an invitation are valid for one hour and one use. */
export const ACCOUNT_LINK_TTL_MS = 60 * 60_000;
export const ACCOUNT_LINK_PATHS = { password_reset: '/redefinir-senha', invitation: '/convite' } as const;

/**
 * A new link: a 256-bit token of which only the hash is stored (earlier unused links of the same purpose
 * stop working). `publicUrl` is PUBLIC_ORIGIN, so a link printed by a command or e-mailed from the
 * server opens the address people use, never a guessed localhost.
 */
export function createAccountLink(
  db: Db,
  account: { kind: 'contact' | 'agent'; id: number },
  purpose: keyof typeof ACCOUNT_LINK_PATHS,
  now: number,
  publicUrl: string,
): { url: string; expiresAt: number } {
  const token = newSessionToken();
  const expiresAt = now + ACCOUNT_LINK_TTL_MS;
  insertAccountToken(db, { tokenHash: hashToken(token), purpose, accountKind: account.kind, accountId: account.id, now, expiresAt });
  return { url: `${publicUrl}${ACCOUNT_LINK_PATHS[purpose]}/${token}`, expiresAt };
}

/** A new link e-mailed to its owner (through the outbox): invitations from Equipe and Clientes, resets. */
export function mailAccountLink(
  deps: { db: Db; now: () => number; config: { publicUrl: string }; accountMailer: AccountMailer },
  account: { kind: 'contact' | 'agent'; id: number; email: string; name: string },
  purpose: keyof typeof ACCOUNT_LINK_PATHS,
): void {
  const { url, expiresAt } = createAccountLink(deps.db, account, purpose, deps.now(), deps.config.publicUrl);
  deps.accountMailer.sendAccountLink({ to: account.email, name: account.name, purpose, url, expiresAt });
}
