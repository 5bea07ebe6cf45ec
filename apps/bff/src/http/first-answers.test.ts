import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_ACCOUNTS } from '@atende/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app.js';

/** The panel page of a signed-in customer carries its first screen's answers (first-answers.ts). */

let t: TestApp;
let dist: string;
beforeAll(async () => {
  dist = mkdtempSync(join(tmpdir(), 'atende-dist-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><html><head><title>Atende</title></head><body><div id="root"></div></body></html>');
  // The web build's manifest (page-chunks.ts): the ticket page is a lazily loaded chunk with one import of its own.
  mkdirSync(join(dist, '.vite'));
  writeFileSync(
    join(dist, '.vite', 'manifest.json'),
    JSON.stringify({
      'index.html': { file: 'assets/index-A.js', isEntry: true, imports: ['_react-B.js'] },
      '_react-B.js': { file: 'assets/react-B.js' },
      '_textarea-C.js': { file: 'assets/textarea-C.js' },
      'src/features/customer-ticket/customer-ticket-page.tsx': { file: 'assets/customer-ticket-page-D.js', imports: ['_textarea-C.js', '_react-B.js', 'index.html'] },
    }),
  );
  t = await createTestApp({ env: { WEB_DIST: dist } });
});
afterAll(() => {
  t.dispose();
  rmSync(dist, { recursive: true, force: true });
});

async function page(path: string, cookie?: string) {
  const response = await t.app.request(path, { headers: cookie ? { cookie } : {} });
  const html = await response.text();
  const block = /<script type="application\/json" id="first-answers">([\s\S]*?)<\/script>/.exec(html)?.[1];
  const answers = block ? (JSON.parse(block) as Record<string, { body: string; etag?: string }>) : null;
  return { response, html, answers };
}

describe('the panel page of a signed-in customer', () => {
  it('carries the answers its first screen would ask for, equal to what the API answers', async () => {
    const cookie = await t.signIn(DEMO_ACCOUNTS.contact);
    const { response, answers } = await page('/painel?aba=all', cookie);
    expect(response.status).toBe(200);
    expect(Object.keys(answers ?? {}).sort()).toEqual(
      ['/api/auth/me', '/api/customer/company', '/api/customer/portal', '/api/customer/preferences', '/api/customer/tickets/counts', '/api/customer/tickets?tab=all'].sort(),
    );
    for (const [path, answer] of Object.entries(answers!)) {
      const api = await t.request('GET', path, { cookie });
      expect(JSON.parse(answer.body), path).toEqual(api.json);
    }
    // The counts and tab pages keep their ETag, so the SPA's next ask is a conditional one.
    expect(answers!['/api/customer/tickets/counts']!.etag).toMatch(/^"/);
    // One person's page: never stored, by the browser or by anything between.
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('etag')).toBeNull();
  });

  it('opens the tab the link names, the default tab otherwise, and a search link carries no tab', async () => {
    const cookie = await t.signIn(DEMO_ACCOUNTS.contact);
    expect(Object.keys((await page('/painel', cookie)).answers!)).toContain('/api/customer/tickets?tab=awaiting_my_reply');
    expect(Object.keys((await page('/painel?aba=nao-existe', cookie)).answers!)).toContain('/api/customer/tickets?tab=awaiting_my_reply');
    const search = Object.keys((await page('/painel?busca=impressora', cookie)).answers!);
    expect(search).toContain('/api/auth/me');
    expect(search.some((path) => path.startsWith('/api/customer/tickets'))).toBe(false);
  });

  it('keeps a hostile ticket subject as text: nothing in it can close the data block', async () => {
    const cookie = await t.signIn(DEMO_ACCOUNTS.contact);
    const hostile = '</script><script>alert(1)</script><!-- \u2028 $` $\' $& $$';
    t.db.$client
      .prepare('update tickets set subject = ? where id = (select min(t.id) from tickets t join contacts c on c.id = t.requester_id where c.email = ?)')
      .run(hostile, DEMO_ACCOUNTS.contact);
    const { html, answers } = await page('/painel?aba=all', cookie);
    expect(html).not.toContain('<script>alert(1)');
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(answers!['/api/customer/tickets?tab=all']!.body).toContain(hostile);
  });
});

describe('a ticket page opened from an e-mail', () => {
  it('carries the ticket with who is signed in; a ticket that is not theirs gets the shared page', async () => {
    const cookie = await t.signIn(DEMO_ACCOUNTS.contact);
    const own = (await t.request('GET', '/api/customer/tickets?tab=all', { cookie })).json.items[0].id as number;
    const { response, answers } = await page(`/painel/chamados/${own}`, cookie);
    expect(Object.keys(answers ?? {}).sort()).toEqual(['/api/auth/me', '/api/customer/portal', '/api/customer/preferences', `/api/customer/tickets/${own}`].sort());
    expect(JSON.parse(answers![`/api/customer/tickets/${own}`]!.body)).toEqual((await t.request('GET', `/api/customer/tickets/${own}`, { cookie })).json);
    expect(response.headers.get('cache-control')).toBe('no-store');
    // Another contact's ticket (404 to this contact, like a missing one) sends nothing of it.
    const other = await t.signIn(DEMO_ACCOUNTS.otherContact);
    const foreign = await page(`/painel/chamados/${own}`, other);
    expect(foreign.answers).toBeNull();
    expect(foreign.html).toContain('<title>Atende</title>');
  });

  it("names the ticket page's own scripts in its head, so they load with the entry, not after it", async () => {
    const cookie = await t.signIn(DEMO_ACCOUNTS.contact);
    const own = (await t.request('GET', '/api/customer/tickets?tab=all', { cookie })).json.items[0].id as number;
    const { html } = await page(`/painel/chamados/${own}`, cookie);
    const head = html.slice(0, html.indexOf('</head>'));
    expect(preloadsOf(head)).toEqual(['/assets/customer-ticket-page-D.js', '/assets/textarea-C.js']);
    // The panel's first screen is in the entry: its page names nothing more.
    expect(preloadsOf((await page('/painel', cookie)).html)).toEqual([]);
    // Signed out, the link leads to the sign-in page: the shared page preloads no ticket page.
    expect(preloadsOf((await page(`/painel/chamados/${own}`)).html)).toEqual([]);
  });
});

function preloadsOf(html: string): string[] {
  return [...html.matchAll(/<link rel="modulepreload" crossorigin href="([^"]+)">/g)].map((m) => m[1]!);
}

describe('everyone else gets the shared page', () => {
  it('signed out, an agent, or another page: no answers inside, and the page is revalidated by ETag', async () => {
    const agent = await t.signIn(DEMO_ACCOUNTS.agent);
    const contact = await t.signIn(DEMO_ACCOUNTS.contact);
    for (const [path, cookie] of [
      ['/painel', undefined],
      ['/painel', 'atende_session=forged'],
      ['/painel', agent],
      ['/painel/chamados/999999', contact],
      ['/painel/chamados/1/editar', contact],
      ['/entrar', contact],
    ] as const) {
      const { response, answers, html } = await page(path, cookie);
      expect(response.status, `${path} ${cookie}`).toBe(200);
      expect(answers, `${path} ${cookie}`).toBeNull();
      expect(html).toContain('<title>Atende</title>');
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(response.headers.get('etag')).toMatch(/^"/);
    }
  });
});
