import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findAccountByEmail } from '../../queries/accounts.js';
import {
  agentsToNotify,
  insertNotifications,
  listNotifications,
  markAllNotificationsRead,
  markNotificationRead,
  notificationEmailKinds,
  saveNotificationEmailKinds,
  unreadNotificationCount,
  type NotificationKind,
} from '../../queries/notifications.js';
import { DEMO_ACCOUNTS } from '../../seed/demo-data.js';
import { createDemoDatabasesOnBothEngines } from '../testing.js';
import { tableOnBothEngines } from '../twin-testing.js';
import {
  agentsToNotifyPg,
  insertNotificationsPg,
  listNotificationsPg,
  markAllNotificationsReadPg,
  markNotificationReadPg,
  notificationEmailKindsPg,
  saveNotificationEmailKindsPg,
  unreadNotificationCountPg,
} from './notifications.js';

const NOW = Date.UTC(2026, 10, 23, 15, 0, 0);
let both: Awaited<ReturnType<typeof createDemoDatabasesOnBothEngines>>;

beforeAll(async () => {
  both = await createDemoDatabasesOnBothEngines(NOW);
});
afterAll(() => both?.dispose());

async function onBoth<T>(sqlite: () => T, pg: () => Promise<T>): Promise<T> {
  const expected = sqlite();
  expect(await pg()).toEqual(expected);
  return expected;
}

const idOf = (email: string) => findAccountByEmail(both.sqlite, email)!.id;
const departmentId = (name: string) => both.sqlite.$client.prepare('SELECT id FROM departments WHERE name = ?').pluck().get(name) as number;
const ticketIds = () => both.sqlite.$client.prepare('SELECT id FROM tickets ORDER BY id LIMIT 3').pluck().all() as number[];

describe('notifications on PostgreSQL answer as on SQLite', () => {
  it('picks the same agents to notify: the active assignee, else the department, never the author', async () => {
    const ana = idOf(DEMO_ACCOUNTS.agent);
    const bruno = idOf(DEMO_ACCOUNTS.otherAgent);
    const suporte = departmentId('Suporte técnico');
    const cases = [
      { assigneeId: ana, departmentId: suporte, exceptAgentId: null },
      { assigneeId: ana, departmentId: suporte, exceptAgentId: ana },
      { assigneeId: null, departmentId: suporte, exceptAgentId: null },
      { assigneeId: null, departmentId: suporte, exceptAgentId: bruno },
      { assigneeId: null, departmentId: departmentId('Instalação'), exceptAgentId: null },
      { assigneeId: null, departmentId: null, exceptAgentId: null },
      { assigneeId: 999_999, departmentId: suporte, exceptAgentId: null },
    ];
    for (const params of cases) await onBoth(() => agentsToNotify(both.sqlite, params), () => agentsToNotifyPg(both.pg, params));
    expect((await agentsToNotifyPg(both.pg, cases[2]!)).map((agent) => agent.id)).toEqual([ana, bruno]);
    // Each comes with what their e-mail needs: address, language, and the kinds they chose (all until they do).
    saveNotificationEmailKinds(both.sqlite, bruno, ['assigned', 'no_longer_a_kind' as never]);
    await saveNotificationEmailKindsPg(both.pg, bruno, ['assigned', 'no_longer_a_kind' as never]);
    const queue = await onBoth(() => agentsToNotify(both.sqlite, cases[2]!), () => agentsToNotifyPg(both.pg, cases[2]!));
    expect(queue.map((agent) => [agent.email, agent.emailKinds])).toEqual([
      [DEMO_ACCOUNTS.agent, ['new_ticket', 'customer_message', 'not_resolved', 'reopened', 'assigned', 'held_mail']],
      [DEMO_ACCOUNTS.otherAgent, ['assigned']],
    ]);
    // An inactive assignee hands over to the queue, where inactive agents are skipped too.
    both.sqlite.$client.prepare('UPDATE agents SET active = 0 WHERE id = ?').run(bruno);
    await both.pg.$client.query('UPDATE agents SET active = false WHERE id = $1', [bruno]);
    const inactive = { assigneeId: bruno, departmentId: suporte, exceptAgentId: null };
    expect((await onBoth(() => agentsToNotify(both.sqlite, inactive), () => agentsToNotifyPg(both.pg, inactive))).map((agent) => agent.id)).toEqual([ana]);
  });

  it('records, lists, counts and marks read the same notifications', async () => {
    const ana = idOf(DEMO_ACCOUNTS.agent);
    const admin = idOf(DEMO_ACCOUNTS.admin);
    const [t1, t2, t3] = ticketIds();
    const rows = [
      { agentId: ana, ticketId: t1!, kind: 'new_ticket' as const, ticketVersion: 1, createdAt: NOW },
      { agentId: ana, ticketId: t2!, kind: 'customer_message' as const, ticketVersion: 2, createdAt: NOW + 1 },
      { agentId: ana, ticketId: t3!, kind: 'assigned' as const, ticketVersion: 3, createdAt: NOW + 2 },
      { agentId: admin, ticketId: t1!, kind: 'held_mail' as const, ticketVersion: 1, createdAt: NOW + 3 },
    ];
    expect(await onBoth(() => insertNotifications(both.sqlite, rows), () => insertNotificationsPg(both.pg, rows))).toBe(4);
    expect(await onBoth(() => insertNotifications(both.sqlite, rows.slice(1)), () => insertNotificationsPg(both.pg, rows.slice(1)))).toBe(0);
    const first = await onBoth(() => listNotifications(both.sqlite, { agentId: ana, beforeId: null, limit: 2 }), () => listNotificationsPg(both.pg, { agentId: ana, beforeId: null, limit: 2 }));
    expect(first.map((n) => n.kind)).toEqual(['assigned', 'customer_message']);
    const next = { agentId: ana, beforeId: first.at(-1)!.id, limit: 2 };
    await onBoth(() => listNotifications(both.sqlite, next), () => listNotificationsPg(both.pg, next));
    expect(await onBoth(() => unreadNotificationCount(both.sqlite, ana), () => unreadNotificationCountPg(both.pg, ana))).toBe(3);
    expect(await onBoth(() => unreadNotificationCount(both.sqlite, 999_999), () => unreadNotificationCountPg(both.pg, 999_999))).toBe(0);

    const adminsOwn = (await listNotificationsPg(both.pg, { agentId: admin, beforeId: null, limit: 5 }))[0]!.id;
    const read = (id: number, now: number, agentId = ana) => onBoth(() => markNotificationRead(both.sqlite, { agentId, id, now }), () => markNotificationReadPg(both.pg, { agentId, id, now }));
    expect(await read(first[0]!.id, NOW + 10)).toBe(true);
    expect(await read(first[0]!.id, NOW + 20)).toBe(true);
    expect(await read(adminsOwn, NOW + 10)).toBe(false);
    expect(await read(999_999, NOW + 10)).toBe(false);
    expect((await listNotificationsPg(both.pg, { agentId: ana, beforeId: null, limit: 1 }))[0]!.readAt).toBe(NOW + 10);
    expect(await onBoth(() => markAllNotificationsRead(both.sqlite, { agentId: ana, now: NOW + 30 }), () => markAllNotificationsReadPg(both.pg, { agentId: ana, now: NOW + 30 }))).toBe(2);
    await onBoth(() => unreadNotificationCount(both.sqlite, ana), () => unreadNotificationCountPg(both.pg, ana));
    const rowsNow = await tableOnBothEngines(both, 'notifications');
    expect(rowsNow.pg).toEqual(rowsNow.sqlite);
  });

  it('keeps the same e-mail kinds (JSON text on SQLite, jsonb here), every kind until chosen', async () => {
    const ana = idOf(DEMO_ACCOUNTS.agent);
    await onBoth(() => notificationEmailKinds(both.sqlite, ana), () => notificationEmailKindsPg(both.pg, ana));
    for (const kinds of [['assigned', 'held_mail'], [], ['new_ticket']] as NotificationKind[][]) {
      await onBoth(() => saveNotificationEmailKinds(both.sqlite, ana, kinds), () => saveNotificationEmailKindsPg(both.pg, ana, kinds));
      expect(await onBoth(() => notificationEmailKinds(both.sqlite, ana), () => notificationEmailKindsPg(both.pg, ana))).toEqual(kinds);
    }
    // A kind no longer known (stored by an older version) is left out on both.
    const stale = ['assigned', 'gone'] as NotificationKind[];
    await onBoth(() => saveNotificationEmailKinds(both.sqlite, ana, stale), () => saveNotificationEmailKindsPg(both.pg, ana, stale));
    expect(await onBoth(() => notificationEmailKinds(both.sqlite, ana), () => notificationEmailKindsPg(both.pg, ana))).toEqual(['assigned']);
    const prefs = await tableOnBothEngines(both, 'agentNotificationPrefs');
    expect(prefs.pg).toEqual(prefs.sqlite);
  });

  it('a change retried at once on several connections notifies each agent once (ON CONFLICT)', async () => {
    const ana = idOf(DEMO_ACCOUNTS.agent);
    const row = { agentId: ana, ticketId: ticketIds()[0]!, kind: 'reopened' as const, ticketVersion: 9, createdAt: NOW };
    const inserted = await Promise.all(Array.from({ length: 6 }, () => both.pg.transaction((tx) => insertNotificationsPg(tx, [row]))));
    expect(inserted.reduce((a, b) => a + b, 0)).toBe(1);
  });

  it("an agent's first choice of e-mail kinds saved twice at once: no error, one row (ON CONFLICT … DO UPDATE)", async () => {
    const admin = idOf(DEMO_ACCOUNTS.admin);
    const choices: NotificationKind[][] = [['assigned'], ['held_mail'], ['assigned', 'reopened'], []];
    await Promise.all(choices.map((kinds) => both.pg.transaction((tx) => saveNotificationEmailKindsPg(tx, admin, kinds))));
    const { rows } = await both.pg.$client.query('SELECT email_kinds FROM agent_notification_prefs WHERE agent_id = $1', [admin]);
    expect(rows).toHaveLength(1);
    expect(choices).toContainEqual(rows[0].email_kinds);
  });
});
