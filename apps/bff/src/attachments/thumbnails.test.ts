import { existsSync, readFileSync, statSync } from 'node:fs';
import { DEMO_ACCOUNTS } from '@atende/db';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEngineTestApp, type EngineTestApp } from '../testing/engine-test-app.js';
import { TEST_ORIGIN } from '../testing/test-client.js';
import { thumbnailPathOf } from './thumbnails.js';

/** A phone-sized photo (1600×1200, noisy so it does not compress to nothing). */
async function photo(format: 'png' | 'jpeg' = 'jpeg'): Promise<Buffer> {
  const width = 1600;
  const height = 1200;
  const raw = Buffer.alloc(width * height * 3);
  for (let i = 0; i < raw.length; i++) raw[i] = (i * 7919) % 251;
  const image = sharp(raw, { raw: { width, height, channels: 3 } });
  return format === 'png' ? image.png().toBuffer() : image.jpeg({ quality: 90 }).toBuffer();
}

let t: EngineTestApp;
let carla: string;
let ticketId: number;
beforeEach(async () => {
  t = await createEngineTestApp();
  carla = await t.signIn(DEMO_ACCOUNTS.contact);
  ticketId = (await t.request('GET', '/api/customer/tickets?tab=awaiting_my_reply', { cookie: carla })).json.items[0].id;
});
afterEach(() => t.dispose());

async function sendFiles(cookie: string, files: { name: string; bytes: Buffer }[], as: 'customer' | { agentNote: true } = 'customer') {
  const up = await t.upload(cookie, files);
  expect(up.status).toBe(201);
  const ids = up.json.files.map((f: { id: number }) => f.id) as number[];
  const version = (await t.request('GET', as === 'customer' ? `/api/customer/tickets/${ticketId}` : `/api/agent/tickets/${ticketId}`, { cookie })).json.ticket.version;
  const res =
    as === 'customer'
      ? await t.request('POST', `/api/customer/tickets/${ticketId}/replies`, { cookie, body: { body: 'Segue a foto.', expectedVersion: version, attachmentIds: ids } })
      : await t.request('POST', `/api/agent/tickets/${ticketId}/messages`, { cookie, body: { body: 'Foto interna.', visibility: 'internal', expectedVersion: version, attachmentIds: ids } });
  expect(res.status).toBe(201);
  return ids;
}

async function get(path: string, cookie: string) {
  const res = await t.app.request(path, { headers: { origin: TEST_ORIGIN, cookie } });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

const sha256Of = async (attachmentId: number) => (await t.rows<{ sha256: string }>('select sha256 from attachments where id = ?', [attachmentId]))[0]!.sha256;

describe('image thumbnails, made on the server', () => {
  it('a photo gets a small WebP thumbnail (at most 240×180, proportions kept), stored content-addressed under DATA_DIR', async () => {
    const original = await photo();
    const [id] = await sendFiles(carla, [{ name: 'catraca.jpg', bytes: original }]);
    const thumb = await get(`/api/tickets/${ticketId}/attachments/${id}/thumbnail`, carla);
    expect(thumb.status).toBe(200);
    expect(thumb.headers.get('content-type')).toBe('image/webp');
    expect(thumb.headers.get('content-disposition')).toMatch(/^inline; filename="catraca.webp"/);
    expect(thumb.headers.get('x-content-type-options')).toBe('nosniff');
    expect(thumb.headers.get('content-security-policy')).toMatch(/^sandbox/);
    const meta = await sharp(thumb.bytes).metadata();
    expect({ format: meta.format, width: meta.width, height: meta.height }).toEqual({ format: 'webp', width: 240, height: 180 });
    expect(thumb.bytes.length).toBeLessThan(original.length / 10);

    const stored = thumbnailPathOf(t.dataDir, await sha256Of(id!));
    expect(readFileSync(stored).equals(thumb.bytes)).toBe(true);
    // The second view reads the stored thumbnail: the file is not made again.
    const made = statSync(stored).mtimeMs;
    expect((await get(`/api/tickets/${ticketId}/attachments/${id}/thumbnail`, carla)).bytes.equals(thumb.bytes)).toBe(true);
    expect(statSync(stored).mtimeMs).toBe(made);
    // The full image is still the original, byte for byte.
    expect((await get(`/api/tickets/${ticketId}/attachments/${id}`, carla)).bytes.equals(original)).toBe(true);
  });

  it('a small image is not enlarged', async () => {
    const small = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#c00' } }).png().toBuffer();
    const [id] = await sendFiles(carla, [{ name: 'icone.png', bytes: small }]);
    const meta = await sharp((await get(`/api/tickets/${ticketId}/attachments/${id}/thumbnail`, carla)).bytes).metadata();
    expect([meta.width, meta.height]).toEqual([64, 48]);
  });

  it('follows the same access rules as the file: another customer, or a customer on an internal note, gets 404', async () => {
    const [id] = await sendFiles(carla, [{ name: 'catraca.png', bytes: await photo('png') }]);
    const otavio = await t.signIn(DEMO_ACCOUNTS.otherContact);
    expect((await get(`/api/tickets/${ticketId}/attachments/${id}/thumbnail`, otavio)).status).toBe(404);
    const agent = await t.signIn(DEMO_ACCOUNTS.agent);
    expect((await get(`/api/tickets/${ticketId}/attachments/${id}/thumbnail`, agent)).status).toBe(200);

    const [internal] = await sendFiles(agent, [{ name: 'interna.jpg', bytes: await photo() }], { agentNote: true });
    expect((await get(`/api/tickets/${ticketId}/attachments/${internal}/thumbnail`, carla)).status).toBe(404);
    // A refused request makes nothing; the agent's first view does.
    expect(existsSync(thumbnailPathOf(t.dataDir, await sha256Of(internal!)))).toBe(false);
    expect((await get(`/api/tickets/${ticketId}/attachments/${internal}/thumbnail`, agent)).status).toBe(200);
    expect(existsSync(thumbnailPathOf(t.dataDir, await sha256Of(internal!)))).toBe(true);
  });

  it('a file that is not a browser image has no thumbnail (404), and a damaged image gets none either', async () => {
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const good = await photo();
    const damaged = good.subarray(0, 600); // a JPEG cut short: the header says image, the pixels are missing
    const [pdfId, damagedId] = await sendFiles(carla, [
      { name: 'nota.pdf', bytes: pdf },
      { name: 'cortada.jpg', bytes: damaged },
    ]);
    expect((await get(`/api/tickets/${ticketId}/attachments/${pdfId}/thumbnail`, carla)).status).toBe(404);
    const broken = await get(`/api/tickets/${ticketId}/attachments/${damagedId}/thumbnail`, carla);
    expect(broken.status).toBe(404);
    expect(existsSync(thumbnailPathOf(t.dataDir, await sha256Of(damagedId!)))).toBe(false);
  });
});
