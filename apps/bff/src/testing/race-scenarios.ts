import { isDeepStrictEqual } from 'node:util';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '@atende/db';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

/**
 * Read-check-then-write races through the real app, the same scenarios on each engine: two requests
 * fired at once, then what a person would notice (who got which answer, what the data says after).
 * Run by routes/check-then-write-races.test.ts (SQLite) and postgres/check-then-write-races.pg.test.ts.
 */
interface RaceApp {
  request: (method: string, path: string, init?: { body?: unknown; cookie?: string }) => Promise<{ status: number; json: any }>;
  signIn: (email: string, password?: string) => Promise<string>;
  clock: { now: number };
  dispose: () => unknown;
}

interface Member {
  id: number;
  email: string;
  role: 'agent' | 'admin';
  active: boolean;
}

const ROUNDS = 4;

export function checkThenWriteRaces(engine: string, createApp: () => Promise<RaceApp>) {
  let t: RaceApp;
  beforeEach(async () => {
    t = await createApp();
  });
  afterEach(async () => {
    await t.dispose();
  });

  const team = async (cookie: string) => (await t.request('GET', '/api/admin/team', { cookie })).json.members as Member[];
  const activeAdmins = (members: Member[]) => members.filter((m) => m.role === 'admin' && m.active);

  describe(`${engine}: the last active admin`, () => {
    // The demo has one admin; a second is promoted, then each of the two removes the other at once.
    it.each([
      ['demote', (target: Member) => ({ method: 'PUT', path: `/api/admin/team/${target.id}`, body: { name: 'Ex-admin', role: 'agent', departmentIds: [] } })],
      ['deactivate', (target: Member) => ({ method: 'POST', path: `/api/admin/team/${target.id}/deactivate`, body: {} })],
    ] as const)('two admins who %s each other at once: one wins, the other is refused, one active admin remains', async (_name, change) => {
      let admins: { a: string; b: string } = { a: DEMO_ACCOUNTS.admin, b: DEMO_ACCOUNTS.otherAgent };
      for (let round = 0; round < ROUNDS; round++) {
        const aCookie = await t.signIn(admins.a);
        const b = (await team(aCookie)).find((m) => m.email === admins.b)!;
        // Back to two active admins: b reactivated (after a deactivation) and made admin again.
        if (!b.active) expect((await t.request('POST', `/api/admin/team/${b.id}/reactivate`, { cookie: aCookie, body: {} })).status).toBe(200);
        expect((await t.request('PUT', `/api/admin/team/${b.id}`, { cookie: aCookie, body: { name: 'Admin B', role: 'admin', departmentIds: [] } })).status).toBe(200);
        const bCookie = await t.signIn(admins.b);
        const members = await team(aCookie);
        expect(activeAdmins(members)).toHaveLength(2);
        const a = members.find((m) => m.email === admins.a)!;

        const [byA, byB] = [change({ ...b, role: 'admin' }), change(a)];
        const results = await Promise.all([
          t.request(byA.method, byA.path, { cookie: aCookie, body: byA.body }),
          t.request(byB.method, byB.path, { cookie: bCookie, body: byB.body }),
        ]);
        const winners = results.filter((r) => r.status === 200);
        expect(winners, JSON.stringify(results.map((r) => r.json))).toHaveLength(1);
        // The loser hears "keep one admin"; or, when the winner's change came before its request was
        // even let in, it is no longer an admin (403) or no longer signed in (401, deactivated).
        const loser = results.find((r) => r.status !== 200)!;
        expect({ 409: 'last_admin', 403: 'forbidden', 401: 'unauthenticated' }[loser.status as 409 | 403 | 401]).toBe(loser.json.code);

        const aWon = results[0]!.status === 200;
        const survivor = aWon ? admins.a : admins.b;
        const left = activeAdmins(await team(await t.signIn(survivor)));
        expect(left.map((m) => m.email)).toEqual([survivor]);
        admins = { a: survivor, b: aWon ? admins.b : admins.a };
      }
    });
  });

  describe(`${engine}: one address, one person (import)`, () => {
    it('an admin imports a file while another invites an agent with one of its addresses: nobody becomes both', async () => {
      const admin = await t.signIn(DEMO_ACCOUNTS.admin);
      for (let round = 0; round < ROUNDS; round++) {
        const email = `planilha-${round}@exemplo.com.br`;
        const lines = ['nome;email', ...Array.from({ length: 200 }, (_, i) => `Pessoa ${i};lote-${round}-${i}@exemplo.com.br`), `Pessoa Disputada;${email}`];
        const file = Buffer.from(lines.join('\n')).toString('base64');
        const [imported, invited] = await Promise.all([
          t.request('POST', '/api/admin/contact-import', { cookie: admin, body: { fileBase64: file, mapping: { name: 0, email: 1, phone: null, company: null }, dryRun: false } }),
          t.request('POST', '/api/admin/team', { cookie: admin, body: { name: 'Pessoa Disputada', email, role: 'agent', departmentIds: [] } }),
        ]);
        expect(imported.status).toBe(200);
        if (invited.status === 201) {
          // The agent came first: the file's row is refused as the team's address.
          expect(imported.json).toMatchObject({ created: 200, errorCount: 1, errors: [{ field: 'email', message: 'Este e-mail é de alguém da equipe.' }] });
        } else {
          expect(invited.json.fields).toEqual({ email: 'Este e-mail é de um contato de cliente.' });
          expect(imported.json).toMatchObject({ created: 201, errorCount: 0 });
        }
      }
    });
  });

  describe(`${engine}: giving a ticket to someone being deactivated`, () => {
    it('an agent assigns a ticket to a colleague while an admin deactivates them: the ticket never stays with an inactive agent', async () => {
      const admin = await t.signIn(DEMO_ACCOUNTS.admin);
      const ana = await t.signIn(DEMO_ACCOUNTS.agent);
      for (let round = 0; round < ROUNDS; round++) {
        const bruno = (await team(admin)).find((m) => m.email === DEMO_ACCOUNTS.otherAgent)!;
        if (!bruno.active) expect((await t.request('POST', `/api/admin/team/${bruno.id}/reactivate`, { cookie: admin, body: {} })).status).toBe(200);
        const { id } = (await t.request('GET', '/api/agent/tickets?queue=unassigned', { cookie: ana })).json.items[round] as { id: number };
        const { version } = (await t.request('GET', `/api/agent/tickets/${id}`, { cookie: ana })).json.ticket;
        const assign = () => t.request('POST', `/api/agent/tickets/${id}/fields`, { cookie: ana, body: { assigneeId: bruno.id, expectedVersion: version } });
        const deactivate = () => t.request('POST', `/api/admin/team/${bruno.id}/deactivate`, { cookie: admin, body: {} });
        // Both orders of arrival.
        const [assigned, deactivated] = round % 2 === 0 ? await Promise.all([assign(), deactivate()]) : (await Promise.all([deactivate(), assign()])).reverse();
        expect(deactivated!.status).toBe(200);
        // Given before the deactivation (then sent back to the queue with Bruno's other tickets), or refused.
        if (assigned!.status !== 200) expect(assigned!.json.fields).toEqual({ assigneeId: 'Responsável desconhecido.' });
        expect((await t.request('GET', `/api/agent/tickets/${id}`, { cookie: ana })).json.ticket.assigneeId).toBeNull();
      }
    });
    it('a customer files a ticket routed to an agent while an admin deactivates them: the new ticket never stays with an inactive agent', async () => {
      // A day after the demo's conversations (no same-day service to follow), in a department whose only
      // member is Bruno: routing chooses him unless he is already inactive.
      t.clock.now += 2 * 86_400_000;
      const admin = await t.signIn(DEMO_ACCOUNTS.admin);
      const carla = await t.signIn(DEMO_ACCOUNTS.contact);
      const department = await t.request('POST', '/api/admin/departments', { cookie: admin, body: { name: 'Plantão', active: true, servesTickets: true, servesExternal: true } });
      expect(department.status).toBe(201);
      const subjectId = (await t.request('GET', '/api/customer/new-ticket/options', { cookie: carla })).json.subjects[0].id as number;
      for (let round = 0; round < ROUNDS; round++) {
        let bruno = (await team(admin)).find((m) => m.email === DEMO_ACCOUNTS.otherAgent)!;
        if (!bruno.active) expect((await t.request('POST', `/api/admin/team/${bruno.id}/reactivate`, { cookie: admin, body: {} })).status).toBe(200);
        expect((await t.request('PUT', `/api/admin/team/${bruno.id}`, { cookie: admin, body: { name: 'Bruno', role: 'agent', departmentIds: [department.json.department.id] } })).status).toBe(200);
        const file = () =>
          t.request('POST', '/api/customer/tickets', {
            cookie: carla,
            body: { departmentId: department.json.department.id, subjectId, subject: `Plantão ${round}`, body: 'Preciso de ajuda.', origin: 'portal', idempotencyKey: `route-race-${String(round).padStart(8, '0')}` },
          });
        const deactivate = () => t.request('POST', `/api/admin/team/${bruno.id}/deactivate`, { cookie: admin, body: {} });
        const [filed, deactivated] = round % 2 === 0 ? await Promise.all([file(), deactivate()]) : (await Promise.all([deactivate(), file()])).reverse();
        expect(filed!.status).toBe(201);
        expect(deactivated!.status).toBe(200);
        bruno = (await team(admin)).find((m) => m.email === DEMO_ACCOUNTS.otherAgent)!;
        expect(bruno.active).toBe(false);
        // Routed to him before the deactivation (then sent back to the queue with his other tickets), or around him.
        const ticket = (await t.request('GET', `/api/agent/tickets/${filed!.json.ticket.id}`, { cookie: admin })).json.ticket;
        expect(ticket.assigneeId).not.toBe(bruno.id);
      }
    });
  });

  describe(`${engine}: merging`, () => {
    it('an agent merges a duplicate into a ticket while a colleague changes that ticket\'s status: the change is not undone', async () => {
      const ana = await t.signIn(DEMO_ACCOUNTS.agent);
      const bruno = await t.signIn(DEMO_ACCOUNTS.otherAgent);
      const carla = await t.signIn(DEMO_ACCOUNTS.contact);
      const options = (await t.request('GET', '/api/customer/new-ticket/options', { cookie: carla })).json;
      let filed = 0;
      const file = async () => {
        const body = { departmentId: options.departments[0].id, subjectId: options.subjects[0].id, subject: `Duplicado ${++filed}`, body: 'Mesmo problema.', origin: 'portal', idempotencyKey: `merge-race-${String(filed).padStart(8, '0')}` };
        const id = (await t.request('POST', '/api/customer/tickets', { cookie: carla, body })).json.ticket.id as number;
        const { version } = await view(id);
        expect((await t.request('POST', `/api/agent/tickets/${id}/status`, { cookie: ana, body: { status: 'open', expectedVersion: version } })).status).toBe(200);
        return id;
      };
      const view = async (id: number) => (await t.request('GET', `/api/agent/tickets/${id}`, { cookie: ana })).json.ticket as { status: string; version: number };
      const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
      // The merge reads the target early and changes it late: the colleague's change is started a little
      // before it, by a different head start each round, to land in between.
      for (const headStart of [0, 1, 2, 4, 6, 8, 12, 16]) {
        const [source, target] = [await file(), await file()];
        const [before, sourceBefore] = [await view(target), await view(source)];
        const [changed, merged] = await Promise.all([
          t.request('POST', `/api/agent/tickets/${target}/status`, { cookie: bruno, body: { status: 'pending', expectedVersion: before.version } }),
          sleep(headStart).then(() => t.request('POST', `/api/agent/tickets/${source}/merge`, { cookie: ana, body: { targetId: target, expectedVersion: sourceBefore.version } })),
        ]);
        expect(merged.status, JSON.stringify(merged.json)).toBe(200);
        // Changed first (the merge's reply keeps it), or refused because the merge changed the ticket first.
        expect([200, 409]).toContain(changed.status);
        expect((await view(target)).status).toBe(changed.status === 200 ? 'pending' : 'open');
      }
    });
  });

  describe(`${engine}: settings`, () => {
    it('an admin saving the portal form while another opens sign-up: the sign-up switch is not lost', async () => {
      const admin = await t.signIn(DEMO_ACCOUNTS.admin);
      const current = (await t.request('GET', '/api/admin/portal-settings', { cookie: admin })).json.settings;
      const { customersSelfRegister: _omitted, ...form } = current;
      for (let round = 0; round < ROUNDS; round++) {
        expect((await t.request('PUT', '/api/admin/portal-settings', { cookie: admin, body: { ...form, customersSelfRegister: false } })).status).toBe(200);
        // The portal form without the sign-up switch leaves it as it is.
        const results = await Promise.all([
          t.request('PUT', '/api/admin/portal-settings', { cookie: admin, body: { ...form, customersSelfRegister: true } }),
          t.request('PUT', '/api/admin/portal-settings', { cookie: admin, body: { ...form, reopenWindowDays: 10 + round } }),
        ]);
        expect(results.map((r) => r.status)).toEqual([200, 200]);
        expect((await t.request('GET', '/api/admin/portal-settings', { cookie: admin })).json.settings.customersSelfRegister).toBe(true);
      }
    });
  });

  describe(`${engine}: settings audit`, () => {
    it('two admins save the response targets at once: each audit entry\'s "before" is what that save replaced', async () => {
      const admin = await t.signIn(DEMO_ACCOUNTS.admin);
      for (let round = 0; round < ROUNDS; round++) {
        const initial = (await t.request('GET', '/api/admin/sla-settings', { cookie: admin })).json;
        const withMedia = (hours: number) => ({ ...initial, firstResponseHours: { ...initial.firstResponseHours, media: hours } });
        const saves = [withMedia(initial.firstResponseHours.media + 1), withMedia(initial.firstResponseHours.media + 2)];
        const results = await Promise.all(saves.map((body) => t.request('PUT', '/api/admin/sla-settings', { cookie: admin, body })));
        // Each admin is shown what they saved.
        expect(results.map((r) => r.json)).toEqual(saves);
        const entries = ((await t.request('GET', '/api/admin/audit-log', { cookie: admin })).json.items as { event: string; details: { group?: string; before: unknown; after: unknown } }[])
          .filter((e) => e.event === 'settings_changed' && e.details.group === 'sla')
          .slice(0, 2)
          .map((e) => e.details);
        const chained = (first: (typeof entries)[number], second: (typeof entries)[number]) => isDeepStrictEqual(first.before, initial) && isDeepStrictEqual(second.before, first.after);
        expect(chained(entries[0]!, entries[1]!) || chained(entries[1]!, entries[0]!), JSON.stringify(entries)).toBe(true);
      }
    });
  });

  describe(`${engine}: password change`, () => {
    it('two tabs change the password from the same current one at once: one wins, the other is told the current password is wrong', async () => {
      const tabs = [await t.signIn(DEMO_ACCOUNTS.contact), await t.signIn(DEMO_ACCOUNTS.contact)];
      const choices = ['primeira senha nova bem longa', 'segunda senha nova bem longa'];
      const results = await Promise.all(tabs.map((cookie, i) => t.request('POST', '/api/account/password', { cookie, body: { currentPassword: DEMO_PASSWORD, newPassword: choices[i] } })));
      expect(results.map((r) => r.status).sort()).toEqual([200, 400]);
      const loser = results.find((r) => r.status === 400)!;
      expect(loser.json.fields).toEqual({ currentPassword: 'Senha atual incorreta.' });
      // The password that works is the one the winner was told it set.
      const winner = choices[results.findIndex((r) => r.status === 200)]!;
      const other = choices.find((c) => c !== winner)!;
      expect(await t.signIn(DEMO_ACCOUNTS.contact, winner)).toBeTruthy();
      expect((await t.request('POST', '/api/auth/login', { body: { email: DEMO_ACCOUNTS.contact, password: other } })).status).toBe(401);
    });
  });

  describe(`${engine}: one address, one person`, () => {
    it('an admin invites an agent while an agent creates a contact with the same address: only one gets it', async () => {
      const admin = await t.signIn(DEMO_ACCOUNTS.admin);
      const agent = await t.signIn(DEMO_ACCOUNTS.agent);
      for (let round = 0; round < ROUNDS * 2; round++) {
        const email = `disputado-${round}@exemplo.com.br`;
        const [invited, created] = await Promise.all([
          t.request('POST', '/api/admin/team', { cookie: admin, body: { name: 'Pessoa Nova', email, role: 'agent', departmentIds: [] } }),
          t.request('POST', '/api/agent/contacts', { cookie: agent, body: { name: 'Pessoa Nova', email, phone: null, companyId: null, extraEmails: [] } }),
        ]);
        expect([invited.status, created.status].sort(), JSON.stringify([invited.json, created.json])).toEqual([201, 400]);
        if (invited.status === 400) expect(invited.json.fields).toEqual({ email: 'Este e-mail é de um contato de cliente.' });
        else expect(created.json.fields).toEqual({ email: 'Este e-mail é de alguém da equipe.' });
      }
    });
  });
}
