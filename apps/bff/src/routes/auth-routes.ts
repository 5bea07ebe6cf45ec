import { loginInput } from '@atende/contracts';
import { deleteSession, findAccountByEmail, getCompanySettings } from '@atende/db/store';
import { Hono } from 'hono';
import { spendVerifyTime, verifyPassword } from '../auth/password.js';
import { clearSessionCookie, hashToken, readSessionToken, writeSessionCookie } from '../auth/session-cookie.js';
import { startSession } from '../auth/sessions.js';
import type { AppEnv, SignedInActor } from '../http/app-env.js';
import { AppError } from '../http/app-error.js';
import { clientAddress } from '../http/client-address.js';
import { audit } from '../audit/audit.js';
import { validate } from '../http/validate.js';

/** The signed-in account as the SPA sees it (sign-in by password or by e-mail link). */
export function publicActor(session: Pick<SignedInActor, 'actor' | 'name'>) {
  const { actor, name } = session;
  return { kind: actor.kind, id: actor.id, name, role: actor.kind === 'agent' ? actor.role : ('contact' as const) };
}

export function authRoutes() {
  return new Hono<AppEnv>()
    .post('/login', validate('json', loginInput), async (c) => {
      const { db, config, now, loginThrottle } = c.get('deps');
      const { email, password } = c.req.valid('json');
      const keys = [`account:${email.toLowerCase()}`, `address:${clientAddress(c)}`];
      const waitMs = await loginThrottle.retryAfterMs(keys, now());
      if (waitMs > 0) throw new AppError('too_many_attempts', { retryAfterSeconds: Math.ceil(waitMs / 1000) });

      const account = await findAccountByEmail(db, email);
      const valid =
        account?.passwordHash && account.active
          ? await verifyPassword(account.passwordHash, password)
          : (await spendVerifyTime(password), false);
      if (!account || !valid) {
        await loginThrottle.recordFailure(keys, now());
        c.get('deps').logger.warn({ requestId: c.get('requestId'), event: 'login_failed' }, 'sign-in failed');
        await audit(c, 'sign_in_failed', { actor: account ? { kind: account.kind, id: account.id } : null, email });
        throw new AppError('invalid_credentials');
      }

      // A new session id at every sign-in: a token planted before sign-in is worthless after it.
      const previous = readSessionToken(c);
      if (previous) await deleteSession(db, hashToken(previous));
      const token = await startSession(db, account, now(), config);
      writeSessionCookie(c, token, Math.floor(config.sessionAbsoluteMs / 1000));
      await loginThrottle.reset(keys[0]!);
      await audit(c, 'sign_in', { actor: { kind: account.kind, id: account.id }, email });
      const actor = account.kind === 'agent' ? ({ kind: 'agent', id: account.id, role: account.role } as const) : ({ kind: 'contact', id: account.id } as const);
      return c.json({ actor: publicActor({ actor, name: account.name }) }, 200);
    })
    .post('/logout', async (c) => {
      const token = readSessionToken(c);
      if (c.get('session')) await audit(c, 'sign_out');
      if (token) {
        await deleteSession(c.get('deps').db, hashToken(token));
        // This session's open live streams close now, not at their next heartbeat.
        c.get('deps').events?.publish({ type: 'session_ended', sessionTokenHash: hashToken(token) });
      }
      clearSessionCookie(c);
      return c.json({ ok: true }, 200);
    })
    .get('/me', async (c) => {
      const session = c.get('session');
      if (!session) throw new AppError('unauthenticated');
      // The company's time zone comes with the actor: every date on screen is shown in it, whatever the browser's.
      return c.json({ actor: { ...publicActor(session), timeZone: (await getCompanySettings(c.get('deps').db)).timeZone } }, 200);
    });
}
