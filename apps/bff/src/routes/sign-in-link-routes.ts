import { accountLinkParam, emptyBody, signInLinkRequestInput } from '@atende/contracts';
import { deleteSession, findAccount, findAccountByEmail, findUsableAccountToken, getPortalSettings, getSignInSettings, recordAudit, spendSignInLink, type Account, type Database } from '@atende/db/store';
import { Hono } from 'hono';
import { mailAccountLink } from '../auth/account-links.js';
import { hashToken, newSessionToken, readSessionToken, writeSessionCookie } from '../auth/session-cookie.js';
import { audit } from '../audit/audit.js';
import { afterResponse } from '../http/after-response.js';
import type { AppEnv } from '../http/app-env.js';
import { AppError } from '../http/app-error.js';
import { clientAddress } from '../http/client-address.js';
import { createRateLimiter } from '../http/rate-limiter.js';
import { validate } from '../http/validate.js';
import { publicActor } from './auth-routes.js';

/** Whether this account may sign in by e-mail link now: contacts unless turned off, agents once an admin turns it on. */
async function mayUseEmailLink(db: Database, account: Pick<Account, 'kind' | 'active'> | null): Promise<boolean> {
  if (!account?.active) return false;
  const settings = await getSignInSettings(db);
  return account.kind === 'agent' ? settings.emailLinkForAgents : settings.emailLinkForContacts;
}

/**
 * Passwordless sign-in by e-mail link (issue 15), under /auth:
 * - POST /email-link asks for a link. It answers 202 before any work, the same for every address (no
 *   account enumeration); the lookup, the 15-minute single-use link and the e-mail happen afterwards.
 * - GET /email-link/:token only reads (mail scanners follow links): the page shows an Entrar button.
 * - POST /email-link/:token is that button: it spends the link and opens the session in one transaction.
 */
export function signInLinkRoutes() {
  // Counted like reset requests, in the one fixed-window counter: 3 per e-mail in 15 minutes, 10 per address an hour.
  const emailLimiter = createRateLimiter({ name: 'sign_in_link_email', limit: 3, windowMs: 15 * 60_000 });
  const addressLimiter = createRateLimiter({ name: 'sign_in_link_address', limit: 10, windowMs: 60 * 60_000 });

  return new Hono<AppEnv>()
    .get('/sign-in-options', async (c) => {
      const settings = await getSignInSettings(c.get('deps').db);
      // The sign-in page offers the e-mail link when anyone may use it; who exactly is decided when a link is asked for.
      // `signUp`: it also offers "Criar conta" when customers may register themselves (issue 17).
      return c.json({ emailLink: settings.emailLinkForContacts || settings.emailLinkForAgents, signUp: (await getPortalSettings(c.get('deps').db)).customersSelfRegister }, 200);
    })
    .post('/email-link', validate('json', signInLinkRequestInput), async (c) => {
      const deps = c.get('deps');
      const { email, returnTo } = c.req.valid('json');
      const address = clientAddress(c);
      const wait = Math.max(await addressLimiter.hit(deps.throttles!, [`address:${address}`], deps.now()), await emailLimiter.hit(deps.throttles!, [`email:${email.toLowerCase()}`], deps.now()));
      if (wait > 0) throw new AppError('too_many_attempts', { retryAfterSeconds: Math.ceil(wait / 1000) });
      // Answer before the work: every address gets the same answer at the same moment; then the same
      // steps run for each (look up, decide, record), and only an allowed account gets a link.
      afterResponse(
        async () => {
          const account = await findAccountByEmail(deps.db, email);
          const allowed = await mayUseEmailLink(deps.db, account);
          await recordAudit(deps.db, {
            at: deps.now(),
            event: 'sign_in_link_requested',
            actorKind: account?.kind ?? 'anonymous',
            actorId: account?.id ?? null,
            email: email.toLowerCase(),
            address,
            details: { sent: allowed },
          });
          if (account && allowed) await mailAccountLink(deps, account, 'sign_in_link', returnTo);
        },
        (error) => deps.logger.error({ err: error }, 'sign-in link failed'),
      );
      return c.json({ ok: true }, 202);
    })
    .get('/email-link/:token', validate('param', accountLinkParam), async (c) => {
      const { db, now } = c.get('deps');
      const link = await findUsableAccountToken(db, hashToken(c.req.valid('param').token), now(), 'sign_in');
      const account = link && await findAccount(db, link.accountKind, link.accountId);
      if (!link || !account || !await mayUseEmailLink(db, account)) throw new AppError('sign_in_link_invalid');
      return c.json({ link: { email: account.email, expiresAt: link.expiresAt } }, 200);
    })
    .post('/email-link/:token', validate('param', accountLinkParam), validate('json', emptyBody), async (c) => {
      const { db, config, now } = c.get('deps');
      const tokenHash = hashToken(c.req.valid('param').token);
      const link = await findUsableAccountToken(db, tokenHash, now(), 'sign_in');
      const account = link && await findAccount(db, link.accountKind, link.accountId);
      // An agent's link stops working when an admin turns the setting off after it was sent.
      if (!link || !account || !await mayUseEmailLink(db, account)) {
        await audit(c, 'sign_in_failed', { actor: null, details: { method: 'email_link' } });
        throw new AppError('sign_in_link_invalid');
      }
      const session = newSessionToken();
      const spent = await spendSignInLink(db, { tokenHash, now: now(), session: { tokenHash: hashToken(session), expiresAt: now() + config.sessionAbsoluteMs } });
      // A racing click spent it first: that one has the session.
      if (!spent) throw new AppError('sign_in_link_invalid');
      // A new session id at every sign-in, as with a password.
      const previous = readSessionToken(c);
      if (previous) await deleteSession(db, hashToken(previous));
      writeSessionCookie(c, session, Math.floor(config.sessionAbsoluteMs / 1000));
      await audit(c, 'sign_in', { actor: spent, email: account.email, details: { method: 'email_link' } });
      const actor = account.kind === 'agent' ? ({ kind: 'agent', id: account.id, role: account.role } as const) : ({ kind: 'contact', id: account.id } as const);
      return c.json({ actor: publicActor({ actor, name: account.name }) }, 200);
    });
}
