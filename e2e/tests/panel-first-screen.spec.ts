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
