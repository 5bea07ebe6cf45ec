import { expect, test, type Page } from '@playwright/test';
import { ACCOUNTS } from '../support/accounts.js';
import { expectNoAxeViolations, expectNoSidewaysScroll, NARROW_PHONE, PHONE, signInOnPhone } from '../support/phone.js';

/** Waits until a page has its content (no "Carregando…") before measuring it. */
async function settle(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Carregando' })).toHaveCount(0);
}

/** The first ticket listed under a tab of the panel, as its address. */
async function firstTicketOf(page: Page, tab: string): Promise<string> {
  await page.goto(`/painel?aba=${tab}`);
  const link = page.getByRole('tabpanel').getByRole('link').first();
  await expect(link).toBeVisible();
  return (await link.getAttribute('href'))!;
}

async function check(page: Page, path: string, what: string): Promise<void> {
  await page.goto(path);
  await settle(page);
  await expectNoSidewaysScroll(page, what);
  await expectNoAxeViolations(page, what);
}

for (const screen of [NARROW_PHONE, PHONE]) {
  for (const colorScheme of ['light', 'dark'] as const) {
    test.describe(`${screen.width} px, ${colorScheme}`, () => {
      test.use({ viewport: screen, colorScheme });
      test.setTimeout(120_000);

      test('no customer page is wider than the screen, and each passes axe', async ({ page }) => {
        for (const [path, what] of [
          ['/entrar', 'sign-in'],
          ['/esqueci-senha', 'forgot password'],
          ['/redefinir-senha/not-a-token', 'reset link'],
          ['/avaliar/not-a-token', 'rating link'],
          ['/link-de-acesso/not-a-token', 'sign-in link'],
        ] as const) {
          await check(page, path, what);
        }
        // "Receber link de acesso por e-mail" turns the sign-in card into the link request (issue 15).
        await page.goto('/entrar');
        await page.getByRole('button', { name: 'Receber link de acesso por e-mail' }).click();
        await expect(page.getByRole('button', { name: 'Enviar link de acesso' })).toBeVisible();
        await expectNoSidewaysScroll(page, 'sign-in link request');
        await expectNoAxeViolations(page, 'sign-in link request');

        await signInOnPhone(page, ACCOUNTS.contact);
        const waiting = await firstTicketOf(page, 'awaiting_my_reply');
        const resolved = await firstTicketOf(page, 'awaiting_approval');
        const unrated = await firstTicketOf(page, 'unrated');
        for (const [path, what] of [
          ['/painel', 'panel'],
          ['/painel?aba=all', 'panel, all tickets'],
          ['/painel?busca=catraca', 'search results'],
          [waiting, 'ticket awaiting my reply'],
          [resolved, 'resolved ticket'],
          [unrated, 'unrated ticket'],
          ['/painel/novo', 'new ticket'],
          ['/central-do-assinante', 'Central do Assinante'],
          ['/conta/senha', 'change password'],
          ['/conta/preferencias', 'preferences'],
          ['/painel/empresa', 'company tickets (own only)'],
          ['/painel/nao-existe', 'not found'],
        ] as const) {
          await check(page, path, what);
        }

        // The open menu is a page of its own on a phone.
        await page.goto('/painel');
        await settle(page);
        await page.getByRole('button', { name: 'Menu' }).click();
        await expect(page.getByRole('button', { name: 'Sair' })).toBeInViewport();
        await expectNoSidewaysScroll(page, 'open menu');
        await expectNoAxeViolations(page, 'open menu');
      });
    });
  }
}

test.describe('on a phone', () => {
  test.use({ viewport: PHONE });

  test('"Sair" is one tap away in the Menu, and signs out', async ({ page }) => {
    await signInOnPhone(page, ACCOUNTS.contact);
    await expect(page.getByRole('button', { name: 'Sair' })).toBeHidden();
    const menu = page.getByRole('button', { name: 'Menu' });
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    await menu.click();
    await expect(menu).toHaveAttribute('aria-expanded', 'true');
    const signOut = page.getByRole('button', { name: 'Sair' });
    await expect(signOut).toBeInViewport();
    await signOut.click();
    await expect(page.getByRole('heading', { name: 'Entrar no Atende' })).toBeVisible();
  });

  test('the five tabs show their counts and the list is cards with number, subject, status and last update', async ({ page }) => {
    await signInOnPhone(page, ACCOUNTS.contact);
    const tabs = page.getByRole('tab');
    await expect(tabs).toHaveCount(5);
    for (const tab of await tabs.all()) await expect(tab.locator('.count')).toHaveText(/^\d+$/);
    // The last tab scrolls into view inside its bar and opens with one tap.
    const all = page.getByRole('tab', { name: /^Todos os chamados/ });
    await all.click();
    await expect(all).toHaveAttribute('aria-selected', 'true');
    const card = page.getByRole('tabpanel').locator('tbody tr').first();
    await expect(card.locator('.cell-number')).toHaveText(/^#\d+$/);
    await expect(card.getByRole('link')).toBeVisible();
    await expect(card.locator('.badge')).toBeVisible();
    await expect(card.locator('.cell-updated time')).toBeVisible();
    await expect(card.locator('.cell-updated')).toHaveAttribute('data-label', 'Última atualização');
    // A card, not a table row: the department column is gone and the card fits the screen.
    await expect(card.locator('.cell-department')).toBeHidden();
    const box = (await card.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
    await expectNoSidewaysScroll(page, 'panel, all tickets');
  });

  test('on a resolved ticket the decision buttons and the composer are within the screen', async ({ page }) => {
    await signInOnPhone(page, ACCOUNTS.contact);
    await page.goto('/painel?aba=awaiting_approval');
    await page.getByRole('tabpanel').getByRole('link').first().click();
    for (const name of ['Confirmar solução', 'Não foi resolvido', 'Responder']) {
      const button = page.getByRole('button', { name });
      await button.scrollIntoViewIfNeeded();
      const box = (await button.boundingBox())!;
      expect(box.x, name).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width, name).toBeLessThanOrEqual(PHONE.width);
      expect(box.height, name).toBeGreaterThanOrEqual(24);
    }
    const composer = page.getByLabel('Sua mensagem');
    const box = (await composer.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
  });

  test('the theme follows the system, and the Tema menu overrides it on this device', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await signInOnPhone(page, ACCOUNTS.contact);
    const background = () => page.evaluate<string>('getComputedStyle(document.documentElement).backgroundColor');
    const dark = await background();
    await page.emulateMedia({ colorScheme: 'light' });
    await expect.poll(background).not.toBe(dark);
    const light = await background();
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByLabel('Tema').selectOption({ label: 'Escuro' });
    await expect.poll(background).toBe(dark);
    await page.reload();
    await expect(page.getByRole('button', { name: 'Menu' })).toBeVisible();
    expect(await background()).toBe(dark);
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByLabel('Tema').selectOption({ label: 'Automático' });
    await expect.poll(background).toBe(light);
  });
});
