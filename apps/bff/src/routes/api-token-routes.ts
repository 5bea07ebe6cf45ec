import { apiTokenInput, emptyBody } from '@atende/contracts';
import { z } from 'zod';
import { insertAgentApiToken, listAgentApiTokens, ownsAgentApiToken, revokeAgentApiToken } from '@atende/db/store';
import { audit } from '../audit/audit.js';
import { AppError } from '../http/app-error.js';
import { Hono } from 'hono';
import { hashToken, newSessionToken } from '../auth/session-cookie.js';
import type { AppEnv } from '../http/app-env.js';
import { requireRole, signedIn } from '../http/session-middleware.js';
import { validate } from '../http/validate.js';

const tokenIdParam = z.object({ tokenId: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });

/** An agent's own API tokens for chat tools: the token is shown once; only its SHA-256 is stored. */
export function apiTokenRoutes() {
  return new Hono<AppEnv>()
    .use(requireRole('agent'))
    .post('/api-tokens', validate('json', apiTokenInput), async (c) => {
      const token = `atd_${newSessionToken()}`; // 256 random bits; the prefix makes a leaked one recognisable
      const { id } = await insertAgentApiToken(c.get('deps').db, { agentId: signedIn(c).actor.id, name: c.req.valid('json').name, tokenHash: hashToken(token), now: c.get('deps').now() });
      await audit(c, 'settings_changed', { details: { group: 'api_token', token: id, before: null, after: { name: c.req.valid('json').name } } });
      return c.json({ id, name: c.req.valid('json').name, token }, 201);
    })
    .get('/api-tokens', async (c) => {
      const tokens = await listAgentApiTokens(c.get('deps').db, signedIn(c).actor.id);
      return c.json({ tokens: tokens.map((t) => ({ ...t, createdAt: new Date(t.createdAt).toISOString(), revokedAt: t.revokedAt === null ? null : new Date(t.revokedAt).toISOString() })) }, 200);
    })
    // Someone else's token and a missing one look alike (404). Revoking one's own twice is harmless.
    .post('/api-tokens/:tokenId/revoke', validate('param', tokenIdParam), validate('json', emptyBody), async (c) => {
      const agentId = signedIn(c).actor.id;
      const id = c.req.valid('param').tokenId;
      if (!await ownsAgentApiToken(c.get('deps').db, { agentId, id })) throw new AppError('not_found');
      const revokedNow = await revokeAgentApiToken(c.get('deps').db, { agentId, id, now: c.get('deps').now() });
      if (revokedNow) await audit(c, 'settings_changed', { details: { group: 'api_token', token: id, before: { revoked: false }, after: { revoked: true } } });
      return c.json({ revoked: true }, 200);
    });
}
