import { randomUUID } from 'node:crypto';
import { deactivateAgent, departmentAgentLoads, listDepartments } from '@atende/db';
import { makeAgent } from '@atende/db/factories';
import { expect, test } from '../support/fixtures.js';
import { signIn } from '../support/accounts.js';

/**
 * A customer files a ticket in the panel; the agent it is routed to, with the console open, sees
 * "Novo chamado" arrive in Notificações without reloading, and the entry opens the ticket.
 */
test('a new ticket from the panel notifies its agent in the console, live, and the entry opens it', async ({ browser, db, contact }) => {
  const suporte = listDepartments(db).find((d) => d.name === 'Suporte técnico')!;
  // An agent of our own in Suporte técnico with nothing open: the least loaded, so routing gives them
  // the new ticket (the demo agents there, Ana and Bruno, have open tickets).
  const tag = randomUUID().slice(0, 8);
  const own = makeAgent(db, { name: `Agente ${tag}`, email: `agente-${tag}@example.test`, departmentIds: [suporte.id], createdAt: Date.now() });
  const others = departmentAgentLoads(db, suporte.id).filter((l) => l.agentId !== own.id);
  expect(Math.min(...others.map((l) => l.openTickets)), 'another agent of Suporte técnico has nothing open').toBeGreaterThan(0);

  try {
    const agent = await (await browser.newContext({ locale: 'pt-BR' })).newPage();
    await signIn(agent, own.email);
    await agent.goto('/console');
    const bell = agent.getByRole('button', { name: /^Notificações/ });
    await expect(bell).toBeVisible();
    await expect(bell.locator('.unread-count')).toHaveCount(0);

    const customer = await (await browser.newContext({ locale: 'pt-BR' })).newPage();
    await signIn(customer, contact.email);
    await customer.goto('/painel/novo');
    const subject = `Catraca travada ${tag}`;
    await customer.getByLabel('Assunto', { exact: true }).selectOption({ label: 'Sem conexão' });
    await customer.getByLabel('Departamento').selectOption({ label: 'Suporte técnico' });
    await customer.getByLabel('Descrição do assunto').fill(subject);
    await customer.getByLabel('Mensagem').fill('A catraca da entrada não trava.');
    await customer.getByRole('button', { name: 'Enviar ticket' }).click();
    await expect(customer.getByRole('heading', { level: 1 })).toContainText(subject);
    const ticketId = customer.url().split('/').pop()!;

    // The open console hears of it (no reload): the count goes up, the list names the ticket.
    await expect(bell.locator('.unread-count')).toHaveText(/^1\b/);
    await bell.click();
    const entry = agent.getByRole('region', { name: 'Notificações' }).getByRole('link', { name: `Novo chamado: #${ticketId} ${subject}` });
    await expect(entry).toBeVisible();
    await entry.click();
    await expect(agent).toHaveURL(new RegExp(`/console/chamados/${ticketId}$`));
    await expect(agent.getByRole('heading', { level: 1 })).toContainText(subject);
    // Opening it marked it read.
    await expect(bell.locator('.unread-count')).toHaveCount(0);
  } finally {
    // The agent leaves the team (their ticket goes back to the queue), so later journeys' new tickets
    // are routed as before.
    deactivateAgent(db, { agentId: own.id, now: Date.now() });
  }
});
