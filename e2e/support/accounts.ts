import { expect, type Page } from '@playwright/test';

export const PASSWORD = 'demo-senha-123';
export const ACCOUNTS = {
  contact: 'cliente@example.com',
  otherContact: 'outro.cliente@example.com',
  agent: 'agente@example.com',
  otherAgent: 'agente2@example.com',
  admin: 'admin@example.com',
} as const;

/** Signs in through the real form, as a user would. */
export async function signIn(page: Page, email: string, password = PASSWORD): Promise<void> {
  await page.goto('/entrar');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Senha').fill(password);
  await page.getByRole('button', { name: 'Entrar' }).click();
  // Signed in: the sign-in page is left (at phone widths "Sair" sits inside the Menu, so it is not visible).
  await expect(page).not.toHaveURL(/\/entrar(\?|$)/);
  await expect(page.getByRole('heading', { name: 'Entrar no Atende' })).toHaveCount(0);
}

export const TAB_LABELS = [
  'Aguardando minha resposta',
  'Aguardando retorno',
  'Resolvidos aguardando minha aprovação',
  'Não avaliados',
  'Todos os chamados',
] as const;

/** The count shown on a tab of the Painel do Cliente. */
export async function tabCount(page: Page, label: string): Promise<number> {
  const tab = page.getByRole('tab', { name: new RegExp(`^${label}`) });
  await expect(tab.locator('.count')).toHaveText(/^\d+$/);
  return Number(await tab.locator('.count').textContent());
}

/** Every row of the selected tab, following "Carregar mais" to the end. */
export async function allRows(page: Page) {
  const panel = page.getByRole('tabpanel');
  await expect(panel.getByRole('status')).toHaveCount(0);
  for (;;) {
    const more = panel.getByRole('button', { name: 'Carregar mais' });
    if (!(await more.isVisible())) break;
    const before = await panel.getByRole('row').count();
    await more.click();
    await expect.poll(() => panel.getByRole('row').count()).toBeGreaterThan(before);
  }
  return panel.locator('tbody tr');
}

/** A day of the company's calendar (São Paulo), as a date input's value. */
export function daysFromToday(days: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Sao_Paulo' }).format(new Date(Date.now() + days * 24 * 60 * 60 * 1000));
}
