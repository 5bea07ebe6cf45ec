import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Db } from '../client.js';
import { agents } from '../schema.js';
import { DEMO_ACCOUNTS } from '../seed/demo-data.js';
import { TEST_NOW, createTestDatabase, makeAgent, makeContact } from '../testing/index.js';
import { findAccountByEmail } from './accounts.js';
import { findSessionWithAccount, insertSession } from './sessions.js';

const NOW = TEST_NOW;
let db: Db;
let dispose: () => void;

beforeEach(() => {
  ({ db, dispose } = createTestDatabase());
  makeContact(db, { email: DEMO_ACCOUNTS.contact });
  makeAgent(db, { email: DEMO_ACCOUNTS.agent });
  makeAgent(db, { email: DEMO_ACCOUNTS.admin, role: 'admin' });
});
afterEach(() => dispose());

function sessionFor(email: string, tokenHash: string) {
  const account = findAccountByEmail(db, email)!;
  insertSession(db, { tokenHash, actorKind: account.kind, actorId: account.id, createdAt: NOW, lastSeenAt: NOW, expiresAt: NOW + 1000 });
  return account;
}

describe('findSessionWithAccount', () => {
  it('returns the session with its account’s name, state and role in one lookup', () => {
    const contact = sessionFor(DEMO_ACCOUNTS.contact, 'c');
    const admin = sessionFor(DEMO_ACCOUNTS.admin, 'a');
    expect(findSessionWithAccount(db, 'c')).toMatchObject({ actorKind: 'contact', actorId: contact.id, account: { name: contact.name, active: true, role: null } });
    expect(findSessionWithAccount(db, 'a')).toMatchObject({ actorKind: 'agent', actorId: admin.id, account: { name: admin.name, active: true, role: 'admin' } });
    expect(findSessionWithAccount(db, 'unknown')).toBeNull();
  });

  it('sees a disabled account as inactive', () => {
    const agent = sessionFor(DEMO_ACCOUNTS.agent, 'g');
    db.update(agents).set({ active: false }).where(eq(agents.id, agent.id)).run();
    expect(findSessionWithAccount(db, 'g')?.account?.active).toBe(false);
  });
});
