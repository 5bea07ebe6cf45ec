import { expect, test, type Page } from '@playwright/test';
import { ACCOUNTS } from '../support/accounts.js';
import { PHONE, signInOnPhone } from '../support/phone.js';

test.use({ viewport: PHONE });

/** The account's language as the server keeps it. */
const accountLanguage = async (page: Page) => (await (await page.request.get('/api/customer/preferences')).json()).preferences.language as string;

test('the language is kept on the account, and the server’s field messages follow it', async ({ page, browser }) => {
  await signInOnPhone(page, ACCOUNTS.contact);
  await page.getByRole('button', { name: 'Menu' }).click();
  await page.getByLabel('Idioma').selectOption('en');
  await expect(page.getByRole('heading', { name: 'Customer panel' })).toBeVisible();
  await expect.poll(() => accountLanguage(page)).toBe('en');
  try {
    await page.goto('/painel?aba=awaiting_return');
    await page.getByRole('tabpanel').getByRole('link').first().click();
    await page.getByRole('button', { name: 'Reply' }).click();
    await expect(page.getByText('Write your message.')).toBeVisible();
    await expect(page.getByText('Escreva sua mensagem.')).toHaveCount(0);

    // Another device: the account's language comes along after signing in.
    const other = await browser.newPage({ viewport: PHONE });
    await signInOnPhone(other, ACCOUNTS.contact);
    await expect(other.getByRole('heading', { name: 'Customer panel' })).toBeVisible();
    await other.close();
  } finally {
    await page.goto('/painel');
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByLabel('Language').selectOption('pt-BR');
    await expect.poll(() => accountLanguage(page)).toBe('pt-BR');
  }
});

test('the customer chooses which e-mails they get; security e-mails are always sent', async ({ page }) => {
  await signInOnPhone(page, ACCOUNTS.contact);
  await page.goto('/conta/preferencias');
  const reminders = page.getByLabel('Lembretes de chamados aguardando minha resposta');
  await expect(reminders).toBeChecked();
  await expect(page.getByText('E-mails de segurança (redefinição de senha, convites) são sempre enviados.')).toBeVisible();
  await reminders.uncheck();
  await page.getByRole('button', { name: 'Salvar preferências' }).click();
  await expect(page.getByRole('status')).toHaveText('Preferências salvas.');
  await page.reload();
  await expect(page.getByLabel('Lembretes de chamados aguardando minha resposta')).not.toBeChecked();
  await page.getByLabel('Lembretes de chamados aguardando minha resposta').check();
  await page.getByRole('button', { name: 'Salvar preferências' }).click();
  await expect(page.getByRole('status')).toHaveText('Preferências salvas.');
});
