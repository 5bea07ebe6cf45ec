import { expect, test, type Browser } from '@playwright/test';
import { ACCOUNTS, PASSWORD } from '../support/accounts.js';
import { PHONE, signInOnPhone } from '../support/phone.js';

test.use({ viewport: PHONE });

/** A ticket of the customer under a tab, as the address its e-mails link to ("Ver o atendimento"). */
async function ticketLink(browser: Browser, tab: string): Promise<string> {
  const page = await browser.newPage({ viewport: PHONE });
  await signInOnPhone(page, ACCOUNTS.contact);
  await page.goto(`/painel?aba=${tab}`);
  const href = await page.getByRole('tabpanel').getByRole('link').first().getAttribute('href');
  await page.close();
  return href!;
}

test('a signed-out customer opens "Ver o atendimento" from the e-mail, signs in, lands on the ticket and replies', async ({ browser, page }) => {
  const link = await ticketLink(browser, 'awaiting_my_reply');
  await page.goto(link);
  await expect(page.getByRole('heading', { name: 'Entrar no Atende' })).toBeVisible();
  await page.getByLabel('E-mail').fill(ACCOUNTS.contact);
  await page.getByLabel('Senha').fill(PASSWORD);
  await page.getByRole('button', { name: 'Entrar' }).click();
  await expect(page).toHaveURL(new RegExp(`${link}$`));
  await page.getByLabel('Sua mensagem').fill('Abri pelo celular: continua sem sinal.');
  await page.getByRole('button', { name: 'Responder' }).click();
  await expect(page.getByRole('status')).toHaveText('Resposta enviada.');
  await expect(page.getByRole('list', { name: 'Conversa' })).toContainText('Abri pelo celular: continua sem sinal.');
});

for (const target of ['//evil.example/painel', 'https://evil.example/', '/\\evil.example']) {
  test(`sign-in never sends the customer to another site (voltar=${target})`, async ({ page }) => {
    await signInOnPhone(page, ACCOUNTS.contact, `/entrar?voltar=${encodeURIComponent(target)}`);
    await expect(page).toHaveURL(/^http:\/\/localhost:\d+\/painel$/);
    await expect(page.getByRole('heading', { name: 'Painel do Cliente' })).toBeVisible();
  });
}

test('a reply being written survives a reload and is gone once sent', async ({ page }) => {
  await signInOnPhone(page, ACCOUNTS.contact);
  await page.goto('/painel?aba=awaiting_return');
  await page.getByRole('tabpanel').getByRole('link').first().click();
  await page.getByLabel('Sua mensagem').fill('Rascunho que não pode se perder');
  await page.reload();
  await expect(page.getByLabel('Sua mensagem')).toHaveValue('Rascunho que não pode se perder');
  await page.getByRole('button', { name: 'Responder' }).click();
  await expect(page.getByRole('status')).toHaveText('Resposta enviada.');
  await page.reload();
  await expect(page.getByRole('list', { name: 'Conversa' })).toContainText('Rascunho que não pode se perder');
  await expect(page.getByLabel('Sua mensagem')).toHaveValue('');
});

test('the "Não foi resolvido" reason and the new-ticket form are kept until sent', async ({ page }) => {
  await signInOnPhone(page, ACCOUNTS.contact);
  await page.goto('/painel?aba=awaiting_approval');
  await page.getByRole('tabpanel').getByRole('link').first().click();
  await page.getByRole('button', { name: 'Não foi resolvido' }).click();
  await page.getByLabel('O que não foi resolvido?').fill('A catraca voltou a travar.');
  await page.reload();
  await expect(page.getByLabel('O que não foi resolvido?')).toHaveValue('A catraca voltou a travar.');

  await page.goto('/painel/novo');
  await page.getByLabel('Descrição do assunto').fill('Fatura em dobro');
  await page.getByLabel('Mensagem').fill('Recebi duas cobranças este mês.');
  await page.reload();
  await expect(page.getByLabel('Descrição do assunto')).toHaveValue('Fatura em dobro');
  await expect(page.getByLabel('Mensagem')).toHaveValue('Recebi duas cobranças este mês.');
});

test('when the session expired while typing, signing in again in place sends the reply', async ({ context, page }) => {
  await signInOnPhone(page, ACCOUNTS.contact);
  await page.goto('/painel?aba=awaiting_return');
  await page.getByRole('tabpanel').getByRole('link').first().click();
  await page.getByLabel('Sua mensagem').fill('Escrevi com calma e a sessão expirou.');
  await context.clearCookies();
  await page.getByRole('button', { name: 'Responder' }).click();

  const dialog = page.getByRole('dialog', { name: 'Sua sessão terminou' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('E-mail').fill(ACCOUNTS.contact);
  await dialog.getByLabel('Senha').fill(PASSWORD);
  await dialog.getByRole('button', { name: 'Entrar' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status')).toHaveText('Resposta enviada.');
  await expect(page.getByRole('list', { name: 'Conversa' })).toContainText('Escrevi com calma e a sessão expirou.');
  await expect(page.getByLabel('Sua mensagem')).toHaveValue('');
});
