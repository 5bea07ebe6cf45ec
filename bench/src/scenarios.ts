import type { BenchDataset } from '@atende/db';

/** What a scenario sends: autocannon's request list, cycled by every connection. */
export interface ScenarioRequest {
  method: 'GET' | 'POST';
  path: string | ((connection: ConnectionState) => string);
  /** Whose session cookie goes with it. */
  as: 'heavy' | 'typical' | 'agent';
  body?: (connection: ConnectionState) => string;
  /** Reads the answer, e.g. the ticket's new version for the next write. */
  onResponse?: (connection: ConnectionState, body: string) => void;
}

export interface ConnectionState {
  [key: string]: unknown;
}

export interface ScenarioContext {
  dataset: BenchDataset;
  /** Tickets the heavy contact may reply to (open, awaiting return), one per connection. */
  replyTicketIds: number[];
}

export interface Scenario {
  name: string;
  kind: 'read' | 'write';
  requests: (ctx: ScenarioContext) => ScenarioRequest[];
}

const TABS = ['awaiting_my_reply', 'awaiting_return', 'awaiting_approval', 'unrated', 'all'];
const panel = (as: 'heavy' | 'typical'): ScenarioRequest[] => [
  { method: 'GET', path: '/api/customer/tickets/counts', as },
  ...TABS.map((tab) => ({ method: 'GET' as const, path: `/api/customer/tickets?tab=${tab}`, as })),
];

let nextReplyTicket = 0;
/** The version each reply ticket is at, across runs (warm-up, measure), so no write is a conflict. */
const versions = new Map<number, number>();

/**
 * The scenarios, in order. Add one with a row here: a route that answers 404 (not built yet on this
 * branch) is skipped with a note, so rows for capabilities still in progress can land early.
 */
export const SCENARIOS: Scenario[] = [
  { name: 'panel (heavy contact, 2,000 tickets)', kind: 'read', requests: () => panel('heavy') },
  { name: 'panel (typical contact)', kind: 'read', requests: () => panel('typical') },
  {
    name: 'ticket with a 50-message thread',
    kind: 'read',
    requests: ({ dataset }) => [{ method: 'GET', path: `/api/customer/tickets/${dataset.threadTicketId}`, as: 'typical' }],
  },
  {
    name: 'customer reply (write)',
    kind: 'write',
    requests: ({ replyTicketIds }) => [
      {
        method: 'POST',
        // Each connection replies to its own ticket, sending the version the last answer returned.
        path: (conn) => {
          conn.ticketId ??= replyTicketIds[nextReplyTicket++ % replyTicketIds.length];
          return `/api/customer/tickets/${String(conn.ticketId)}/replies`;
        },
        as: 'heavy',
        body: (conn) =>
          JSON.stringify({ body: 'Ainda sem sinal por aqui, podem verificar?', expectedVersion: versions.get(conn.ticketId as number) ?? 1 }),
        onResponse: (conn, body) => {
          const version = (JSON.parse(body) as { ticket?: { version?: number } }).ticket?.version;
          if (version) versions.set(conn.ticketId as number, version);
        },
      },
    ],
  },
  { name: 'agent ticket list', kind: 'read', requests: () => [{ method: 'GET', path: '/api/agent/tickets', as: 'agent' }] },
  // Issue 5 (agent queues) adds these routes; until then they answer 404 and are skipped.
  { name: 'agent queue: Trabalho de hoje', kind: 'read', requests: () => [{ method: 'GET', path: '/api/agent/queues/today', as: 'agent' }] },
  { name: 'agent search (text)', kind: 'read', requests: () => [{ method: 'GET', path: '/api/agent/search?q=roteador', as: 'agent' }] },
];
