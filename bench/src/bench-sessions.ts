import { createHash, randomBytes } from 'node:crypto';
import { insertSession, type BenchDataset, type Db } from '@atende/db';
import type { ScenarioRequest } from './scenarios.js';

/**
 * Signs in the scenarios' three actors (the heavy and the typical contact, the agent) by writing their
 * sessions straight into the table: sign-in's argon2 is not what is measured. Returns the cookie each
 * request sends, as the production server names it.
 */
export function signInBenchActors(db: Db, dataset: BenchDataset, now: number): Record<ScenarioRequest['as'], string> {
  const cookies = {} as Record<ScenarioRequest['as'], string>;
  const actors: [ScenarioRequest['as'], 'contact' | 'agent', number][] = [
    ['heavy', 'contact', dataset.heavyContactId],
    ['typical', 'contact', dataset.typicalContactId],
    ['agent', 'agent', dataset.agentId],
  ];
  for (const [as, actorKind, actorId] of actors) {
    const token = randomBytes(32).toString('base64url');
    insertSession(db, {
      tokenHash: createHash('sha256').update(token).digest('hex'),
      actorKind,
      actorId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: now + 12 * 3_600_000,
    });
    cookies[as] = `__Host-atende_session=${token}`;
  }
  return cookies;
}
