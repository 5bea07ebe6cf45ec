import { expect, test } from '@playwright/test';
import { ACCOUNTS, signIn } from '../support/accounts.js';

/**
 * Issue 5, "Registrar conversa" (seed 001 §1.1–1.2): an agent finds the customer in Clientes, logs a
 * chat as a new ticket, then appends a second chat to it and resolves it. The customer sees both
 * transcripts and never the summaries.
 */
test('agent logs a conversation as new and as append-and-resolve; the customer sees only the public parts', async ({ browser }) => {
  const stamp = Date.now().toString(36);
  const subject = `Finger apagado ${stamp}`;
  const agentContext = await browser.newContext();
  const agent = await agentContext.newPage();
  await signIn(agent, ACCOUNTS.agent);

  await agent.getByRole('link', { name: 'Clientes' }).click();
  await agent.getByLabel('Buscar empresa ou contato (nome ou e-mail)').fill('Boa Forma');
  await agent.getByRole('list', { name: 'Empresas' }).getByRole('link', { name: 'Academia Boa Forma' }).click();
  await expect(agent.getByRole('heading', { level: 1, name: 'Academia Boa Forma' })).toBeVisible();
  await agent.getByRole('link', { name: 'Carla Souza' }).click();
  await expect(agent.getByRole('link', { name: 'Conversar no WhatsApp' })).toHaveAttribute('href', 'https://wa.me/5551999991234');

  // Salvar como novo chamado.
  const form = agent.getByRole('form', { name: 'Registrar conversa' });
  await form.getByLabel('Assunto').fill(subject);
  await form.getByLabel('Departamento').selectOption({ label: 'Suporte técnico' });
  await form.getByLabel('Prioridade').selectOption({ label: 'Alta' });
  await form.getByLabel('Conversa (visível ao cliente)').fill(`Cliente: o leitor apagou ${stamp}.`);
  await form.getByLabel('Resumo (nota interna)').fill(`Resumo secreto 1 ${stamp}`);
  await form.getByRole('button', { name: 'Salvar como novo chamado' }).click();
  await expect(form.getByRole('status')).toContainText('Conversa registrada no chamado');
  const ticketLink = form.getByRole('status').getByRole('link');
  const ticketNumber = (await ticketLink.textContent())!.replace('#', '');
  await expect(agent.getByRole('list', { name: 'Chamados de Carla Souza' })).toContainText(subject);

  // Acrescentar e resolver.
  await form.getByLabel('Acrescentar a um chamado existente').check();
  await form.getByLabel('Chamado', { exact: true }).selectOption({ label: `#${ticketNumber} ${subject} (Novo)` });
  await form.getByLabel('Conversa (visível ao cliente)').fill(`Cliente: voltou a funcionar ${stamp}.`);
  await form.getByLabel('Resumo (nota interna)').fill(`Resumo secreto 2 ${stamp}`);
  await form.getByRole('button', { name: 'Acrescentar e resolver' }).click();
  await expect(form.getByRole('status')).toContainText('Resolvido');

  // The agent's ticket page shows both summaries as internal notes.
  await form.getByRole('status').getByRole('link').click();
  await expect(agent.getByText(`Resumo secreto 2 ${stamp}`)).toBeVisible();
  await agentContext.close();

  // The customer: both transcripts, no summary.
  const customerContext = await browser.newContext();
  const customer = await customerContext.newPage();
  await signIn(customer, ACCOUNTS.contact);
  await customer.goto(`/painel/chamados/${ticketNumber}`);
  await expect(customer.getByText(`Cliente: o leitor apagou ${stamp}.`)).toBeVisible();
  await expect(customer.getByText(`Cliente: voltou a funcionar ${stamp}.`)).toBeVisible();
  await expect(customer.getByText(/Resumo secreto/)).toHaveCount(0);
  await customerContext.close();
});

test('an agent creates an API token once in Clientes and a chat tool logs a conversation with it', async ({ page, request }) => {
  await signIn(page, ACCOUNTS.agent);
  await page.getByRole('link', { name: 'Clientes' }).click();
  const card = page.getByRole('form', { name: 'Token de API para ferramenta de chat' });
  await card.getByLabel('Nome do token').fill('Chat da recepção');
  await card.getByRole('button', { name: 'Criar token' }).click();
  await expect(card.getByRole('status')).toContainText('não será mostrado de novo');
  const token = await card.getByLabel('Token', { exact: true }).inputValue();
  expect(token).toMatch(/^atd_/);

  const spec = await (await request.get('/openapi.json')).json();
  expect(Object.keys(spec.paths)).toContain('/integrations/conversations');
  const stamp = Date.now().toString(36);
  const res = await request.post('/integrations/conversations', {
    headers: { authorization: `Bearer ${token}` },
    data: { contactEmail: ACCOUNTS.contact, conversation: { mode: 'new', subject: `Impressora do totem ${stamp}`, departmentId: 1, priority: 'baixa', transcript: `Cliente: a impressora não imprime ${stamp}.`, summary: 'Resumo da API.', idempotencyKey: `e2e-api-${stamp}-0000000` } },
  });
  expect(res.status()).toBe(201);
  expect((await request.post('/integrations/conversations', { headers: { authorization: 'Bearer atd_wrong' }, data: {} })).status()).toBe(401);
});
