/**
 * What this round's features cost the server (issue 18): idle live-update streams, a large upload, and
 * a ticket page whose thread carries attachments. Each is measured against the running benchmark server
 * with the same sessions-in-the-table shortcut as the scenarios (sign-in's argon2 is not measured).
 */
import { createHash, randomBytes } from 'node:crypto';
import { request, type ClientRequest } from 'node:http';
import { join } from 'node:path';
import { closeDatabase, insertSession, openDatabase } from '@atende/db';
import { memoryOf, type RunningServer } from './server.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** New sessions of one contact, straight into the table; returns their cookies. */
export function newSessions(dataDir: string, contactId: number, count: number): string[] {
  const db = openDatabase(join(dataDir, 'atende.db'));
  const now = Date.now();
  const cookies: string[] = [];
  try {
    for (let i = 0; i < count; i++) {
      const token = randomBytes(32).toString('base64url');
      insertSession(db, { tokenHash: createHash('sha256').update(token).digest('hex'), actorKind: 'contact', actorId: contactId, createdAt: now, lastSeenAt: now, expiresAt: now + 12 * 3_600_000 });
      cookies.push(`__Host-atende_session=${token}`);
    }
  } finally {
    closeDatabase(db);
  }
  return cookies;
}

/** Opens one GET /api/events stream and resolves once its `ready` event has arrived. */
function openStream(url: string, cookie: string): Promise<ClientRequest> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}/api/events`, { headers: { cookie, accept: 'text/event-stream' } }, (res) => {
      if (res.statusCode !== 200) {
        reject(new Error(`GET /api/events answered ${res.statusCode}`));
        res.resume();
        return;
      }
      res.setEncoding('utf8');
      let seen = '';
      const onData = (chunk: string) => {
        seen += chunk;
        if (seen.includes('event: ready')) {
          res.off('data', onData);
          res.resume(); // heartbeats keep flowing and are dropped
          resolve(req);
        }
      };
      res.on('data', onData);
    });
    req.on('error', reject);
    req.end();
  });
}

export interface IdleStreamsCost {
  streams: number;
  /** RSS read as before (no collection): kept for comparison with earlier runs, but see liveRiseMb. */
  rssBeforeMb: number;
  rssOpenMb: number;
  riseMb: number;
  /**
   * What the open streams hold: the server's live memory (V8 heap in use plus native buffers) after a
   * full collection, with them open minus before. RSS moves by tens of MB with the heap's own state.
   */
  liveBeforeMb: number;
  liveOpenMb: number;
  liveRiseMb: number;
  kbPerStream: number;
}

/**
 * `count` live-update streams held open and idle (as many signed-in tabs doing nothing): the server's
 * RSS with them open minus before. A session may hold a few streams (EVENT_STREAMS_PER_SESSION, 6), so
 * the streams are spread over `count / 5` sessions of the typical contact.
 */
export async function measureIdleStreams(server: RunningServer, dataDir: string, contactId: number, count: number): Promise<IdleStreamsCost> {
  const perSession = 5;
  const cookies = newSessions(dataDir, contactId, Math.ceil(count / perSession));
  await sleep(1000);
  const rssBeforeMb = memoryOf(server.pid).rssMb;
  const liveBeforeMb = (await server.liveMemory()).liveMb;
  const open: ClientRequest[] = [];
  try {
    // In waves of 50, as tabs reconnecting after a deploy would.
    for (let i = 0; i < count; i += 50) {
      const wave = Array.from({ length: Math.min(50, count - i) }, (_, j) => openStream(server.url, cookies[Math.floor((i + j) / perSession)]!));
      open.push(...(await Promise.all(wave)));
    }
    await sleep(2000); // let the allocator settle before reading RSS
    const rssOpenMb = memoryOf(server.pid).rssMb;
    const riseMb = Math.round((rssOpenMb - rssBeforeMb) * 10) / 10;
    const liveOpenMb = (await server.liveMemory()).liveMb;
    const liveRiseMb = Math.round((liveOpenMb - liveBeforeMb) * 10) / 10;
    return { streams: open.length, rssBeforeMb, rssOpenMb, riseMb, liveBeforeMb, liveOpenMb, liveRiseMb, kbPerStream: Math.round((liveRiseMb * 1024) / open.length) };
  } finally {
    for (const req of open) req.destroy();
    await sleep(500);
  }
}

export interface UploadCost {
  bytes: number;
  status: number;
  rssBeforeMb: number;
  rssPeakMb: number;
  riseMb: number;
  seconds: number;
}

/**
 * One 10 MB file through POST /api/uploads (multipart, the field `files`), RSS sampled every 10 ms
 * while it streams: the rise of the server's RSS over its value before. A PDF, so the content check passes.
 */
export async function measureUpload(server: RunningServer, cookie: string, bytes = 10_000_000): Promise<UploadCost> {
  const pdf = Buffer.alloc(bytes, 0x20);
  pdf.write('%PDF-1.4\n', 0, 'latin1');
  pdf.write('\n%%EOF\n', bytes - 7, 'latin1');
  const form = new FormData();
  form.append('files', new Blob([pdf], { type: 'application/pdf' }), 'relatorio-grande.pdf');
  await sleep(500);
  const rssBeforeMb = memoryOf(server.pid).rssMb;
  let rssPeakMb = rssBeforeMb;
  const sampler = setInterval(() => {
    rssPeakMb = Math.max(rssPeakMb, memoryOf(server.pid).rssMb);
  }, 10);
  const started = performance.now();
  try {
    const response = await fetch(`${server.url}/api/uploads`, { method: 'POST', headers: { cookie, origin: server.origin }, body: form });
    await response.text();
    const seconds = Math.round((performance.now() - started) / 10) / 100;
    rssPeakMb = Math.max(rssPeakMb, memoryOf(server.pid).rssMb);
    return { bytes, status: response.status, rssBeforeMb, rssPeakMb, riseMb: Math.round((rssPeakMb - rssBeforeMb) * 10) / 10, seconds };
  } finally {
    clearInterval(sampler);
  }
}

/** A 1×1 PNG: the thread's image attachments (thumbnails on the ticket page). */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

/**
 * Gives a live ticket a reply carrying three images and a PDF (through the API, as a customer would):
 * the "ticket with attachments" scenario reads it.
 */
export async function prepareAttachmentTicket(server: RunningServer, cookie: string, ticketId: number): Promise<void> {
  const json = async <T>(path: string, init: RequestInit = {}): Promise<T> => {
    const response = await fetch(server.url + path, { ...init, headers: { cookie, origin: server.origin, ...(init.headers ?? {}) } });
    const text = await response.text();
    if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${path}: ${response.status} ${text.slice(0, 200)}`);
    return JSON.parse(text) as T;
  };
  const form = new FormData();
  for (const name of ['roteador-frente.png', 'roteador-luzes.png', 'cabo.png']) form.append('files', new Blob([PNG], { type: 'image/png' }), name);
  form.append('files', new Blob([Buffer.from('%PDF-1.4\nfatura\n%%EOF\n')], { type: 'application/pdf' }), 'fatura.pdf');
  const uploaded = await json<{ files: { id: number }[] }>('/api/uploads', { method: 'POST', body: form });
  const { ticket } = await json<{ ticket: { version: number } }>(`/api/customer/tickets/${ticketId}`);
  await json<unknown>(`/api/customer/tickets/${ticketId}/replies`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ body: 'Seguem as fotos do roteador e a fatura.', expectedVersion: ticket.version, attachmentIds: uploaded.files.map((f) => f.id) }),
  });
}
