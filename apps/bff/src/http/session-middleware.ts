import type { MiddlewareHandler } from 'hono';
import { resumeSession } from '../auth/sessions.js';
import { readSessionToken } from '../auth/session-cookie.js';
import type { AppEnv, SignedInActor } from './app-env.js';
import { AppError } from './app-error.js';

/**
 * Requests an open page sends by itself, not the person: the presence heartbeat of a ticket page. Like the
 * live-event stream, they must not keep an unattended tab's session alive past its idle timeout.
 */
const PASSIVE_REQUEST = /^\/api\/agent\/tickets\/\d+\/presence$/;

/** Resolves the session cookie to an actor (or null) for every API request. */
export function loadSession(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = readSessionToken(c);
    const { db, config, now } = c.get('deps');
    c.set('session', token ? await resumeSession(db, token, now(), config, { touch: !PASSIVE_REQUEST.test(c.req.path) }) : null);
    await next();
  };
}

type Role = 'contact' | 'agent' | 'admin';

/** Route policy: who may call. Anonymous callers get 401, signed-in callers of another role 403. */
export function requireRole(...roles: Role[]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const session = c.get('session');
    if (!session) throw new AppError('unauthenticated');
    if (!roles.some((role) => hasRole(session, role))) throw new AppError('forbidden');
    await next();
  };
}

function hasRole(session: SignedInActor, role: Role): boolean {
  const { actor } = session;
  if (role === 'contact') return actor.kind === 'contact';
  if (role === 'agent') return actor.kind === 'agent';
  return actor.kind === 'agent' && actor.role === 'admin';
}

/** The signed-in actor of a route guarded by requireRole. */
export function signedIn(c: { get(key: 'session'): AppEnv['Variables']['session'] }): SignedInActor {
  const session = c.get('session');
  if (!session) throw new AppError('unauthenticated');
  return session;
}
