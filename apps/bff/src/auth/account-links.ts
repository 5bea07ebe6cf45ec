import { accountLanguage, insertAccountToken, type Database } from '@atende/db/store';
import type { AccountMailer } from './account-mailer.js';
import { hashToken, newSessionToken } from './session-cookie.js';

/**
 * Links for a password reset or an invitation are valid for one hour; a passwordless sign-in link for
 * 15 minutes (issue 15): it opens a session by itself, so it lives only as long as reading an e-mail takes.
 * Every link works once.
 */
export const ACCOUNT_LINK_TTL_MS = 60 * 60_000;
export const SIGN_IN_LINK_TTL_MS = 15 * 60_000;
export const ACCOUNT_LINK_PATHS = { password_reset: '/redefinir-senha', invitation: '/convite', sign_in_link: '/link-de-acesso' } as const;
const TTL_MS: Record<keyof typeof ACCOUNT_LINK_PATHS, number> = { password_reset: ACCOUNT_LINK_TTL_MS, invitation: ACCOUNT_LINK_TTL_MS, sign_in_link: SIGN_IN_LINK_TTL_MS };

/**
 * A new link: a 256-bit token of which only the hash is stored (earlier unused links of the same purpose
 * stop working). `publicUrl` is PUBLIC_ORIGIN, so a link printed by a command or e-mailed from the
 * server opens the address people use, never a guessed localhost. `returnTo` (a sign-in link's page to
 * open afterwards, already checked to be a path of this site) travels in the URL: it is no secret.
 */
export async function createAccountLink(
  db: Database,
  account: { kind: 'contact' | 'agent'; id: number },
  purpose: keyof typeof ACCOUNT_LINK_PATHS,
  now: number,
  publicUrl: string,
  returnTo?: string,
): Promise<{ url: string; expiresAt: number }> {
  const token = newSessionToken();
  const expiresAt = now + TTL_MS[purpose];
  await insertAccountToken(db, { tokenHash: hashToken(token), purpose, accountKind: account.kind, accountId: account.id, now, expiresAt });
  const query = returnTo ? `?${new URLSearchParams({ voltar: returnTo }).toString()}` : '';
  return { url: `${publicUrl}${ACCOUNT_LINK_PATHS[purpose]}/${token}${query}`, expiresAt };
}

/**
 * A new link e-mailed to its owner (through the outbox), in the account's language: invitations from
 * Equipe and Clientes, resets, passwordless sign-in.
 */
export async function mailAccountLink(
  deps: { db: Database; now: () => number; config: { publicUrl: string }; accountMailer: AccountMailer },
  account: { kind: 'contact' | 'agent'; id: number; email: string; name: string },
  purpose: keyof typeof ACCOUNT_LINK_PATHS,
  returnTo?: string,
): Promise<void> {
  const { url, expiresAt } = await createAccountLink(deps.db, account, purpose, deps.now(), deps.config.publicUrl, returnTo);
  await deps.accountMailer.sendAccountLink({ to: account.email, name: account.name, purpose, url, expiresAt, language: await accountLanguage(deps.db, account), accountKind: account.kind });
}
