import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import * as sqliteSchema from '../../schema.js';
import { findAccount, findAccountByEmail, isAgentActive, listActiveAgents } from '../../queries/accounts.js';
import { changeAccountPassword, consumeAccountToken, findUsableAccountToken, insertAccountToken, spendSignInLink } from '../../queries/account-tokens.js';
import { agentForApiToken, insertAgentApiToken, listAgentApiTokens, ownsAgentApiToken, revokeAgentApiToken } from '../../queries/agent-api-tokens.js';
import { deactivateAgent, reactivateAgent } from '../../queries/agent-deactivation.js';
import { deleteSessionsOf, findSession, insertSession } from '../../queries/sessions.js';
import { DEMO_ACCOUNTS } from '../../seed/demo-data.js';
import * as pgSchema from '../schema.js';
import { findAccountByEmailPg, findAccountPg, isAgentActivePg, listActiveAgentsPg } from './accounts.js';
import { changeAccountPasswordPg, consumeAccountTokenPg, findUsableAccountTokenPg, insertAccountTokenPg, spendSignInLinkPg } from './account-tokens.js';
import { agentForApiTokenPg, insertAgentApiTokenPg, listAgentApiTokensPg, ownsAgentApiTokenPg, revokeAgentApiTokenPg } from './agent-api-tokens.js';
import { deactivateAgentPg, reactivateAgentPg } from './agent-deactivation.js';
import { deleteSessionsOfPg, findSessionPg, insertSessionPg } from './sessions.js';
import { createDemoDatabasesWithLanguageCollation, rowsOnBoth } from './twin-testing.js';

const NOW = Date.UTC(2026, 10, 23, 15, 0, 0);
const HOUR = 3_600_000;
let both: Awaited<ReturnType<typeof createDemoDatabasesWithLanguageCollation>>;

beforeAll(async () => {
  both = await createDemoDatabasesWithLanguageCollation(NOW);
});
afterAll(() => both?.dispose());

const idOf = (email: string) => findAccountByEmail(both.sqlite, email)!.id;

async function expectSameTables(...names: ('accountTokens' | 'sessions' | 'agents' | 'contacts' | 'agentApiTokens' | 'tickets' | 'ticketEvents')[]) {
  const keys = { sessions: ['tokenHash'] } as Record<string, string[]>;
  for (const name of names) {
    const rows = await rowsOnBoth(both, sqliteSchema[name], pgSchema[name], keys[name] ?? ['id']);
    expect(rows.pg, name).toEqual(rows.sqlite);
  }
}

describe('accounts on PostgreSQL', () => {
  it('finds the same accounts by e-mail (trimmed, lower-cased, staff first) and by id', async () => {
    for (const email of [...Object.values(DEMO_ACCOUNTS), '  ADMIN@example.com ', 'nobody@example.com']) {
      expect(await findAccountByEmailPg(both.pg, email), email).toEqual(findAccountByEmail(both.sqlite, email));
    }
    for (const kind of ['agent', 'contact'] as const) {
      for (const id of [1, 2, 3, 999]) expect(await findAccountPg(both.pg, kind, id), `${kind} ${id}`).toEqual(findAccount(both.sqlite, kind, id));
    }
    for (const id of [1, 2, 999]) expect(await isAgentActivePg(both.pg, id)).toBe(isAgentActive(both.sqlite, id));
  });

  it('lists the active agents in byte order of their names, as SQLite', async () => {
    for (const [name, email] of [['Zeca', 'zeca@example.com'], ['ana Minúscula', 'ana.min@example.com'], ['Ágata', 'agata@example.com'], ['Zeca', 'zeca2@example.com']]) {
      both.sqlite.insert(sqliteSchema.agents).values({ name: name!, email: email!, createdAt: NOW }).run();
      await both.pg.insert(pgSchema.agents).values({ name: name!, email: email!, createdAt: NOW });
    }
    const onPg = await listActiveAgentsPg(both.pg);
    expect(onPg).toEqual(listActiveAgents(both.sqlite));
    expect(onPg.at(-1)!.name).toBe('Ágata');
  });
});

describe('account links on PostgreSQL', () => {
  const agentKind = 'agent' as const;

  it('stores a link, keeps only the latest usable, and finds it by family, as SQLite', async () => {
    const accountId = idOf(DEMO_ACCOUNTS.otherAgent);
    for (const [tokenHash, purpose] of [
      ['reset-1', 'password_reset'],
      ['reset-2', 'password_reset'],
      ['link-1', 'sign_in_link'],
    ] as const) {
      const row = { tokenHash, purpose, accountKind: agentKind, accountId, now: NOW, expiresAt: NOW + HOUR };
      insertAccountToken(both.sqlite, row);
      await insertAccountTokenPg(both.pg, row);
    }
    for (const [hash, now, kind] of [
      ['reset-1', NOW, 'password'],
      ['reset-2', NOW, 'password'],
      ['reset-2', NOW, 'sign_in'],
      ['reset-2', NOW + HOUR, 'password'],
      ['link-1', NOW, 'sign_in'],
      ['link-1', NOW, 'password'],
      ['unknown', NOW, 'password'],
    ] as const) {
      expect(await findUsableAccountTokenPg(both.pg, hash, now, kind), `${hash} ${kind}`).toEqual(findUsableAccountToken(both.sqlite, hash, now, kind));
    }
    expect(await findUsableAccountTokenPg(both.pg, 'reset-2', NOW)).toEqual(findUsableAccountToken(both.sqlite, 'reset-2', NOW));
    await expectSameTables('accountTokens');
  });

  it('spends a password link once: the password is set, an invitation activates, every session ends', async () => {
    const accountId = idOf(DEMO_ACCOUNTS.otherAgent);
    const session = { actorKind: agentKind, actorId: accountId, createdAt: NOW, lastSeenAt: NOW, expiresAt: NOW + HOUR };
    insertSession(both.sqlite, { ...session, tokenHash: 's-1' });
    await insertSessionPg(both.pg, { ...session, tokenHash: 's-1' });
    both.sqlite.update(sqliteSchema.agents).set({ active: false }).run();
    await both.pg.update(pgSchema.agents).set({ active: false });
    const invitation = { tokenHash: 'invite-1', purpose: 'invitation' as const, accountKind: agentKind, accountId, now: NOW, expiresAt: NOW + HOUR };
    insertAccountToken(both.sqlite, invitation);
    await insertAccountTokenPg(both.pg, invitation);

    for (const params of [
      { tokenHash: 'invite-1', passwordHash: 'new-hash', now: NOW + 1 },
      { tokenHash: 'invite-1', passwordHash: 'again', now: NOW + 2 },
      { tokenHash: 'reset-2', passwordHash: 'late', now: NOW + HOUR },
      { tokenHash: 'link-1', passwordHash: 'wrong-family', now: NOW + 3 },
    ]) {
      expect(await consumeAccountTokenPg(both.pg, params), params.tokenHash).toEqual(consumeAccountToken(both.sqlite, params));
    }
    await expectSameTables('accountTokens', 'sessions', 'agents');
    both.sqlite.update(sqliteSchema.agents).set({ active: true }).run();
    await both.pg.update(pgSchema.agents).set({ active: true });
  });

  it('spends a sign-in link once into one session; an inactive account gets nothing', async () => {
    const contactId = idOf(DEMO_ACCOUNTS.contact);
    const otherId = idOf(DEMO_ACCOUNTS.otherContact);
    for (const [tokenHash, accountId] of [
      ['c-link', contactId],
      ['o-link', otherId],
    ] as const) {
      const row = { tokenHash, purpose: 'sign_in_link' as const, accountKind: 'contact' as const, accountId, now: NOW, expiresAt: NOW + HOUR };
      insertAccountToken(both.sqlite, row);
      await insertAccountTokenPg(both.pg, row);
    }
    both.sqlite.update(sqliteSchema.contacts).set({ active: false }).where(eq(sqliteSchema.contacts.id, otherId)).run();
    await both.pg.update(pgSchema.contacts).set({ active: false }).where(eq(pgSchema.contacts.id, otherId));
    for (const params of [
      { tokenHash: 'c-link', now: NOW + 5, session: { tokenHash: 'sess-c', expiresAt: NOW + HOUR } },
      { tokenHash: 'c-link', now: NOW + 6, session: { tokenHash: 'sess-c2', expiresAt: NOW + HOUR } },
      { tokenHash: 'o-link', now: NOW + 7, session: { tokenHash: 'sess-o', expiresAt: NOW + HOUR } },
      { tokenHash: 'reset-1', now: NOW + 8, session: { tokenHash: 'sess-x', expiresAt: NOW + HOUR } },
    ]) {
      expect(await spendSignInLinkPg(both.pg, params), params.tokenHash).toEqual(spendSignInLink(both.sqlite, params));
    }
    await expectSameTables('accountTokens', 'sessions', 'contacts');
  });

  it('changes a password and ends every other session of the account', async () => {
    const contactId = idOf(DEMO_ACCOUNTS.contact);
    const session = { actorKind: 'contact' as const, actorId: contactId, createdAt: NOW, lastSeenAt: NOW, expiresAt: NOW + HOUR };
    for (const tokenHash of ['keep', 'other-1', 'other-2']) {
      insertSession(both.sqlite, { ...session, tokenHash });
      await insertSessionPg(both.pg, { ...session, tokenHash });
    }
    const params = { kind: 'contact' as const, id: contactId, passwordHash: 'changed', keepSessionHash: 'keep' };
    changeAccountPassword(both.sqlite, params);
    await changeAccountPasswordPg(both.pg, params);
    await expectSameTables('sessions', 'contacts');
    expect(await findSessionPg(both.pg, 'keep')).toEqual(findSession(both.sqlite, 'keep'));
    expect(await findSessionPg(both.pg, 'other-1')).toBeNull();
  });

  it('inside a caller\'s transaction, a twin is part of it: rolled back with it', async () => {
    const accountId = idOf(DEMO_ACCOUNTS.admin);
    await expect(
      both.pg.transaction(async (tx) => {
        await insertAccountTokenPg(tx, { tokenHash: 'rolled-back', purpose: 'invitation', accountKind: agentKind, accountId, now: NOW, expiresAt: NOW + HOUR });
        expect(await findUsableAccountTokenPg(tx, 'rolled-back', NOW)).not.toBeNull();
        throw new Error('caller fails');
      }),
    ).rejects.toThrow('caller fails');
    expect(await findUsableAccountTokenPg(both.pg, 'rolled-back', NOW)).toBeNull();
  });
});

describe('sessions on PostgreSQL (the twins not in sessions-leases.pg.test.ts)', () => {
  it('finds a session row and ends every session of one account, as SQLite', async () => {
    const agentId = idOf(DEMO_ACCOUNTS.otherAgent);
    const session = { actorKind: 'agent' as const, actorId: agentId, createdAt: NOW, lastSeenAt: NOW, expiresAt: NOW + HOUR };
    for (const tokenHash of ['of-1', 'of-2']) {
      insertSession(both.sqlite, { ...session, tokenHash });
      await insertSessionPg(both.pg, { ...session, tokenHash });
    }
    for (const hash of ['of-1', 'nope']) expect(await findSessionPg(both.pg, hash)).toEqual(findSession(both.sqlite, hash));
    deleteSessionsOf(both.sqlite, 'agent', agentId);
    await deleteSessionsOfPg(both.pg, 'agent', agentId);
    await expectSameTables('sessions');
    expect(await findSessionPg(both.pg, 'of-1')).toBeNull();
  });
});

describe('agent API tokens on PostgreSQL', () => {
  it('inserts, lists newest first, revokes once, and resolves only unrevoked tokens of active agents', async () => {
    const agentId = idOf(DEMO_ACCOUNTS.agent);
    const otherId = idOf(DEMO_ACCOUNTS.otherAgent);
    for (const [id, name, hash] of [
      [agentId, 'CI', 'api-1'],
      [agentId, 'Script', 'api-2'],
      [otherId, 'Outro', 'api-3'],
    ] as const) {
      const input = { agentId: id, name, tokenHash: hash, now: NOW };
      expect(await insertAgentApiTokenPg(both.pg, input)).toEqual(insertAgentApiToken(both.sqlite, input));
    }
    const first = listAgentApiTokens(both.sqlite, agentId)[1]!.id;
    for (const input of [
      { agentId: otherId, id: first, now: NOW + 1 },
      { agentId, id: first, now: NOW + 2 },
      { agentId, id: first, now: NOW + 3 },
    ]) {
      expect(await revokeAgentApiTokenPg(both.pg, input)).toBe(revokeAgentApiToken(both.sqlite, input));
    }
    for (const id of [agentId, otherId, 999]) expect(await listAgentApiTokensPg(both.pg, id)).toEqual(listAgentApiTokens(both.sqlite, id));
    for (const hash of ['api-1', 'api-2', 'api-3', 'nope']) expect(await agentForApiTokenPg(both.pg, hash), hash).toEqual(agentForApiToken(both.sqlite, hash));
    for (const input of [
      { agentId, id: first },
      { agentId: otherId, id: first },
      { agentId, id: 999 },
    ]) {
      expect(await ownsAgentApiTokenPg(both.pg, input)).toBe(ownsAgentApiToken(both.sqlite, input));
    }
    await expectSameTables('agentApiTokens');
  });

});

describe('agent deactivation on PostgreSQL', () => {
  it('moves the same tickets back to the queue with the same events, revokes tokens, ends sessions; reactivation as SQLite', async () => {
    const { rows } = await both.pg.$client.query(`SELECT assignee_id AS id FROM tickets WHERE assignee_id IS NOT NULL GROUP BY assignee_id ORDER BY count(*) DESC, assignee_id LIMIT 1`);
    const agentId = rows[0].id as number;
    const session = { tokenHash: 'deact-sess', actorKind: 'agent' as const, actorId: agentId, createdAt: NOW, lastSeenAt: NOW, expiresAt: NOW + HOUR };
    insertSession(both.sqlite, session);
    await insertSessionPg(both.pg, session);
    const token = { agentId, name: 'deact', tokenHash: 'api-deact', now: NOW };
    insertAgentApiToken(both.sqlite, token);
    await insertAgentApiTokenPg(both.pg, token);

    const onSqlite = deactivateAgent(both.sqlite, { agentId, now: NOW + 50 });
    const onPg = await deactivateAgentPg(both.pg, { agentId, now: NOW + 50 });
    expect(onPg).toEqual(onSqlite);
    expect(onPg!.ticketIds.length).toBeGreaterThan(0);
    expect(await deactivateAgentPg(both.pg, { agentId: 999_999, now: NOW })).toBe(deactivateAgent(both.sqlite, { agentId: 999_999, now: NOW }));
    await expectSameTables('agents', 'sessions', 'agentApiTokens', 'tickets', 'ticketEvents');

    for (const id of [agentId, 999_999]) expect(await reactivateAgentPg(both.pg, id)).toBe(reactivateAgent(both.sqlite, id));
    await expectSameTables('agents');
  });
});

// Last: these write on PostgreSQL only, so the engines' tables differ afterwards.
describe('races on PostgreSQL: one winner, as under SQLite\'s BEGIN IMMEDIATE', () => {
  it('two submissions of one password link at once: one sets the password, the other gets null', async () => {
    const accountId = idOf(DEMO_ACCOUNTS.agent);
    await insertAccountTokenPg(both.pg, { tokenHash: 'race-reset', purpose: 'password_reset', accountKind: 'agent' as const, accountId, now: NOW, expiresAt: NOW + HOUR });
    const results = await Promise.all(Array.from({ length: 6 }, (_, i) => consumeAccountTokenPg(both.pg, { tokenHash: 'race-reset', passwordHash: `p${i}`, now: NOW + 10 })));
    expect(results.filter(Boolean)).toEqual([{ kind: 'agent', id: accountId, purpose: 'password_reset' }]);
  });

  it('six clicks on one sign-in link at once open exactly one session', async () => {
    const accountId = idOf(DEMO_ACCOUNTS.agent);
    await insertAccountTokenPg(both.pg, { tokenHash: 'race-link', purpose: 'sign_in_link', accountKind: 'agent' as const, accountId, now: NOW, expiresAt: NOW + HOUR });
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) => spendSignInLinkPg(both.pg, { tokenHash: 'race-link', now: NOW + 10, session: { tokenHash: `race-sess-${i}`, expiresAt: NOW + HOUR } })),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    const { rows } = await both.pg.$client.query(`SELECT count(*)::int AS n FROM sessions WHERE token_hash LIKE 'race-sess-%'`);
    expect(rows[0].n).toBe(1);
  });

  it('links requested at once for one account and purpose: only one stays usable', async () => {
    const accountId = idOf(DEMO_ACCOUNTS.admin);
    await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        insertAccountTokenPg(both.pg, { tokenHash: `burst-${i}`, purpose: 'password_reset', accountKind: 'agent' as const, accountId, now: NOW + 20, expiresAt: NOW + HOUR }),
      ),
    );
    const { rows } = await both.pg.$client.query(`SELECT count(*)::int AS n FROM account_tokens WHERE token_hash LIKE 'burst-%' AND used_at IS NULL`);
    expect(rows[0].n).toBe(1);
  });

  it('two revocations of one token at once: one reports it', async () => {
    const agentId = idOf(DEMO_ACCOUNTS.agent);
    const { id } = await insertAgentApiTokenPg(both.pg, { agentId, name: 'race', tokenHash: 'api-race', now: NOW });
    const results = await Promise.all(Array.from({ length: 6 }, (_, i) => revokeAgentApiTokenPg(both.pg, { agentId, id, now: NOW + i })));
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it('a sign-in link spent while its agent is being deactivated opens no session that outlives it', async () => {
    const agentId = idOf(DEMO_ACCOUNTS.admin);
    await insertAccountTokenPg(both.pg, { tokenHash: 'late-link', purpose: 'sign_in_link', accountKind: 'agent', accountId: agentId, now: NOW, expiresAt: NOW + HOUR });
    let spending: Promise<unknown> | undefined;
    let settled = false;
    await both.pg.transaction(async (tx) => {
      await deactivateAgentPg(tx, { agentId, now: NOW + 70 });
      spending = spendSignInLinkPg(both.pg, { tokenHash: 'late-link', now: NOW + 71, session: { tokenHash: 'late-session', expiresAt: NOW + HOUR } });
      void spending.finally(() => (settled = true));
      // The link's spender must now wait for this deactivation's locks (its link, deleted with the
      // account's other unused links, or the account's row).
      while (!settled) {
        const { rows } = await both.pg.$client.query(`SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database() AND pid <> pg_backend_pid()`);
        if (rows.length) break;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    });
    expect(await spending).toBeNull();
    expect(await findSessionPg(both.pg, 'late-session')).toBeNull();
  });

  it('two deactivations of one agent at once move each ticket once', async () => {
    const { rows } = await both.pg.$client.query(
      `SELECT assignee_id AS id FROM tickets WHERE assignee_id IS NOT NULL AND status IN ('new','open','pending') GROUP BY assignee_id ORDER BY assignee_id LIMIT 1`,
    );
    const agentId = rows[0].id as number;
    const results = await Promise.all(Array.from({ length: 4 }, () => deactivateAgentPg(both.pg, { agentId, now: NOW + 60 })));
    const moved = results.flatMap((r) => r!.ticketIds);
    expect(moved.length).toBeGreaterThan(0);
    expect(new Set(moved).size).toBe(moved.length);
    const events = await both.pg.$client.query(`SELECT count(*)::int AS n FROM ticket_events WHERE type = 'assignee_changed' AND created_at = $1`, [NOW + 60]);
    expect(events.rows[0].n).toBe(moved.length);
  });
});
