import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findAccountByEmail } from '../../queries/accounts.js';
import { getAgentLanguage, saveAgentLanguage } from '../../queries/agent-preferences.js';
import { accountLanguage, getContactPreferences, saveContactPreferences } from '../../queries/contact-preferences.js';
import { completeRegistration, findUsablePendingRegistration, insertPendingRegistration, isAddressInUse } from '../../queries/registrations.js';
import { countActiveAdmins, findAgentByEmail, getTeamMember, insertAgent, listTeam, updateTeamMember } from '../../queries/team.js';
import * as sqliteSchema from '../../schema.js';
import { DEMO_ACCOUNTS } from '../../seed/demo-data.js';
import * as pgSchema from '../schema.js';
import { getAgentLanguagePg, saveAgentLanguagePg } from './agent-preferences.js';
import { accountLanguagePg, getContactPreferencesPg, saveContactPreferencesPg } from './contact-preferences.js';
import { completeRegistrationPg, findUsablePendingRegistrationPg, insertPendingRegistrationPg, isAddressInUsePg } from './registrations.js';
import { countActiveAdminsPg, findAgentByEmailPg, getTeamMemberPg, insertAgentPg, listTeamPg, updateTeamMemberPg } from './team.js';
import { createDemoDatabasesWithLanguageCollation, rowsOnBoth } from './twin-testing.js';

const NOW = Date.UTC(2026, 10, 23, 15, 0, 0);
const HOUR = 3_600_000;
let both: Awaited<ReturnType<typeof createDemoDatabasesWithLanguageCollation>>;

beforeAll(async () => {
  both = await createDemoDatabasesWithLanguageCollation(NOW);
  // A contact's second address: taken for a new account too.
  const second = { contactId: findAccountByEmail(both.sqlite, DEMO_ACCOUNTS.contact)!.id, email: 'carla.casa@example.com', createdAt: NOW };
  both.sqlite.insert(sqliteSchema.contactEmails).values(second).run();
  await both.pg.insert(pgSchema.contactEmails).values(second);
});
afterAll(() => both?.dispose());

const idOf = (email: string) => findAccountByEmail(both.sqlite, email)!.id;

type Table = 'agents' | 'contacts' | 'agentDepartments' | 'pendingRegistrations';
async function expectSameTables(...names: Table[]) {
  const keys: Partial<Record<Table, string[]>> = { agentDepartments: ['agentId', 'departmentId'] };
  for (const name of names) {
    const rows = await rowsOnBoth(both, sqliteSchema[name], pgSchema[name], keys[name] ?? ['id']);
    expect(rows.pg, name).toEqual(rows.sqlite);
  }
}

describe('languages and contact preferences on PostgreSQL', () => {
  it('reads and saves an agent\'s language, pt-BR for an unknown id', async () => {
    const agentId = idOf(DEMO_ACCOUNTS.agent);
    saveAgentLanguage(both.sqlite, agentId, 'en');
    await saveAgentLanguagePg(both.pg, agentId, 'en');
    for (const id of [agentId, idOf(DEMO_ACCOUNTS.admin), 999]) expect(await getAgentLanguagePg(both.pg, id)).toBe(getAgentLanguage(both.sqlite, id));
    await expectSameTables('agents');
  });

  it('reads and saves a contact\'s preferences; the account language of either kind', async () => {
    const contactId = idOf(DEMO_ACCOUNTS.contact);
    const preferences = { language: 'en' as const, notifyUpdates: false, notifyReminders: true, notifyRatingRequests: false };
    saveContactPreferences(both.sqlite, contactId, preferences);
    await saveContactPreferencesPg(both.pg, contactId, preferences);
    for (const id of [contactId, idOf(DEMO_ACCOUNTS.otherContact), 999]) expect(await getContactPreferencesPg(both.pg, id)).toEqual(getContactPreferences(both.sqlite, id));
    for (const account of [
      { kind: 'contact' as const, id: contactId },
      { kind: 'contact' as const, id: 999 },
      { kind: 'agent' as const, id: idOf(DEMO_ACCOUNTS.agent) },
      { kind: 'agent' as const, id: 999 },
    ]) {
      expect(await accountLanguagePg(both.pg, account)).toBe(accountLanguage(both.sqlite, account));
    }
    await expectSameTables('contacts');
  });
});

describe('self-registration on PostgreSQL', () => {
  it('knows the same addresses in use: agents, contacts, contacts\' other addresses', async () => {
    for (const email of [DEMO_ACCOUNTS.admin, ` ${DEMO_ACCOUNTS.contact.toUpperCase()} `, 'carla.casa@example.com', 'livre@example.com']) {
      expect(await isAddressInUsePg(both.pg, email), email).toBe(isAddressInUse(both.sqlite, email));
    }
  });

  it('stores sign-ups (only the latest link per address usable) and completes them as SQLite', async () => {
    const signUps = [
      { tokenHash: 'reg-1', email: ' Nova@Example.com ', name: ' Nova Pessoa ', language: 'en' as const, now: NOW, expiresAt: NOW + HOUR },
      { tokenHash: 'reg-2', email: 'nova@example.com', name: 'Nova Pessoa', language: 'pt-BR' as const, now: NOW + 1, expiresAt: NOW + HOUR },
      { tokenHash: 'reg-3', email: 'outra@example.com', name: 'Outra', language: 'pt-BR' as const, now: NOW, expiresAt: NOW + HOUR },
      { tokenHash: 'reg-4', email: 'agente.depois@example.com', name: 'Tarde', language: 'pt-BR' as const, now: NOW, expiresAt: NOW + HOUR },
    ];
    for (const row of signUps) {
      insertPendingRegistration(both.sqlite, row);
      await insertPendingRegistrationPg(both.pg, row);
    }
    for (const [hash, now] of [
      ['reg-1', NOW],
      ['reg-2', NOW],
      ['reg-2', NOW + HOUR],
      ['nope', NOW],
    ] as const) {
      expect(await findUsablePendingRegistrationPg(both.pg, hash, now), hash).toEqual(findUsablePendingRegistration(both.sqlite, hash, now));
    }
    // The address is taken by an agent after the sign-up: the link is spent, nothing is created.
    const agent = { name: 'Agente Depois', email: 'agente.depois@example.com', role: 'agent' as const, departmentIds: [], now: NOW };
    insertAgent(both.sqlite, agent);
    await insertAgentPg(both.pg, agent);
    for (const params of [
      { tokenHash: 'reg-2', passwordHash: 'h', now: NOW + 2 },
      { tokenHash: 'reg-2', passwordHash: 'h', now: NOW + 3 },
      { tokenHash: 'reg-1', passwordHash: 'h', now: NOW + 4 },
      { tokenHash: 'reg-3', passwordHash: 'h', now: NOW + HOUR },
      { tokenHash: 'reg-4', passwordHash: 'h', now: NOW + 5 },
    ]) {
      expect(await completeRegistrationPg(both.pg, params), params.tokenHash).toEqual(completeRegistration(both.sqlite, params));
    }
    await expectSameTables('pendingRegistrations', 'contacts', 'agents');
  });
});

describe('team on PostgreSQL', () => {
  it('invites agents and refuses what SQLite refuses', async () => {
    const departments = both.sqlite.select().from(sqliteSchema.departments).all();
    for (const input of [
      { name: ' Zeca Novo ', email: 'Zeca@Example.com', role: 'agent' as const, departmentIds: [departments[1]!.id, departments[0]!.id, departments[1]!.id], now: NOW },
      { name: 'Ágata', email: 'agata@example.com', role: 'admin' as const, departmentIds: [], now: NOW },
      { name: 'ana minúscula', email: 'ana.min@example.com', role: 'agent' as const, departmentIds: [departments[2]!.id], now: NOW },
      { name: 'De novo', email: DEMO_ACCOUNTS.agent, role: 'agent' as const, departmentIds: [], now: NOW },
      { name: 'Cliente', email: DEMO_ACCOUNTS.otherContact, role: 'agent' as const, departmentIds: [], now: NOW },
      { name: 'Sem depto', email: 'sem@example.com', role: 'agent' as const, departmentIds: [999], now: NOW },
    ]) {
      expect(await insertAgentPg(both.pg, input), input.email).toEqual(insertAgent(both.sqlite, input));
    }
    await expectSameTables('agents', 'agentDepartments');
  });

  it('reads members by e-mail and id, lists the team in byte order of names, counts active admins', async () => {
    for (const email of [DEMO_ACCOUNTS.agent, ' ZECA@example.com', 'nobody@example.com']) expect(await findAgentByEmailPg(both.pg, email)).toEqual(findAgentByEmail(both.sqlite, email));
    for (const id of [1, 2, 3, 999]) expect(await getTeamMemberPg(both.pg, id)).toEqual(getTeamMember(both.sqlite, id));
    const team = await listTeamPg(both.pg);
    expect(team).toEqual(listTeam(both.sqlite));
    expect(team.at(-1)!.name).toBe('Ágata');
    expect(await countActiveAdminsPg(both.pg)).toBe(countActiveAdmins(both.sqlite));
  });

  it('updates a member\'s name, role and departments as SQLite, and the same refusals', async () => {
    const departments = both.sqlite.select().from(sqliteSchema.departments).all();
    const id = idOf(DEMO_ACCOUNTS.otherAgent);
    for (const [memberId, input] of [
      [id, { name: ' Bruno Chefe ', role: 'admin' as const, departmentIds: [departments[2]!.id, departments[0]!.id] }],
      [id, { name: 'Bruno', role: 'agent' as const, departmentIds: [998] }],
      [999, { name: 'Ninguém', role: 'agent' as const, departmentIds: [] }],
    ] as const) {
      expect(await updateTeamMemberPg(both.pg, memberId, { ...input, departmentIds: [...input.departmentIds] })).toEqual(
        updateTeamMember(both.sqlite, memberId, { ...input, departmentIds: [...input.departmentIds] }),
      );
    }
    expect(await countActiveAdminsPg(both.pg)).toBe(countActiveAdmins(both.sqlite));
    await expectSameTables('agents', 'agentDepartments');
  });
});

// Last: these write on PostgreSQL only, so the engines' tables differ afterwards.
describe('races on PostgreSQL: one winner, as under SQLite\'s BEGIN IMMEDIATE', () => {
  it('six clicks on one sign-up link at once create one contact', async () => {
    await insertPendingRegistrationPg(both.pg, { tokenHash: 'race-reg', email: 'corrida@example.com', name: 'Corrida', language: 'pt-BR', now: NOW, expiresAt: NOW + HOUR });
    const results = await Promise.all(Array.from({ length: 6 }, () => completeRegistrationPg(both.pg, { tokenHash: 'race-reg', passwordHash: 'h', now: NOW + 1 })));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.reason)).toEqual(Array(5).fill('link_invalid'));
  });

  it('sign-ups for one address at once: only one link stays usable', async () => {
    await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        insertPendingRegistrationPg(both.pg, { tokenHash: `burst-reg-${i}`, email: 'rajada@example.com', name: 'Rajada', language: 'pt-BR', now: NOW, expiresAt: NOW + HOUR }),
      ),
    );
    const { rows } = await both.pg.$client.query(`SELECT count(*)::int AS n FROM pending_registrations WHERE email = 'rajada@example.com' AND used_at IS NULL`);
    expect(rows[0].n).toBe(1);
  });

  it('one address invited by several admins at once: one agent, the rest refused as taken', async () => {
    const input = { name: 'Dupla', email: 'dupla@example.com', role: 'agent' as const, departmentIds: [], now: NOW };
    const results = await Promise.all(Array.from({ length: 6 }, () => insertAgentPg(both.pg, input)));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.reason)).toEqual(Array(5).fill('email_taken_by_agent'));
  });

  it('an invitation racing a customer\'s sign-up for one address: one account, never two', async () => {
    for (let round = 0; round < 5; round++) {
      const email = `disputa${round}@example.com`;
      await insertPendingRegistrationPg(both.pg, { tokenHash: `dispute-${round}`, email, name: 'Disputa', language: 'pt-BR', now: NOW, expiresAt: NOW + HOUR });
      const [registered, invited] = await Promise.all([
        completeRegistrationPg(both.pg, { tokenHash: `dispute-${round}`, passwordHash: 'h', now: NOW + 1 }),
        insertAgentPg(both.pg, { name: 'Disputa', email, role: 'agent', departmentIds: [], now: NOW }),
      ]);
      expect([registered.ok, invited.ok].filter(Boolean), email).toHaveLength(1);
      if (!registered.ok) expect(registered.reason).toBe('email_taken');
      if (!invited.ok) expect(invited.reason).toBe('email_taken_by_contact');
    }
  });
});
