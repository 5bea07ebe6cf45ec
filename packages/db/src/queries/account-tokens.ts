import { and, eq, gt, inArray, isNull, ne } from 'drizzle-orm';
import type { Db } from '../client.js';
import { writeTransaction } from '../client.js';
import { accountTokens, agents, contacts, sessions } from '../schema.js';

export type AccountTokenPurpose = 'password_reset' | 'invitation' | 'sign_in_link';
/** The links that set a password; a sign-in link never does (it opens a session, nothing more). */
const PASSWORD_PURPOSES: AccountTokenPurpose[] = ['password_reset', 'invitation'];
export type AccountTokenRow = typeof accountTokens.$inferSelect;

/** Stores a new link (its hash only). Earlier unused links of the same purpose stop working: only the latest e-mail counts. */
export function insertAccountToken(
  db: Db,
  row: { tokenHash: string; purpose: AccountTokenPurpose; accountKind: 'contact' | 'agent'; accountId: number; now: number; expiresAt: number },
): void {
  writeTransaction(db, (tx) => {
    tx.update(accountTokens)
      .set({ usedAt: row.now })
      .where(and(eq(accountTokens.accountKind, row.accountKind), eq(accountTokens.accountId, row.accountId), eq(accountTokens.purpose, row.purpose), isNull(accountTokens.usedAt)))
      .run();
    tx.insert(accountTokens)
      .values({ tokenHash: row.tokenHash, purpose: row.purpose, accountKind: row.accountKind, accountId: row.accountId, createdAt: row.now, expiresAt: row.expiresAt })
      .run();
  });
}

/**
 * A link that can still be used (read-only: a GET on an e-mailed link never writes). `kind` keeps the
 * two families apart: a password link is never a sign-in link, nor the other way round.
 */
export function findUsableAccountToken(db: Db, tokenHash: string, now: number, kind: 'password' | 'sign_in' = 'password'): AccountTokenRow | null {
  const purposes: AccountTokenPurpose[] = kind === 'password' ? PASSWORD_PURPOSES : ['sign_in_link'];
  return (
    db
      .select()
      .from(accountTokens)
      .where(and(eq(accountTokens.tokenHash, tokenHash), inArray(accountTokens.purpose, purposes), isNull(accountTokens.usedAt), gt(accountTokens.expiresAt, now)))
      .get() ?? null
  );
}

/**
 * Spends a link and sets the account's password in one transaction: the conditional UPDATE (unused,
 * unexpired) decides who wins when two submissions race. Every session of the account ends, and an
 * invitation activates the account. Returns the account, or null when the link is spent, expired or unknown.
 */
export function consumeAccountToken(
  db: Db,
  params: { tokenHash: string; passwordHash: string; now: number },
): { kind: 'contact' | 'agent'; id: number; purpose: AccountTokenPurpose } | null {
  return writeTransaction(db, (tx) => {
    const spent = tx
      .update(accountTokens)
      .set({ usedAt: params.now })
      .where(
        and(eq(accountTokens.tokenHash, params.tokenHash), inArray(accountTokens.purpose, PASSWORD_PURPOSES), isNull(accountTokens.usedAt), gt(accountTokens.expiresAt, params.now)),
      )
      .returning()
      .get();
    if (!spent) return null;
    const table = spent.accountKind === 'agent' ? agents : contacts;
    const values = spent.purpose === 'invitation' ? { passwordHash: params.passwordHash, active: true } : { passwordHash: params.passwordHash };
    tx.update(table).set(values).where(eq(table.id, spent.accountId)).run();
    tx.delete(sessions).where(and(eq(sessions.actorKind, spent.accountKind), eq(sessions.actorId, spent.accountId))).run();
    return { kind: spent.accountKind, id: spent.accountId, purpose: spent.purpose };
  });
}

/**
 * Spends a passwordless sign-in link and opens the session it grants, in one transaction (issue 15).
 * The conditional UPDATE (this purpose, unused, unexpired) lets exactly one of two racing submissions
 * through, so one link opens one session. An account deactivated since the link was sent gets nothing.
 * Returns the account, or null when the link is spent, expired, unknown or its account inactive.
 */
export function spendSignInLink(
  db: Db,
  params: { tokenHash: string; now: number; session: { tokenHash: string; expiresAt: number } },
): { kind: 'contact' | 'agent'; id: number } | null {
  return writeTransaction(db, (tx) => {
    const spent = tx
      .update(accountTokens)
      .set({ usedAt: params.now })
      .where(and(eq(accountTokens.tokenHash, params.tokenHash), eq(accountTokens.purpose, 'sign_in_link'), isNull(accountTokens.usedAt), gt(accountTokens.expiresAt, params.now)))
      .returning()
      .get();
    if (!spent) return null;
    const table = spent.accountKind === 'agent' ? agents : contacts;
    const account = tx.select({ active: table.active }).from(table).where(eq(table.id, spent.accountId)).get();
    if (!account?.active) return null;
    tx.insert(sessions)
      .values({ tokenHash: params.session.tokenHash, actorKind: spent.accountKind, actorId: spent.accountId, createdAt: params.now, lastSeenAt: params.now, expiresAt: params.session.expiresAt })
      .run();
    return { kind: spent.accountKind, id: spent.accountId };
  });
}

/** A signed-in password change: the new hash, and every other session of the account ends. */
export function changeAccountPassword(db: Db, params: { kind: 'contact' | 'agent'; id: number; passwordHash: string; keepSessionHash: string }): void {
  writeTransaction(db, (tx) => {
    const table = params.kind === 'agent' ? agents : contacts;
    tx.update(table).set({ passwordHash: params.passwordHash }).where(eq(table.id, params.id)).run();
    tx.delete(sessions)
      .where(and(eq(sessions.actorKind, params.kind), eq(sessions.actorId, params.id), ne(sessions.tokenHash, params.keepSessionHash)))
      .run();
  });
}
