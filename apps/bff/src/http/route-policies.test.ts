import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '@atende/db';
import { getOrCreateSecret, getPortalSettings, getTicket, outboxForTicket, savePortalSettings } from '@atende/db/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from '../app.js';
import { FILE_LINK_SECRET, createFileLinkToken } from '../mail/file-link.js';
import { createRatingToken } from '../ratings/rating-token.js';
import { createEngineTestApp, type EngineTestApp } from '../testing/engine-test-app.js';
import { ROUTE_POLICIES, routeKey, type RoutePolicy } from './route-policies.js';

/** Every route of the typed API, without the `.use()` middleware entries Hono lists too. */
function apiRoutes(): string[] {
  const keys = createApi()
    .routes.filter((r) => !(r.method === 'ALL' && r.path.endsWith('/*')))
    .map((r) => routeKey(r.method, r.path));
  return [...new Set(keys)];
}

describe('route registry (ASVS 8.1.1)', () => {
  it('every route of createApi() declares who may call it', () => {
    const missing = apiRoutes().filter((key) => !(key in ROUTE_POLICIES));
    expect(missing, 'add a line per route to apps/bff/src/http/route-policies.ts').toEqual([]);
  });

  it('declares no route that does not exist', () => {
    const routes = new Set(apiRoutes());
    expect(Object.keys(ROUTE_POLICIES).filter((key) => !routes.has(key))).toEqual([]);
  });
});

type Caller = 'anonymous' | 'contactA' | 'contactB' | 'agent' | 'admin';
const CALLERS: Caller[] = ['anonymous', 'contactA', 'contactB', 'agent', 'admin'];
const EMAILS: Record<Exclude<Caller, 'anonymous'>, string> = {
  contactA: DEMO_ACCOUNTS.contact,
  contactB: DEMO_ACCOUNTS.otherContact,
  agent: DEMO_ACCOUNTS.agent,
  admin: DEMO_ACCOUNTS.admin,
};

/**
 * A valid request body per write route, so a refusal can only come from the policy (an invalid body
 * would answer 400 before the ticket is looked up). `version` is the ticket's current version.
 */
const SAMPLE_BODIES: Record<string, (version: number) => unknown> = {
  'POST /auth/login': () => ({ email: DEMO_ACCOUNTS.contact, password: DEMO_PASSWORD }),
  'POST /customer/tickets/:id/replies': (version) => ({ body: 'Teste da matriz de acesso.', expectedVersion: version }),
  'POST /agent/tickets/:id/messages': (version) => ({ body: 'Nota da matriz.', visibility: 'internal', expectedVersion: version }),
  'POST /agent/tickets/:id/status': (version) => ({ status: 'pending', expectedVersion: version }),
  'POST /agent/tickets/:id/presence': () => ({ state: 'viewing' }),
  'POST /agent/canned-replies': () => ({ title: 'Saudação', body: 'Olá, {{contato.nome}}!', shared: false }),
  'POST /agent/canned-replies/:id/delete': () => ({}),
  'POST /agent/tickets/:id/merge': (version) => ({ targetId: 999999, expectedVersion: version }),
  'POST /agent/tickets/bulk': () => ({ tickets: [{ id: 1, expectedVersion: 1 }], change: { kind: 'priority', priority: 'alta' } }),
  'PUT /admin/sla-settings': () => ({ firstResponseHours: { baixa: 16, media: 8, alta: 4, urgente: 1 }, nextResponseHours: { baixa: 16, media: 8, alta: 4, urgente: 2 } }),
  'POST /account/password-reset': () => ({ email: DEMO_ACCOUNTS.contact }),
  'POST /auth/email-link': () => ({ email: DEMO_ACCOUNTS.contact }),
  'POST /auth/email-link/:token': () => ({}),
  'PUT /admin/sign-in-settings': () => ({ emailLinkForContacts: true, emailLinkForAgents: false }),
  'POST /account/links/:token': () => ({ password: 'uma senha nova e longa' }),
  'POST /account/password': () => ({ currentPassword: 'não é a senha', newPassword: 'uma senha nova e longa' }),
  'POST /account/invitations': () => ({ email: DEMO_ACCOUNTS.otherContact }),
  'POST /registration': () => ({ name: 'Matriz', email: 'matriz@example.com' }),
  'POST /registration/:token': () => ({ password: 'uma senha nova e longa' }),
  'POST /customer/tickets': () => ({
    departmentId: 1,
    subjectId: 1,
    subject: 'Teste da matriz',
    body: 'Mensagem da matriz de acesso.',
    origin: 'portal',
    idempotencyKey: `matriz-${Math.random().toString(36).slice(2, 12)}`,
  }),
  'POST /customer/tickets/:id/confirm': (version) => ({ expectedVersion: version }),
  'POST /customer/tickets/:id/not-resolved': (version) => ({ reason: 'Continua com problema.', expectedVersion: version }),
  'POST /customer/tickets/:id/rating': (version) => ({ score: 5, expectedVersion: version }),
  'PUT /customer/preferences': () => ({ language: 'pt-BR', notifyUpdates: true, notifyReminders: true, notifyRatingRequests: true }),
  'POST /public/ratings/:token': () => ({ score: 4 }),
  'POST /public/ratings/:token/comment': () => ({ comment: 'Comentário da matriz.' }),
  'PUT /admin/portal-settings': () => ({
    customersSeeTickets: true,
    customersOpenTickets: true,
    agentRepliesPublicByDefault: true,
    allowReopen: true,
    reopenWindowDays: 30,
    ratingWindowDays: 30,
  }),
  'POST /agent/tickets/:id/fields': (version) => ({ priority: 'alta', expectedVersion: version }),
  'POST /agent/contacts/:id/conversations': () => ({
    mode: 'new',
    subject: 'Teste da matriz',
    departmentId: 1,
    priority: 'media',
    transcript: 'Conversa da matriz.',
    summary: 'Resumo da matriz.',
    idempotencyKey: `matriz-${Math.random().toString(36).slice(2, 12)}`,
  }),
  'POST /agent/api-tokens': () => ({ name: 'Matriz' }),
  // :tokenId is reached unfilled (400 for an agent): a real id of someone else's token is 404 by design.
  'POST /agent/api-tokens/:tokenId/revoke': () => ({}),
  'POST /agent/contacts/:id/tickets': () => ({
    subject: 'Teste da matriz',
    departmentId: 1,
    priority: 'media',
    body: 'Mensagem da matriz de acesso.',
    idempotencyKey: `matriz-${Math.random().toString(36).slice(2, 12)}`,
  }),
  'POST /agent/tickets/:id/due': (version) => ({ dueDate: '2099-01-05', note: 'Cliente pediu mais prazo.', expectedVersion: version }),
  'PUT /admin/automation-settings': () => ({
    inactivity: { preset: 'triplos' },
    approvalTimeout: { afterDays: 7, outcome: 'close' },
    sameDayRouting: { enabled: true, specialWindows: [{ start: '08:00', end: '09:15' }] },
  }),
  'POST /admin/departments': () => ({ name: 'Matriz', active: true, servesTickets: true, servesExternal: false }),
  'PUT /admin/departments/:id': () => ({ name: 'Suporte técnico', active: true, servesTickets: true, servesExternal: true }),
  'POST /admin/subjects': () => ({ name: 'Matriz', active: true, showOnHotsite: false, defaultDepartmentId: null }),
  // Not multipart: the upload route answers 415 after the policy check, which is what the matrix reads.
  'POST /uploads': () => ({}),
  'POST /agent/notifications/read-all': () => ({}),
  'POST /agent/notifications/read': () => ({ ids: [1] }),
  'PUT /agent/notification-preferences': () => ({ emailKinds: ['customer_message'] }),
  'PUT /agent/preferences': () => ({ language: 'pt-BR' }),
  'POST /agent/tickets/:id/held-mail/:heldId/accept': (version) => ({ addContact: false, expectedVersion: version }),
  'POST /agent/tickets/:id/held-mail/:heldId/discard': () => ({}),
  'PUT /admin/subjects/:id': () => ({ name: 'Sem conexão', active: true, showOnHotsite: true, defaultDepartmentId: 1 }),
  // Paths with :agentId are reached unfilled (400 for an admin: the policy let the request through).
  'POST /admin/team': () => ({ name: 'Matriz', email: `matriz-${Math.random().toString(36).slice(2, 10)}@example.com`, role: 'agent', departmentIds: [1] }),
  'PUT /admin/team/:agentId': () => ({ name: 'Matriz', role: 'agent', departmentIds: [] }),
  'POST /admin/team/:agentId/deactivate': () => ({}),
  'POST /admin/team/:agentId/reactivate': () => ({}),
  'POST /admin/team/:agentId/invitation': () => ({}),
  'POST /agent/companies': () => ({ name: 'Empresa da matriz' }),
  'PUT /admin/company-settings': () => ({ timeZone: 'America/Sao_Paulo', businessDays: [1, 2, 3, 4, 5], businessHoursStart: '08:00', businessHoursEnd: '18:00', holidays: [] }),
  'POST /admin/contact-import/preview': () => ({ fileBase64: Buffer.from('nome;email\nMatriz;matriz-csv@example.com\n').toString('base64') }),
  'POST /admin/contact-import': () => ({ fileBase64: Buffer.from('nome;email\nMatriz;matriz-csv@example.com\n').toString('base64'), mapping: { name: 0, email: 1, phone: null, company: null }, dryRun: true }),
  'PUT /agent/companies/:companyId': () => ({ name: 'Empresa da matriz' }),
  'POST /agent/contacts': () => ({ name: 'Matriz', email: `contato-${Math.random().toString(36).slice(2, 10)}@example.com`, phone: '(51) 99999-1234', companyId: null }),
  'PUT /agent/contacts/:contactId': () => ({ name: 'Matriz', email: 'matriz@example.com', phone: null, companyId: null }),
  'POST /agent/contacts/:contactId/invitation': () => ({}),
  'POST /agent/contacts/:contactId/deactivate': () => ({}),
  'POST /agent/contacts/:contactId/reactivate': () => ({}),
};

/** A well-formed link token no one was sent. */
const UNKNOWN_LINK = 'A'.repeat(43);

type Expectation = 'allowed' | 401 | 403 | 404;

/** The answer the policy promises to `caller` for a ticket owned by contact `owner`. */
function expected(policy: RoutePolicy, caller: Caller, owner: 'contactA' | 'contactB'): Expectation {
  if (policy.allow === 'anonymous') return 'allowed';
  if (caller === 'anonymous') return 401;
  const role = caller === 'contactA' || caller === 'contactB' ? 'contact' : caller;
  const permitted =
    policy.allow === 'signed_in' ||
    policy.allow === role ||
    (policy.allow === 'agent' && role === 'admin'); // an admin is an agent too
  if (!permitted) return 403;
  if (policy.ticket && role === 'contact' && caller !== owner) return 404; // a foreign ticket looks missing
  return 'allowed';
}

describe('authorization matrix: every route × every role × own/foreign ticket (ASVS 8.2.1, 8.2.2)', () => {
  let t: EngineTestApp;
  const tickets = { contactA: 0, contactB: 0 };
  // A file on each owner's ticket, so `:attachmentId` names a real one.
  const files = { contactA: 0, contactB: 0 };
  beforeAll(async () => {
    t = await createEngineTestApp();
    // Self-registration is off by default (then its routes answer registration_closed to everyone).
    await savePortalSettings(t.store, { ...(await getPortalSettings(t.store)), customersSelfRegister: true });
    for (const owner of ['contactA', 'contactB'] as const) {
      const cookie = await t.signIn(EMAILS[owner]);
      const list = await t.request('GET', '/api/customer/tickets?tab=awaiting_my_reply', { cookie });
      tickets[owner] = list.json.items[0].id;
      const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
      files[owner] = (await t.upload(cookie, [{ name: 'matriz.png', bytes: png }])).json.files[0].id;
      const version = (await getTicket(t.store, tickets[owner]))!.version;
      await t.request('POST', `/api/customer/tickets/${tickets[owner]}/replies`, { cookie, body: { body: 'Anexo da matriz.', expectedVersion: version, attachmentIds: [files[owner]] } });
    }
  });
  // A genuine rating link: the link is the permission, so these routes are reached with a valid one.
  let ratingToken = '';
  beforeAll(async () => {
    const cookie = await t.signIn(EMAILS.contactA);
    const unrated = (await getTicket(t.store, (await t.request('GET', '/api/customer/tickets?tab=unrated', { cookie })).json.items[0].id))!;
    ratingToken = createRatingToken(await getOrCreateSecret(t.store, 'rating_link'), {
      ticketId: unrated.id,
      closing: unrated.closingCount,
      expiresAt: unrated.ratingDueUntil!,
    });
  });
  // A genuine link to a file too big for its e-mail (an agent's reply with a file to contact A).
  let fileToken = '';
  beforeAll(async () => {
    const cookie = await t.signIn(EMAILS.agent);
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const attachmentId: number = (await t.upload(cookie, [{ name: 'matriz.pdf', bytes: pdf }])).json.files[0].id;
    const ticketId = tickets.contactA;
    await t.request('POST', `/api/agent/tickets/${ticketId}/messages`, { cookie, body: { body: 'Segue.', visibility: 'public', nextStatus: 'open', expectedVersion: (await getTicket(t.store, ticketId))!.version, attachmentIds: [attachmentId] } });
    const mail = (await outboxForTicket(t.store, ticketId)).at(-1)!;
    fileToken = createFileLinkToken(await getOrCreateSecret(t.store, FILE_LINK_SECRET), { outboxId: mail.id, attachmentId, expiresAt: t.clock.now + 86_400_000 }, mail.toAddress);
  });
  afterAll(() => t.dispose());

  for (const [key, policy] of Object.entries(ROUTE_POLICIES)) {
    const [method, path] = key.split(' ') as [string, string];
    const owners = policy.ticket ? (['contactA', 'contactB'] as const) : (['contactA'] as const);
    for (const owner of owners) {
      it(`${key}${policy.ticket ? ` on a ticket of ${owner}` : ''}`, async () => {
        const cells: Record<string, { status: number; expected: Expectation }> = {};
        for (const caller of CALLERS) {
          // Fresh sessions per call: sign-out and sign-in routes end the caller's session.
          const cookie = caller === 'anonymous' ? undefined : await t.signIn(EMAILS[caller]);
          const ticketId = tickets[owner];
          const sample = SAMPLE_BODIES[key];
          const body = method === 'GET' ? undefined : (sample?.((await getTicket(t.store, ticketId))!.version) ?? {});
          const response = await t.request(method, `/api${path.replace(':id', String(ticketId)).replace(':attachmentId', String(files[owner])).replace(':token', path.startsWith('/public/ratings') ? ratingToken : path.startsWith('/public/files') ? fileToken : UNKNOWN_LINK)}`, { cookie, body });
          cells[caller] = { status: response.status, expected: expected(policy, caller, owner) };
          expect(response.status, `${caller}: ${response.text}`).toBeLessThan(500);
          if (typeof cells[caller].expected === 'number') expect(response.json?.code, caller).toBeTypeOf('string');
        }
        const outcome = Object.fromEntries(
          Object.entries(cells).map(([caller, cell]) => [caller, [401, 403, 404].includes(cell.status) ? cell.status : 'allowed']),
        );
        expect(outcome).toEqual(Object.fromEntries(Object.entries(cells).map(([caller, cell]) => [caller, cell.expected])));
      });
    }
  }

  it('a write route has a sample body, so the matrix reaches its policy', () => {
    const writes = Object.keys(ROUTE_POLICIES).filter((key) => !key.startsWith('GET ') && key !== 'POST /auth/logout');
    expect(writes.filter((key) => !SAMPLE_BODIES[key])).toEqual([]);
  });
});
