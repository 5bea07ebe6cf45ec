import { apiTokenInput, directoryIdParam } from '@atende/contracts';
import { insertAgentApiToken, revokeAgentApiToken } from '@atende/db';
import { Hono } from 'hono';
import { hashToken, newSessionToken } from '../auth/session-cookie.js';
import type { AppEnv } from '../http/app-env.js';
import { requireRole, signedIn } from '../http/session-middleware.js';
import { validate } from '../http/validate.js';

/** An agent's own API tokens for chat tools: the token is shown once; only its SHA-256 is stored. */
export function apiTokenRoutes() {
  return new Hono<AppEnv>()
    .use(requireRole('agent'))
    .post('/api-tokens', validate('json', apiTokenInput), (c) => {
      const token = `atd_${newSessionToken()}`; // 256 random bits; the prefix makes a leaked one recognisable
      const { id } = insertAgentApiToken(c.var.deps.db, { agentId: signedIn(c).actor.id, name: c.req.valid('json').name, tokenHash: hashToken(token), now: c.var.deps.now() });
      return c.json({ id, name: c.req.valid('json').name, token }, 201);
    })
    // Idempotent: revoking an already revoked (or someone else's) token answers the same, changes nothing.
    .post('/api-tokens/:id/revoke', validate('param', directoryIdParam), (c) => {
      revokeAgentApiToken(c.var.deps.db, { agentId: signedIn(c).actor.id, id: c.req.valid('param').id, now: c.var.deps.now() });
      return c.json({ revoked: true }, 200);
    });
}
