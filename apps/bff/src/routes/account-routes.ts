import { accountLinkInput, accountLinkParam, invitationInput, passwordChangeInput, passwordResetRequestInput } from '@atende/contracts';
import { changeAccountPassword, consumeAccountToken, findAccount, findAccountByEmail, findUsableAccountToken, recordAudit, serialize, transaction, type Account, type Database } from '@atende/db/store';
import { Hono, type Context } from 'hono';
import type { AccountLink } from '../auth/account-mailer.js';
import { hashPassword, verifyPassword } from '../auth/password.js';
import { passwordProblem } from '../auth/password-policy.js';
import { hashToken } from '../auth/session-cookie.js';
import { mailAccountLink } from '../auth/account-links.js';
import { audit } from '../audit/audit.js';
import type { AppEnv } from '../http/app-env.js';
import { AppError } from '../http/app-error.js';
import { clientAddress } from '../http/client-address.js';
import { createRateLimiter } from '../http/rate-limiter.js';
import { requireRole, signedIn } from '../http/session-middleware.js';
import { validate } from '../http/validate.js';
import { afterResponse } from '../http/after-response.js';


function refusePassword(password: string, account: Pick<Account, 'email'>, field = 'password') {
  const problem = passwordProblem(password, account);
  if (problem) throw new AppError('validation_failed', { fields: { [field]: problem } });
}

/**
 * A password is checked (the current one, slow to verify) before the new one is written, outside the
 * transaction; writers of one account's password take this key so that the write can still ask
 * whether the password checked is the one stored (PostgreSQL; SQLite runs write transactions alone).
 */
function lockPassword(tx: Database, account: Pick<Account, 'kind' | 'id'>): Promise<void> {
  return serialize(tx, `password:${account.kind}:${account.id}`);
}

/** Issues a link: a 256-bit token, only its hash stored, handed to the mailer. */
async function issueLink(c: Context<AppEnv>, account: Account, purpose: AccountLink['purpose']) {
  await mailAccountLink(c.get('deps'), account, purpose);
}

/** Password reset, invitation links and password change (ASVS V6). */
export function accountRoutes() {
  // Reset requests: 3 per e-mail and 10 per address an hour; the answer never says whether the e-mail exists.
  const resetLimiter = createRateLimiter({ name: 'password_reset_email', limit: 3, windowMs: 60 * 60_000 });
  const resetAddressLimiter = createRateLimiter({ name: 'password_reset_address', limit: 10, windowMs: 60 * 60_000 });

  return new Hono<AppEnv>()
    .post('/password-reset', validate('json', passwordResetRequestInput), async (c) => {
      const { db, now } = c.get('deps');
      const { email } = c.req.valid('json');
      const counter = c.get('deps').throttles!;
      const wait = Math.max(await resetAddressLimiter.hit(counter, [`address:${clientAddress(c)}`], now()), await resetLimiter.hit(counter, [`email:${email.toLowerCase()}`], now()));
      if (wait > 0) throw new AppError('too_many_attempts', { retryAfterSeconds: Math.ceil(wait / 1000) });
      // Answer before the work: the lookup, the link and the e-mail happen after the 202 is sent, so the
      // answer and its timing are the same whether or not the account exists.
      const deps = c.get('deps');
      const address = clientAddress(c);
      afterResponse(
        async () => {
          const account = await findAccountByEmail(db, email);
          const actor = account?.active ? { kind: account.kind, id: account.id } : null;
          await recordAudit(db, { at: now(), event: 'password_reset_requested', actorKind: actor?.kind ?? 'anonymous', actorId: actor?.id ?? null, email: email.toLowerCase(), address, details: null });
          if (account?.active) await mailAccountLink(deps, account, 'password_reset');
        },
        (error) => deps.logger.error({ err: error }, 'password reset link failed'),
      );
      return c.json({ ok: true }, 202);
    })
    // Read-only: mail scanners follow links, so opening one never spends it.
    .get('/links/:token', validate('param', accountLinkParam), async (c) => {
      const { db, now } = c.get('deps');
      const link = await findUsableAccountToken(db, hashToken(c.req.valid('param').token), now());
      const account = link && await findAccount(db, link.accountKind, link.accountId);
      if (!link || !account) throw new AppError('link_invalid');
      return c.json({ link: { purpose: link.purpose, name: account.name, email: account.email, expiresAt: link.expiresAt } }, 200);
    })
    .post('/links/:token', validate('param', accountLinkParam), validate('json', accountLinkInput), async (c) => {
      const { db, now } = c.get('deps');
      const tokenHash = hashToken(c.req.valid('param').token);
      const { password } = c.req.valid('json');
      const link = await findUsableAccountToken(db, tokenHash, now());
      const account = link && await findAccount(db, link.accountKind, link.accountId);
      if (!link || !account) throw new AppError('link_invalid');
      refusePassword(password, account);
      const passwordHash = await hashPassword(password); // outside the transaction: never await inside one
      const spent = await transaction(db, async (tx) => {
        await lockPassword(tx, account);
        return consumeAccountToken(tx, { tokenHash, passwordHash, now: now() });
      });
      if (!spent) throw new AppError('link_invalid'); // a racing submission spent it first
      await audit(c, spent.purpose === 'invitation' ? 'invitation_accepted' : 'password_reset', { actor: { kind: spent.kind, id: spent.id }, email: account.email });
      return c.json({ ok: true }, 200);
    })
    .post('/password', requireRole('contact', 'agent'), validate('json', passwordChangeInput), async (c) => {
      const { db } = c.get('deps');
      const session = signedIn(c);
      const { currentPassword, newPassword } = c.req.valid('json');
      const account = await findAccount(db, session.actor.kind, session.actor.id);
      // Guessing the current password from a stolen session is guessing a password: throttled like sign-in.
      const { loginThrottle, now } = c.get('deps');
      const keys = [`account:${(account?.email ?? '').toLowerCase()}`, `address:${clientAddress(c)}`];
      const waitMs = await loginThrottle.retryAfterMs(keys, now());
      if (waitMs > 0) throw new AppError('too_many_attempts', { retryAfterSeconds: Math.ceil(waitMs / 1000) });
      if (!account?.passwordHash || !(await verifyPassword(account.passwordHash, currentPassword))) {
        await loginThrottle.recordFailure(keys, now());
        throw new AppError('validation_failed', { fields: { currentPassword: 'Senha atual incorreta.' } });
      }
      await loginThrottle.reset(keys[0]!);
      refusePassword(newPassword, account, 'newPassword');
      const passwordHash = await hashPassword(newPassword);
      const changed = await transaction(db, async (tx) => {
        await lockPassword(tx, account);
        // Another tab (or a reset link) changed it since it was verified: the password typed is no longer the current one.
        if ((await findAccount(tx, account.kind, account.id))?.passwordHash !== account.passwordHash) return false;
        await changeAccountPassword(tx, { kind: account.kind, id: account.id, passwordHash, keepSessionHash: session.sessionTokenHash });
        return true;
      });
      if (!changed) throw new AppError('validation_failed', { fields: { currentPassword: 'Senha atual incorreta.' } });
      await audit(c, 'password_changed', { email: account.email });
      return c.json({ ok: true }, 200);
    })
    .post('/invitations', requireRole('admin'), validate('json', invitationInput), async (c) => {
      const account = await findAccountByEmail(c.get('deps').db, c.req.valid('json').email);
      if (!account) throw new AppError('not_found');
      await issueLink(c, account, 'invitation');
      await audit(c, 'invitation_sent', { email: account.email, details: { account: { kind: account.kind, id: account.id } } });
      return c.json({ ok: true }, 202);
    });
}
