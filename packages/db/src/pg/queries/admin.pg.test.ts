import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findAccountByEmail } from '../../queries/accounts.js';
import { listAudit, recordAudit, type AuditEntry, type NewAuditEntry } from '../../queries/audit-log.js';
import { createCannedReply, deleteCannedReply, getCannedReply, listCannedReplies } from '../../queries/canned-replies.js';
import {
  getDepartment,
  insertDepartment,
  insertSubject,
  isPortalDepartment,
  isPortalSubject,
  listDepartments,
  listSubjects,
  portalDepartments,
  portalSubjects,
  updateDepartment,
  updateSubject,
} from '../../queries/catalog.js';
import {
  getAutomationSettings,
  getCompanySettings,
  getOrCreateSecret,
  getPortalSettings,
  getSignInSettings,
  getSlaSettings,
  saveAutomationSettings,
  saveCompanySettings,
  savePortalSettings,
  saveSignInSettings,
  saveSlaSettings,
} from '../../queries/settings.js';
import * as sqliteSchema from '../../schema.js';
import { DEMO_ACCOUNTS } from '../../seed/demo-data.js';
import * as pgSchema from '../schema.js';
import { listAuditPg, recordAuditPg } from './audit-log.js';
import { createCannedReplyPg, deleteCannedReplyPg, getCannedReplyPg, listCannedRepliesPg } from './canned-replies.js';
import {
  getDepartmentPg,
  insertDepartmentPg,
  insertSubjectPg,
  isPortalDepartmentPg,
  isPortalSubjectPg,
  listDepartmentsPg,
  listSubjectsPg,
  portalDepartmentsPg,
  portalSubjectsPg,
  updateDepartmentPg,
  updateSubjectPg,
} from './catalog.js';
import {
  getAutomationSettingsPg,
  getCompanySettingsPg,
  getOrCreateSecretPg,
  getPortalSettingsPg,
  getSignInSettingsPg,
  getSlaSettingsPg,
  saveAutomationSettingsPg,
  saveCompanySettingsPg,
  savePortalSettingsPg,
  saveSignInSettingsPg,
  saveSlaSettingsPg,
} from './settings.js';
import { createDemoDatabasesWithLanguageCollation, rowsOnBoth } from './twin-testing.js';

const NOW = Date.UTC(2026, 10, 23, 15, 0, 0);
let both: Awaited<ReturnType<typeof createDemoDatabasesWithLanguageCollation>>;

beforeAll(async () => {
  both = await createDemoDatabasesWithLanguageCollation(NOW);
});
afterAll(() => both?.dispose());

type Table = 'auditLog' | 'settings' | 'departments' | 'subjects' | 'cannedReplies';
async function expectSameTables(...names: Table[]) {
  const keys: Partial<Record<Table, string[]>> = { settings: ['key'] };
  for (const name of names) {
    const rows = await rowsOnBoth(both, sqliteSchema[name], pgSchema[name], keys[name] ?? ['id']);
    expect(rows.pg, name).toEqual(rows.sqlite);
  }
}

describe('settings on PostgreSQL', () => {
  const readAll = async () => ({
    onPg: [await getPortalSettingsPg(both.pg), await getCompanySettingsPg(both.pg), await getAutomationSettingsPg(both.pg), await getSlaSettingsPg(both.pg), await getSignInSettingsPg(both.pg)],
    onSqlite: [getPortalSettings(both.sqlite), getCompanySettings(both.sqlite), getAutomationSettings(both.sqlite), getSlaSettings(both.sqlite), getSignInSettings(both.sqlite)],
  });

  it('reads the same settings, stored or defaulted', async () => {
    const { onPg, onSqlite } = await readAll();
    expect(onPg).toEqual(onSqlite);
  });

  it('an old database\'s partial rows read with the defaults filled in, as SQLite', async () => {
    const partial = [
      { key: 'portal', value: { customersSeeTickets: false } },
      { key: 'sla', value: { firstResponseHours: { urgente: 1 } } },
    ];
    for (const row of partial) {
      both.sqlite.insert(sqliteSchema.settings).values(row).onConflictDoUpdate({ target: sqliteSchema.settings.key, set: { value: row.value } }).run();
      await both.pg.insert(pgSchema.settings).values(row).onConflictDoUpdate({ target: pgSchema.settings.key, set: { value: row.value } });
    }
    const { onPg, onSqlite } = await readAll();
    expect(onPg).toEqual(onSqlite);
    expect(onPg[0]).toMatchObject({ customersSeeTickets: false, customersOpenTickets: true });
  });

  it('saves each group and reads back the same values', async () => {
    const portal = { ...getPortalSettings(both.sqlite), customersSelfRegister: true, agentRepliesPublicByDefault: false };
    const company = { ...getCompanySettings(both.sqlite), timeZone: 'America/Manaus', businessDays: [1, 2, 3], holidays: ['2026-12-25', '2027-01-01'] };
    const automation = getAutomationSettings(both.sqlite);
    const sla = { ...getSlaSettings(both.sqlite), nextResponseHours: { ...getSlaSettings(both.sqlite).nextResponseHours, baixa: 72 } };
    const signIn = { emailLinkForContacts: false, emailLinkForAgents: true };
    savePortalSettings(both.sqlite, portal);
    await savePortalSettingsPg(both.pg, portal);
    saveCompanySettings(both.sqlite, company);
    await saveCompanySettingsPg(both.pg, company);
    saveAutomationSettings(both.sqlite, automation);
    await saveAutomationSettingsPg(both.pg, automation);
    saveSlaSettings(both.sqlite, sla);
    await saveSlaSettingsPg(both.pg, sla);
    saveSignInSettings(both.sqlite, signIn);
    await saveSignInSettingsPg(both.pg, signIn);
    const { onPg, onSqlite } = await readAll();
    expect(onPg).toEqual(onSqlite);
    expect(onPg).toEqual([portal, company, automation, sla, signIn]);
    await expectSameTables('settings');
  });

  it('creates a secret once and returns it ever after; instances asking at once get one secret', async () => {
    const first = await getOrCreateSecretPg(both.pg, 'rating-links');
    expect(first).toMatch(/^[\w-]{43}$/);
    expect(await getOrCreateSecretPg(both.pg, 'rating-links')).toBe(first);
    // Each engine makes its own random secret; what must agree is the behaviour around it.
    expect(getOrCreateSecret(both.sqlite, 'rating-links')).toBe(getOrCreateSecret(both.sqlite, 'rating-links'));
    const raced = await Promise.all(Array.from({ length: 6 }, () => getOrCreateSecretPg(both.pg, 'raced')));
    expect(new Set(raced).size).toBe(1);
  });
});

describe('audit log on PostgreSQL', () => {
  it('records entries (JSON details kept) and pages them newest first on (at, id), as SQLite', async () => {
    const agentId = findAccountByEmail(both.sqlite, DEMO_ACCOUNTS.admin)!.id;
    const entries: NewAuditEntry[] = [
      { at: NOW, event: 'sign_in', actorKind: 'agent', actorId: agentId, email: DEMO_ACCOUNTS.admin, address: '127.0.0.1', details: null },
      { at: NOW, event: 'sign_in_failed', actorKind: 'anonymous', email: 'x@example.com' },
      { at: NOW + 1, event: 'settings_changed', actorKind: 'agent', actorId: agentId, details: { before: { a: 1, list: [1, 'b'] }, after: { a: 2, nested: { ok: true } } } },
      { at: NOW - 5, event: 'password_reset', actorKind: 'system', details: { reason: 'ação do usuário' } },
      { at: NOW, event: 'sign_out', actorKind: 'contact', actorId: 1 },
    ];
    for (const entry of entries) {
      recordAudit(both.sqlite, entry);
      await recordAuditPg(both.pg, entry);
    }
    await expectSameTables('auditLog');
    const walk = async (list: (before: { at: number; id: number } | null) => Promise<AuditEntry[]>) => {
      const pages: AuditEntry[][] = [];
      let before: { at: number; id: number } | null = null;
      for (;;) {
        const page = await list(before);
        if (!page.length) return pages;
        pages.push(page);
        before = { at: page.at(-1)!.at, id: page.at(-1)!.id };
      }
    };
    for (const limit of [1, 2, 50]) {
      const onPg = await walk((before) => listAuditPg(both.pg, { before, limit }));
      expect(onPg, `limit ${limit}`).toEqual(await walk(async (before) => listAudit(both.sqlite, { before, limit })));
      expect(onPg.flat()).toHaveLength(entries.length);
    }
  });
});

describe('catalog on PostgreSQL', () => {
  it('inserts and updates departments and subjects; lists them in byte order of names, as SQLite', async () => {
    const departments = [
      { name: 'zeladoria', active: true, servesTickets: true, servesExternal: true },
      { name: 'Água e Esgoto', active: true, servesTickets: true, servesExternal: true },
      { name: 'Zona Sul', active: true, servesTickets: false, servesExternal: true },
      { name: 'Arquivo', active: false, servesTickets: true, servesExternal: true },
      { name: 'Zona Sul', active: true, servesTickets: true, servesExternal: true },
    ];
    for (const fields of departments) expect(await insertDepartmentPg(both.pg, fields)).toEqual(insertDepartment(both.sqlite, fields));
    const firstId = listDepartments(both.sqlite)[0]!.id;
    const subjectsToAdd = [
      { name: 'wi-fi', active: true, showOnHotsite: true, defaultDepartmentId: firstId },
      { name: 'Ética', active: true, showOnHotsite: true, defaultDepartmentId: null },
      { name: 'Zumbido', active: true, showOnHotsite: false, defaultDepartmentId: null },
      { name: 'Boleto', active: false, showOnHotsite: true, defaultDepartmentId: null },
    ];
    for (const fields of subjectsToAdd) expect(await insertSubjectPg(both.pg, fields)).toEqual(insertSubject(both.sqlite, fields));
    const department = { name: 'Zeladoria Central', active: true, servesTickets: true, servesExternal: false };
    for (const id of [firstId, 999]) expect(await updateDepartmentPg(both.pg, id, department)).toEqual(updateDepartment(both.sqlite, id, department));
    const subjectId = listSubjects(both.sqlite)[0]!.id;
    const subject = { name: 'Ética e Conduta', active: true, showOnHotsite: true, defaultDepartmentId: firstId };
    for (const id of [subjectId, 999]) expect(await updateSubjectPg(both.pg, id, subject)).toEqual(updateSubject(both.sqlite, id, subject));
    await expectSameTables('departments', 'subjects');

    expect(await listDepartmentsPg(both.pg)).toEqual(listDepartments(both.sqlite));
    expect(await listSubjectsPg(both.pg)).toEqual(listSubjects(both.sqlite));
    expect(await portalDepartmentsPg(both.pg)).toEqual(portalDepartments(both.sqlite));
    expect(await portalSubjectsPg(both.pg)).toEqual(portalSubjects(both.sqlite));
    expect((await listDepartmentsPg(both.pg)).at(-1)!.name).toBe('Água e Esgoto');
    const ids = [...listDepartments(both.sqlite).map((d) => d.id), 999];
    for (const id of ids) {
      expect(await getDepartmentPg(both.pg, id)).toEqual(getDepartment(both.sqlite, id));
      expect(await isPortalDepartmentPg(both.pg, id), `department ${id}`).toBe(isPortalDepartment(both.sqlite, id));
    }
    for (const id of [...listSubjects(both.sqlite).map((s) => s.id), 999]) expect(await isPortalSubjectPg(both.pg, id), `subject ${id}`).toBe(isPortalSubject(both.sqlite, id));
  });
});

describe('canned replies on PostgreSQL', () => {
  it('creates shared and personal replies, lists an agent\'s by title in byte order, gets and deletes, as SQLite', async () => {
    const agentId = findAccountByEmail(both.sqlite, DEMO_ACCOUNTS.agent)!.id;
    const otherId = findAccountByEmail(both.sqlite, DEMO_ACCOUNTS.otherAgent)!.id;
    for (const input of [
      { title: 'saudação', body: 'Olá {{contato.nome}}', ownerAgentId: null, now: NOW },
      { title: 'Encerramento', body: 'Até logo', ownerAgentId: agentId, now: NOW },
      { title: 'Ótimo dia', body: 'Tenha um ótimo dia', ownerAgentId: otherId, now: NOW },
      { title: 'Encerramento', body: 'Outro', ownerAgentId: null, now: NOW + 1 },
      { title: 'Zelo', body: 'z', ownerAgentId: agentId, now: NOW },
    ]) {
      expect(await createCannedReplyPg(both.pg, input)).toEqual(createCannedReply(both.sqlite, input));
    }
    for (const id of [agentId, otherId, 999]) expect(await listCannedRepliesPg(both.pg, id), `agent ${id}`).toEqual(listCannedReplies(both.sqlite, id));
    const ids = listCannedReplies(both.sqlite, agentId).map((r) => r.id);
    for (const id of [...ids, 999]) expect(await getCannedReplyPg(both.pg, id)).toEqual(getCannedReply(both.sqlite, id));
    for (const id of [ids[0]!, ids[0]!, 999]) expect(await deleteCannedReplyPg(both.pg, id)).toBe(deleteCannedReply(both.sqlite, id));
    await expectSameTables('cannedReplies');
  });
});
