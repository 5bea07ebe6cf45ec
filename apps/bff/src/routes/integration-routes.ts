import { integrationConversationInput } from '@atende/contracts';
import { agentForApiToken, findAccountByEmail, getDirectoryContact } from '@atende/db/store';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { hashToken } from '../auth/session-cookie.js';
import type { AppEnv, SignedInActor } from '../http/app-env.js';
import { AppError } from '../http/app-error.js';
import { throttleByAddress } from '../http/throttle.js';
import { validate } from '../http/validate.js';
import { logConversation } from '../tickets/log-conversation.js';

/** The agent behind `Authorization: Bearer <agent API token>`, or a 401. */
async function bearerAgent(db: Parameters<typeof agentForApiToken>[0], header: string | undefined): Promise<SignedInActor> {
  const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : '';
  // Only the hash is stored, so the lookup compares hashes: no timing leak of the token itself.
  const agent = token.length > 0 && token.length <= 200 ? await agentForApiToken(db, hashToken(token)) : null;
  if (!agent) throw new AppError('unauthenticated');
  return { actor: { kind: 'agent', id: agent.id, role: agent.role }, name: agent.name, sessionTokenHash: '' };
}

/**
 * Chat tools' API, outside the cookie/CSRF stack of /api (no browser calls it; a bearer token is not
 * sent by a browser on its own, so there is no CSRF to defend). Described in openapi.ts.
 */
export function integrationRoutes() {
  return new Hono<AppEnv>().post(
    '/conversations',
    throttleByAddress({ scope: 'integrations', limit: 120, windowMs: 60_000 }),
    bodyLimit({ maxSize: 64 * 1024, onError: () => { throw new AppError('payload_too_large'); } }),
    async (c, next) => {
      c.header('Cache-Control', 'no-store');
      c.set('session', await bearerAgent(c.get('deps').db, c.req.header('authorization')));
      await next();
    },
    validate('json', integrationConversationInput),
    async (c) => {
      const { db } = c.get('deps');
      const { contactEmail, conversation } = c.req.valid('json');
      const account = await findAccountByEmail(db, contactEmail);
      const contact = account?.kind === 'contact' ? await getDirectoryContact(db, account.id) : null;
      if (!contact) throw new AppError('not_found');
      const { ticket, created } = await logConversation(c.get('deps'), c.get('session')!, contact, conversation);
      return c.json({ ticket: { id: ticket.id, status: ticket.status, origin: ticket.origin, version: ticket.version }, created }, created ? 201 : 200);
    },
  );
}
