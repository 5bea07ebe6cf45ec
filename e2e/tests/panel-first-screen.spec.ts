import { expect, test } from '@playwright/test';
import { ACCOUNTS, tabCount } from '../support/accounts.js';
import { PHONE, signInOnPhone } from '../support/phone.js';

test.use({ viewport: PHONE });

test('opened cold from a link, the panel asks for its tickets without first waiting for the sign-in check', async ({ page }) => {
  await signInOnPhone(page, ACCOUNTS.contact);
  // The sign-in check is held until the panel's counts and its tab have been asked for. A panel that
  // waited for it before asking (three answers in a row on a slow phone network) would never show.
  const asked = { counts: false, tab: false };
  let panelAsked!: () => void;
  const bothAsked = new Promise<void>((resolve) => (panelAsked = resolve));
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname === '/api/customer/tickets/counts') asked.counts = true;
    if (url.pathname === '/api/customer/tickets' && url.searchParams.get('tab') === 'all') asked.tab = true;
    if (asked.counts && asked.tab) panelAsked();
  });
  await page.route('**/api/auth/me', async (route) => {
    await bothAsked;
    await route.continue();
  });

  await page.goto('/painel?aba=all');

  await expect(page.getByRole('tab', { name: /^Todos os chamados/ })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tabpanel').getByRole('link').first()).toBeVisible();
  expect(await tabCount(page, 'Todos os chamados')).toBeGreaterThan(0);
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
