import { expect, test } from '@playwright/test';
import { ACCOUNTS, signIn } from '../support/accounts.js';

test('an agent searches the console (accents ignored, internal notes included) and opens the ticket found; its timeline mixes messages and events', async ({ page }) => {
  await signIn(page, ACCOUNTS.agent);
  const search = page.getByRole('search');
  await search.getByLabel('Buscar').fill('conexao');
  await search.getByLabel('Buscar').press('Enter');
  await expect(page).toHaveURL(/busca=conexao/);
  const rows = page.locator('tbody tr');
  await expect(rows.filter({ hasText: 'Sem conexão desde ontem' })).toBeVisible();
  await expect(rows.filter({ hasText: 'Sinal fraco no andar de cima' })).toHaveCount(0);

  await rows.filter({ hasText: 'Sem conexão desde ontem' }).getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Sem conexão desde ontem');
  // One timeline: the opening event first, then the customer's message.
  const timeline = page.getByRole('list', { name: 'Conversa' });
  await expect(timeline.getByRole('listitem').first()).toContainText('Chamado aberto');
  await expect(timeline).toContainText('Olá, preciso de ajuda: sem conexão desde ontem.');

  await page.getByLabel('Nota interna').check();
  await page.getByLabel('Mensagem', { exact: true }).fill('Cliente usa roteador Xilofonix antigo.');
  await page.getByRole('button', { name: 'Enviar' }).click();
  await expect(page.getByRole('status')).toHaveText('Mensagem registrada.');
  await expect(timeline.getByRole('listitem').filter({ hasText: 'Cliente usa roteador Xilofonix antigo.' })).toContainText('Nota interna');

  // Field changes in the timeline name the department, not its id.
  await page.getByLabel('Departamento', { exact: true }).selectOption({ label: 'Financeiro' });
  await page.getByRole('button', { name: 'Salvar propriedades' }).click();
  await expect(timeline).toContainText('Departamento: Suporte técnico → Financeiro');

  // The note's words find the ticket from the console.
  await page.getByRole('link', { name: 'Voltar aos chamados' }).click();
  await page.getByRole('search').getByLabel('Buscar').fill('xilofonix');
  await page.getByRole('search').getByRole('button', { name: 'Buscar' }).click();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Sem conexão desde ontem');
  await page.getByRole('button', { name: 'Limpar busca' }).click();
  await expect(page).not.toHaveURL(/busca=/);
  await expect(rows.filter({ hasText: 'Sinal fraco no andar de cima' })).toBeVisible();
});
