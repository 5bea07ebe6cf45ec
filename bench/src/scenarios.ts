import type { BenchDataset } from '@atende/db';

/** What a scenario sends: autocannon's request list, cycled by every connection. */
export interface ScenarioRequest {
  method: 'GET' | 'POST';
  path: string | ((connection: ConnectionState) => string);
  /** Whose session cookie goes with it. */
  as: 'heavy' | 'typical' | 'agent';
  body?: (connection: ConnectionState) => string;
  /** Extra headers, read when the request is sent (e.g. an If-None-Match that beforeRun fetched). */
  headers?: () => Record<string, string>;
  /** Reads the answer, e.g. the ticket's new version for the next write. */
  onResponse?: (connection: ConnectionState, status: number, body: string) => void;
}

export interface ConnectionState {
  [key: string]: unknown;
}

export interface ScenarioContext {
  dataset: BenchDataset;
  /** Tickets the heavy contact may reply to (open, awaiting return), one per connection. */
  replyTicketIds: number[];
  /** A ticket of the heavy contact whose thread carries three images and a PDF (feature-costs.ts). */
  attachmentTicketId?: number;
}

export interface Scenario {
  name: string;
  kind: 'read' | 'write';
  requests: (ctx: ScenarioContext) => ScenarioRequest[];
  /** Runs before every load run of the scenario (the probe, warm-up and measurement). */
  beforeRun?: (ctx: ScenarioContext, getJson: GetJson, getTag: GetTag) => Promise<void>;
}

export type GetJson = (path: string, as: ScenarioRequest['as']) => Promise<unknown>;
/** A GET's ETag (null when the answer has none). */
export type GetTag = (path: string, as: ScenarioRequest['as']) => Promise<string | null>;

const TABS = ['awaiting_my_reply', 'awaiting_return', 'awaiting_approval', 'unrated', 'all'];
const panel = (as: 'heavy' | 'typical'): ScenarioRequest[] => [
  { method: 'GET', path: '/api/customer/tickets/counts', as },
  ...TABS.map((tab) => ({ method: 'GET' as const, path: `/api/customer/tickets?tab=${tab}`, as })),
];

/**
 * The panel's answers as a browser last saw them: their tags, fetched before each run, so every request
 * is a refetch that finds nothing changed (the server answers 304 after one primary-key read).
 */
const panelTags = new Map<string, string>();
const panelRefetch = (as: 'typical'): ScenarioRequest[] =>
  panel(as).map((r) => ({ ...r, headers: () => ({ 'if-none-match': panelTags.get(r.path as string) ?? '' }) }));
async function fetchPanelTags(getTag: GetTag) {
  for (const r of panel('typical')) {
    const tag = await getTag(r.path as string, 'typical');
    if (!tag) throw new Error(`GET ${r.path as string} answered without an ETag`);
    panelTags.set(r.path as string, tag);
  }
}

/**
 * Reply tickets are checked out one request at a time (autocannon resets a connection's context after
 * every request), each sent with the version its last answer returned, so no write is a conflict.
 * Tickets still in flight when a run stops, or refused, are re-read before the next run.
 */
const replyPool = { free: [] as number[], out: new Set<number>(), versions: new Map<number, number>(), of: null as ScenarioContext | null };

async function resyncReplyPool(ctx: ScenarioContext, getJson: GetJson) {
  if (replyPool.of !== ctx) {
    // A new dataset: its own tickets, all at version 1.
    Object.assign(replyPool, { free: [...ctx.replyTicketIds], out: new Set(), versions: new Map(), of: ctx });
  }
  for (const id of replyPool.out) {
    const answer = (await getJson(`/api/customer/tickets/${id}`, 'heavy')) as { ticket: { version: number } };
    replyPool.versions.set(id, answer.ticket.version);
    replyPool.free.push(id);
  }
  replyPool.out.clear();
}
/**
 * The scenarios, in order. Add one with a row here: a route that answers 404 (not built yet on this
 * branch) is skipped with a note, so rows for capabilities still in progress can land early.
 */
export const SCENARIOS: Scenario[] = [
  { name: 'panel (heavy contact, 2,000 tickets)', kind: 'read', requests: () => panel('heavy') },
  { name: 'panel (typical contact)', kind: 'read', requests: () => panel('typical') },
  // Issue 18's conditional GET: what a refetch costs when the contact's panel has not changed (304).
  { name: 'panel refetch, nothing changed (typical contact, 304)', kind: 'read', beforeRun: (_ctx, _getJson, getTag) => fetchPanelTags(getTag), requests: () => panelRefetch('typical') },
  {
    name: 'ticket with a 50-message thread',
    kind: 'read',
    requests: ({ dataset }) => [{ method: 'GET', path: `/api/customer/tickets/${dataset.threadTicketId}`, as: 'typical' }],
  },
  {
    name: 'customer reply (write)',
    kind: 'write',
    beforeRun: resyncReplyPool,
    requests: () => [
      {
        method: 'POST',
        path: (conn) => {
          const id = replyPool.free.shift();
          if (id === undefined) throw new Error('more connections than reply tickets');
          replyPool.out.add(id);
          conn.ticketId = id;
          return `/api/customer/tickets/${id}/replies`;
        },
        as: 'heavy',
        body: (conn) =>
          JSON.stringify({ body: 'Ainda sem sinal por aqui, podem verificar?', expectedVersion: replyPool.versions.get(conn.ticketId as number) ?? 1 }),
        onResponse: (conn, status, body) => {
          if (status !== 201) return; // stays checked out: re-read before the next run
          const id = conn.ticketId as number;
          replyPool.versions.set(id, (JSON.parse(body) as { ticket: { version: number } }).ticket.version);
          replyPool.out.delete(id);
          replyPool.free.push(id);
        },
      },
    ],
  },
  {
    name: 'ticket with attachments (3 images, 1 PDF)',
    kind: 'read',
    requests: (ctx) => [{ method: 'GET', path: () => `/api/customer/tickets/${ctx.attachmentTicketId}`, as: 'heavy' }],
  },
  { name: 'agent ticket list (queue=all)', kind: 'read', requests: () => [{ method: 'GET', path: '/api/agent/tickets?queue=all', as: 'agent' }] },
  { name: 'agent queue: Trabalho de hoje', kind: 'read', requests: () => [{ method: 'GET', path: '/api/agent/tickets?queue=today', as: 'agent' }] },
  {
    name: 'agent queue: Trabalho de hoje, by due date',
    kind: 'read',
    requests: () => [{ method: 'GET', path: '/api/agent/tickets?queue=today&sort=due', as: 'agent' }],
  },
  // The console's search box: FTS5 over subjects, messages and ticket numbers, narrowing the queue.
  { name: 'agent search (text)', kind: 'read', requests: () => [{ method: 'GET', path: '/api/agent/tickets?queue=all&q=roteador', as: 'agent' }] },
];

/** The soak's mix (issue 8): a typical contact's panel, a 50-message thread and a reply, per connection in turn. */
export const SOAK_SCENARIO: Scenario = {
  name: 'soak: panel, thread and replies',
  kind: 'write',
  beforeRun: resyncReplyPool,
  requests: (ctx) => [
    ...panel('typical'),
    ...(SCENARIOS.find((s) => s.name === 'ticket with a 50-message thread')!.requests(ctx)),
    ...(SCENARIOS.find((s) => s.name === 'customer reply (write)')!.requests(ctx)),
  ],
};
