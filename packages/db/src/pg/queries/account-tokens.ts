import { and, eq, gt, inArray, isNull, ne } from 'drizzle-orm';
import type { AccountTokenPurpose, AccountTokenRow } from '../../queries/account-tokens.js';
import type { PgExecutor } from '../executor.js';
import { accountTokens, agents, contacts, sessions } from '../schema.js';
import { inTransactionPg, lockKeyPg } from './in-transaction.js';

/**
 * queries/account-tokens.ts on PostgreSQL. A link is spent by the same conditional UPDATE … RETURNING:
 * a second submission racing the first waits for its row lock, re-checks `used_at IS NULL` against the
 * committed row and spends nothing, so exactly one wins, as under SQLite's BEGIN IMMEDIATE.
 */

const PASSWORD_PURPOSES: AccountTokenPurpose[] = ['password_reset', 'invitation'];

export async function insertAccountTokenPg(
  db: PgExecutor,
  row: { tokenHash: string; purpose: AccountTokenPurpose; accountKind: 'contact' | 'agent'; accountId: number; now: number; expiresAt: number },
): Promise<void> {
  await inTransactionPg(db, async (tx) => {
    // Two links requested at once for one account and purpose: without this, each UPDATE misses the
    // other's uncommitted row and both links stay usable; serialized, only the latest does (as on SQLite).
    await lockKeyPg(tx, `account_tokens:${row.accountKind}:${row.accountId}:${row.purpose}`);
    await tx
      .update(accountTokens)
      .set({ usedAt: row.now })
      .where(and(eq(accountTokens.accountKind, row.accountKind), eq(accountTokens.accountId, row.accountId), eq(accountTokens.purpose, row.purpose), isNull(accountTokens.usedAt)));
    await tx
      .insert(accountTokens)
      .values({ tokenHash: row.tokenHash, purpose: row.purpose, accountKind: row.accountKind, accountId: row.accountId, createdAt: row.now, expiresAt: row.expiresAt });
  });
}

export async function findUsableAccountTokenPg(db: PgExecutor, tokenHash: string, now: number, kind: 'password' | 'sign_in' = 'password'): Promise<AccountTokenRow | null> {
  const purposes: AccountTokenPurpose[] = kind === 'password' ? PASSWORD_PURPOSES : ['sign_in_link'];
  const [row] = await db
    .select()
    .from(accountTokens)
    .where(and(eq(accountTokens.tokenHash, tokenHash), inArray(accountTokens.purpose, purposes), isNull(accountTokens.usedAt), gt(accountTokens.expiresAt, now)));
  return row ?? null;
}

export async function consumeAccountTokenPg(
  db: PgExecutor,
  params: { tokenHash: string; passwordHash: string; now: number },
): Promise<{ kind: 'contact' | 'agent'; id: number; purpose: AccountTokenPurpose } | null> {
  return inTransactionPg(db, async (tx) => {
    const [spent] = await tx
      .update(accountTokens)
      .set({ usedAt: params.now })
      .where(
        and(eq(accountTokens.tokenHash, params.tokenHash), inArray(accountTokens.purpose, PASSWORD_PURPOSES), isNull(accountTokens.usedAt), gt(accountTokens.expiresAt, params.now)),
      )
      .returning();
    if (!spent) return null;
    const values = spent.purpose === 'invitation' ? { passwordHash: params.passwordHash, active: true } : { passwordHash: params.passwordHash };
    if (spent.accountKind === 'agent') await tx.update(agents).set(values).where(eq(agents.id, spent.accountId));
    else await tx.update(contacts).set(values).where(eq(contacts.id, spent.accountId));
    await tx.delete(sessions).where(and(eq(sessions.actorKind, spent.accountKind), eq(sessions.actorId, spent.accountId)));
    return { kind: spent.accountKind, id: spent.accountId, purpose: spent.purpose };
  });
}

export async function spendSignInLinkPg(
  db: PgExecutor,
  params: { tokenHash: string; now: number; session: { tokenHash: string; expiresAt: number } },
): Promise<{ kind: 'contact' | 'agent'; id: number } | null> {
  return inTransactionPg(db, async (tx) => {
    const [spent] = await tx
      .update(accountTokens)
      .set({ usedAt: params.now })
      .where(and(eq(accountTokens.tokenHash, params.tokenHash), eq(accountTokens.purpose, 'sign_in_link'), isNull(accountTokens.usedAt), gt(accountTokens.expiresAt, params.now)))
      .returning();
    if (!spent) return null;
    // FOR SHARE: a deactivation racing this waits for the new session and then ends it, or this waits
    // for the deactivation and sees the account inactive; never a session outliving a deactivation.
    const [account] =
      spent.accountKind === 'agent'
        ? await tx.select({ active: agents.active }).from(agents).where(eq(agents.id, spent.accountId)).for('share')
        : await tx.select({ active: contacts.active }).from(contacts).where(eq(contacts.id, spent.accountId)).for('share');
    // The link stays spent (committed) even then, as on SQLite: the transaction returns, it does not throw.
    if (!account?.active) return null;
    await tx
      .insert(sessions)
      .values({ tokenHash: params.session.tokenHash, actorKind: spent.accountKind, actorId: spent.accountId, createdAt: params.now, lastSeenAt: params.now, expiresAt: params.session.expiresAt });
    return { kind: spent.accountKind, id: spent.accountId };
  });
}

export async function changeAccountPasswordPg(db: PgExecutor, params: { kind: 'contact' | 'agent'; id: number; passwordHash: string; keepSessionHash: string }): Promise<void> {
  await inTransactionPg(db, async (tx) => {
    if (params.kind === 'agent') await tx.update(agents).set({ passwordHash: params.passwordHash }).where(eq(agents.id, params.id));
    else await tx.update(contacts).set({ passwordHash: params.passwordHash }).where(eq(contacts.id, params.id));
    await tx.delete(sessions).where(and(eq(sessions.actorKind, params.kind), eq(sessions.actorId, params.id), ne(sessions.tokenHash, params.keepSessionHash)));
  });
}
