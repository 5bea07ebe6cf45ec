import { expect, test } from '@playwright/test';
import { ACCOUNTS, tabCount } from '../support/accounts.js';
import { PHONE, signInOnPhone } from '../support/phone.js';

test.use({ viewport: PHONE });

test('opened cold from a link, the panel shows its tickets with no request of its own: the page brought the answers', async ({ page }) => {
  await signInOnPhone(page, ACCOUNTS.contact);
  // Leave the signed-in panel first: its own refetches (a live event from another test) are not this page's.
  await page.goto('about:blank');
  const asked: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith('/api/') && url.pathname !== '/api/events') asked.push(url.pathname + url.search);
  });

  await page.goto('/painel?aba=all');

  await expect(page.getByRole('tab', { name: /^Todos os chamados/ })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tabpanel').getByRole('link').first()).toBeVisible();
  expect(await tabCount(page, 'Todos os chamados')).toBeGreaterThan(0);
  // Who is signed in, the portal's switches, the counts and the tab came inside the page: a phone
  // waited for the page and its scripts, not for a round trip after them.
  expect(asked).toEqual([]);

  // Another tab is asked of the server as always.
  await page.getByRole('tab', { name: /^Aguardando retorno/ }).click();
  await expect.poll(() => asked).toContain('/api/customer/tickets?tab=awaiting_return');
});

test('the first screen is styled by index.html itself: no stylesheet to wait for, nothing refused by the CSP', async ({ page }) => {
  const refused: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) refused.push(message.text());
  });
  const stylesheets: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'stylesheet') stylesheets.push(request.url());
  });
  // The scripts are held, as on a slow phone network: what shows is index.html alone.
  let releaseScripts!: () => void;
  const scriptsHeld = new Promise<void>((resolve) => (releaseScripts = resolve));
  await page.route('**/assets/*.js', async (route) => {
    await scriptsHeld;
    await route.continue();
  });

  await page.goto('/entrar', { waitUntil: 'commit' });
  const shell = page.locator('header.topbar');
  await expect(page.getByRole('status')).toHaveText('Carregando…');
  // Styled: the header is the flex bar of the stylesheet, not the browser's default block.
  await expect(shell).toHaveCSS('display', 'flex');
  await expect(page.locator('.brand')).toHaveCSS('font-weight', '700');

  releaseScripts();
  await expect(page.getByRole('button', { name: 'Entrar' })).toBeVisible();
  expect(stylesheets).toEqual([]);
  expect(refused).toEqual([]);
});

test('a ticket link from an e-mail, opened on a phone, shows the conversation with no request of its own', async ({ page }) => {
  await signInOnPhone(page, ACCOUNTS.contact);
  await page.goto('/painel?aba=all');
  const href = await page.getByRole('tabpanel').getByRole('link').first().getAttribute('href');
  await page.goto('about:blank');
  const asked: string[] = [];
  const scripts: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith('/api/') && url.pathname !== '/api/events') asked.push(url.pathname + url.search);
    if (request.resourceType() === 'script') scripts.push(url.pathname);
  });

  const response = await page.goto(href!);

  await expect(page.getByRole('list', { name: 'Conversa' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('#');
  // Who is signed in and the ticket came inside the page: no round trip before the page's own chunk.
  expect(asked).toEqual([]);
  // And the page's own chunk is named in the page: every script the conversation needed was asked for
  // while the page was read, none only after the entry had run (page-chunks.ts).
  const html = await response!.text();
  const named = [...html.matchAll(/<(?:script[^>]* src|link rel="modulepreload"[^>]* href)="([^"]+)"/g)].map((m) => m[1]!);
  expect(scripts.length).toBeGreaterThan(1);
  expect(scripts.filter((path) => !named.includes(path))).toEqual([]);
});
