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
