import type { Browser, Page } from '@playwright/test';
import { expect, test } from '../support/fixtures.js';
import { ACCOUNTS, signIn } from '../support/accounts.js';

async function pageAs(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext({ locale: 'pt-BR' })).newPage();
  await signIn(page, email);
  return page;
}

/** Sets portal switches through the admin console, as an admin would. */
async function setSwitches(admin: Page, switches: Record<string, boolean>) {
  await admin.goto('/console/admin/portal');
  for (const [label, on] of Object.entries(switches)) await admin.getByLabel(label).setChecked(on);
  await admin.getByRole('button', { name: 'Salvar' }).click();
  await expect(admin.getByRole('status')).toHaveText('Alterações salvas.');
}

const SEE = 'Clientes veem seus atendimentos (menu Atendimentos)';
const OPEN = 'Clientes abrem atendimentos pelo portal';
const PUBLIC_DEFAULT = 'Respostas dos agentes são públicas por padrão';

test('a subject the admin creates shows on the form; hidden from the hotsite, it disappears', async ({ browser, page }) => {
  const admin = await pageAs(browser, ACCOUNTS.admin);
  await admin.getByRole('link', { name: 'Administração' }).click();
  await admin.getByRole('link', { name: 'Assuntos' }).click();
  const form = admin.getByRole('form', { name: 'Novo' });
  await form.getByLabel('Nome').fill('Troca de equipamento');
  await form.getByLabel('Mostrar no hotsite').check();
  await form.getByLabel('Departamento padrão').selectOption({ label: 'Suporte técnico' });
  await form.getByRole('button', { name: 'Adicionar' }).click();
  const created = admin.getByRole('form', { name: 'Troca de equipamento' });
  await expect(created).toBeVisible();

  await signIn(page, ACCOUNTS.contact);
  await page.goto('/painel/novo');
  const subjects = page.getByLabel('Assunto', { exact: true });
  await expect(subjects.locator('option', { hasText: 'Troca de equipamento' })).toHaveCount(1);

  await created.getByLabel('Mostrar no hotsite').uncheck();
  await created.getByRole('button', { name: 'Salvar' }).click();
  await expect(created.getByRole('status')).toHaveText('Alterações salvas.');

  await page.reload();
  await expect(subjects.locator('option', { hasText: 'Sem conexão' })).toHaveCount(1);
  await expect(subjects.locator('option', { hasText: 'Troca de equipamento' })).toHaveCount(0);
  await admin.context().close();
});

test('with both switches off the customer has no Atendimentos entry and the API says 403', async ({ browser, page }) => {
  const admin = await pageAs(browser, ACCOUNTS.admin);
  await signIn(page, ACCOUNTS.contact);
  await expect(page.getByRole('link', { name: 'Atendimentos' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Novo atendimento' })).toBeVisible();
  try {
    await setSwitches(admin, { [SEE]: false, [OPEN]: false });
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Painel do Cliente' })).toBeVisible();
    // The switches have loaded (this notice needs them): only now is an absent link meaningful.
    await expect(page.getByText('A consulta de atendimentos não está disponível.')).toBeVisible();
    await expect(page.getByRole('link', { name: 'Atendimentos' })).toHaveCount(0);
    await expect(page.getByRole('link', { name: 'Novo atendimento' })).toHaveCount(0);
    await expect(page.getByRole('tab')).toHaveCount(0);
    const list = await page.request.get('/api/customer/tickets?tab=all');
    expect(list.status()).toBe(403);
    const create = await page.request.post('/api/customer/tickets', {
      headers: { origin: new URL(page.url()).origin },
      data: { departmentId: 1, subjectId: 1, subject: 'x', body: 'y', origin: 'portal', idempotencyKey: 'e2e-switches-off-0001' },
    });
    expect(create.status()).toBe(403);
    await page.goto('/painel/novo');
    await expect(page.getByText('A abertura de atendimentos pelo portal está desativada.')).toBeVisible();

    // Opening without seeing: the menu returns with only "Novo atendimento".
    await setSwitches(admin, { [OPEN]: true });
    await page.goto('/painel');
    await expect(page.getByRole('link', { name: 'Atendimentos' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Novo atendimento' })).toBeVisible();
    await expect(page.getByRole('tab')).toHaveCount(0);
  } finally {
    await setSwitches(admin, { [SEE]: true, [OPEN]: true });
    await admin.context().close();
  }
});

test('an internal message never reaches the customer, even when internal is the agents’ default', async ({ browser, page, contact, makeTicket }) => {
  const ticket = makeTicket({ status: 'open' }); // the test's own: no demo ticket is used up
  const admin = await pageAs(browser, ACCOUNTS.admin);
  try {
    await setSwitches(admin, { [PUBLIC_DEFAULT]: false });
    const agent = await pageAs(browser, ACCOUNTS.agent);
    await agent.goto(`/console/chamados/${ticket.id}`);
    await expect(agent.getByLabel('Nota interna')).toBeChecked();
    await agent.getByLabel('Mensagem', { exact: true }).fill('Verificar contrato de comodato antes de trocar a câmera.');
    await agent.getByRole('button', { name: 'Enviar' }).click();
    await expect(agent.getByRole('status')).toHaveText('Mensagem registrada.');
    const id = agent.url().split('/').pop()!;
    await agent.context().close();

    await signIn(page, contact.email);
    await page.goto(`/painel/chamados/${id}`);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(ticket.subject);
    await expect(page.getByRole('list', { name: 'Conversa' })).toBeVisible();
    await expect(page.getByText('Verificar contrato de comodato')).toHaveCount(0);
    const api = await page.request.get(`/api/customer/tickets/${id}`);
    expect(await api.text()).not.toContain('comodato');

    await setSwitches(admin, { [PUBLIC_DEFAULT]: true });
    const again = await pageAs(browser, ACCOUNTS.agent);
    await again.goto(`/console/chamados/${id}`);
    await expect(again.getByLabel('Resposta pública')).toBeChecked();
    await again.context().close();
  } finally {
    await setSwitches(admin, { [PUBLIC_DEFAULT]: true });
    await admin.context().close();
  }
});
