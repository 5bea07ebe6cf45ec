import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { ACCOUNTS, signIn } from '../support/accounts.js';

async function pageAs(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext({ locale: 'pt-BR' })).newPage();
  await signIn(page, email);
  return page;
}

test('a subscriber files a ticket from the panel: every field required, lands on it, agents see it by origin', async ({ browser, page }) => {
  await signIn(page, ACCOUNTS.contact);
  await page.getByRole('link', { name: 'Novo atendimento' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Novo atendimento' })).toBeVisible();

  // Nothing is sent until all four fields are valid; each says what is missing.
  await page.getByRole('button', { name: 'Enviar ticket' }).click();
  await expect(page.getByText('Escolha o departamento.')).toBeVisible();
  await expect(page.getByText('Escolha o assunto.')).toBeVisible();
  await expect(page.getByText('Descreva o assunto.')).toBeVisible();
  await expect(page.getByText('Escreva sua mensagem.')).toBeVisible();
  await expect(page.getByLabel('Departamento')).toBeFocused();
  // Only departments that serve externally are offered.
  await expect(page.getByLabel('Departamento').locator('option')).toHaveText(['Selecione…', 'Financeiro', 'Suporte técnico']);
  await expect(page.getByLabel('Assunto', { exact: true }).locator('option', { hasText: 'Mudança de endereço' })).toHaveCount(0);

  await page.getByLabel('Assunto', { exact: true }).selectOption({ label: 'Sem conexão' });
  await expect(page.getByLabel('Departamento')).toHaveValue(/\d+/); // the subject's default department
  await page.getByLabel('Descrição do assunto').fill('Sem internet na sala de musculação');
  await page.getByLabel('Mensagem').fill('O roteador da sala está com a luz vermelha acesa.');
  await page.getByRole('button', { name: 'Enviar ticket' }).click();

  await expect(page.getByRole('heading', { level: 1 })).toContainText('Sem internet na sala de musculação');
  await expect(page).toHaveURL(/\/painel\/chamados\/\d+$/);
  const id = page.url().split('/').pop()!;
  await expect(page.getByRole('list', { name: 'Conversa' })).toContainText('O roteador da sala está com a luz vermelha acesa.');

  await page.getByRole('link', { name: 'Atendimentos' }).click();
  await page.getByRole('tab', { name: /^Aguardando retorno/ }).click();
  await expect(page.getByRole('tabpanel').getByRole('link').first()).toHaveText('Sem internet na sala de musculação');

  const agent = await pageAs(browser, ACCOUNTS.agent);
  await agent.getByLabel('Filtrar por origem').selectOption({ label: 'Portal' });
  await expect(agent).toHaveURL(/origem=portal/);
  const row = agent.locator('tbody tr', { hasText: 'Sem internet na sala de musculação' });
  await expect(row).toContainText(`#${id}`);
  await expect(row).toContainText('Portal');
  await agent.getByLabel('Filtrar por origem').selectOption({ label: 'Hotsite' });
  await expect(agent.locator('tbody tr', { hasText: 'Sem internet na sala de musculação' })).toHaveCount(0);
  await agent.goto(`/console/chamados/${id}`);
  await expect(agent.locator('.facts')).toContainText('Portal');
  await agent.context().close();
});

test('the Central do Assinante page files with origin hotsite and prefills a reference to an old ticket', async ({ browser, page }) => {
  await signIn(page, ACCOUNTS.contact);
  await page.goto('/central-do-assinante?referencia=12');
  await expect(page.getByRole('heading', { level: 1, name: 'Central do Assinante' })).toBeVisible();
  await expect(page.getByLabel('Descrição do assunto')).toHaveValue('Referente ao chamado #12');
  await page.getByLabel('Departamento').selectOption({ label: 'Financeiro' });
  await page.getByLabel('Assunto', { exact: true }).selectOption({ label: 'Segunda via de boleto' });
  await page.getByLabel('Mensagem').fill('Preciso da segunda via do boleto de dezembro.');
  // A double click files one ticket: the form's idempotency key makes the second request a replay.
  await page.getByRole('button', { name: 'Enviar ticket' }).dblclick();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Referente ao chamado #12');

  const agent = await pageAs(browser, ACCOUNTS.agent);
  await agent.getByLabel('Filtrar por origem').selectOption({ label: 'Hotsite' });
  await expect(agent.locator('tbody tr', { hasText: 'Referente ao chamado #12' })).toHaveCount(1);
  await expect(agent.locator('tbody tr', { hasText: 'Referente ao chamado #12' })).toContainText('Hotsite');
  await agent.context().close();
});

test('the new-ticket form and the admin console have no serious or critical accessibility violations', async ({ browser, page }) => {
  const serious = async (p: Page) =>
    (await new AxeBuilder({ page: p }).analyze()).violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  await signIn(page, ACCOUNTS.contact);
  await page.goto('/painel/novo');
  await page.getByRole('button', { name: 'Enviar ticket' }).click();
  await expect(page.getByText('Escreva sua mensagem.')).toBeVisible();
  expect(await serious(page)).toEqual([]);

  const admin = await pageAs(browser, ACCOUNTS.admin);
  for (const path of ['/console/admin/portal', '/console/admin/departamentos', '/console/admin/assuntos']) {
    await admin.goto(path);
    await expect(admin.getByRole('button', { name: /Salvar|Adicionar/ }).first()).toBeVisible();
    expect(await serious(admin), path).toEqual([]);
  }
  await admin.context().close();
});
