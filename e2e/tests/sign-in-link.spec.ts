import { expect, test } from '../support/fixtures.js';
import { ACCOUNTS, signIn } from '../support/accounts.js';
import { signInLinkMailedTo } from '../support/outbox-mail.js';
import { expectNoAxeViolations, expectNoSidewaysScroll, PHONE } from '../support/phone.js';

test.use({ viewport: PHONE });

test('a customer on a phone asks for a sign-in link from a ticket page, presses Entrar and lands on the ticket, signed in', async ({ page, db, contact, makeTicket }) => {
  const ticket = makeTicket({ status: 'waiting_customer' });
  // Opened while signed out (from "Ver o atendimento" in an e-mail, say): the sign-in page, remembering the ticket.
  await page.goto(`/painel/chamados/${ticket.id}`);
  await expect(page.getByRole('heading', { name: 'Entrar no Atende' })).toBeVisible();
  await page.getByRole('button', { name: 'Receber link de acesso por e-mail' }).click();
  await page.getByLabel('E-mail').fill(contact.email);
  await page.getByRole('button', { name: 'Enviar link de acesso' }).click();
  await expect(page.getByRole('status')).toHaveText(
    'Se este e-mail puder entrar por link, enviamos um link de acesso. Abra-o em até 15 minutos e toque em Entrar.',
  );
  await expectNoSidewaysScroll(page, 'the sign-in page, link sent');
  await expectNoAxeViolations(page, 'the sign-in page, link sent');

  const link = await signInLinkMailedTo(db, contact.email);
  // Opening the link (what a mail scanner also does) signs nobody in: the page waits for the button.
  await page.goto(link);
  await expect(page.getByText(`Conta: ${contact.email}`)).toBeVisible();
  await expectNoSidewaysScroll(page, 'the sign-in link page');
  await expectNoAxeViolations(page, 'the sign-in link page');
  await page.goto(`/painel/chamados/${ticket.id}`);
  await expect(page.getByRole('heading', { name: 'Entrar no Atende' })).toBeVisible();

  await page.goto(link);
  await page.getByRole('button', { name: 'Entrar', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/painel/chamados/${ticket.id}$`));
  await expect(page.getByRole('heading', { level: 1 })).toContainText(ticket.subject);
  await expect(page.getByRole('button', { name: 'Menu' })).toBeVisible();

  // The same link a second time: a clear message, and a way to ask for a new one.
  const second = await page.context().browser()!.newPage({ viewport: PHONE });
  await second.goto(link);
  await expect(second.getByRole('alert')).toHaveText('Este link de acesso não vale mais: ele já foi usado ou passaram os 15 minutos. Peça um novo link na página de entrada.');
  await expect(second.getByRole('button', { name: 'Entrar', exact: true })).toHaveCount(0);
  await expect(second.getByRole('link', { name: 'Pedir um novo link' })).toBeVisible();
  await second.close();
});

test('an admin turns sign-in by e-mail link on for agents in Configurações; an agent then signs in with it', async ({ browser, db }) => {
  const admin = await browser.newPage();
  await signIn(admin, ACCOUNTS.admin);
  await admin.goto('/console/admin/configuracoes');
  const form = admin.getByRole('form', { name: 'Entrada por link de e-mail' });
  await expect(form.getByLabel('Clientes podem entrar com um link enviado por e-mail')).toBeChecked();
  const agents = form.getByLabel('Agentes podem entrar com um link enviado por e-mail');
  await expect(agents).not.toBeChecked();
  await agents.check();
  try {
    await form.getByRole('button', { name: 'Salvar' }).click();
    await expect(form.getByRole('status')).toHaveText('Alterações salvas.');
    const agent = await browser.newPage();
    await agent.goto('/entrar');
    await agent.getByRole('button', { name: 'Receber link de acesso por e-mail' }).click();
    await agent.getByLabel('E-mail').fill(ACCOUNTS.otherAgent);
    await agent.getByRole('button', { name: 'Enviar link de acesso' }).click();
    await expect(agent.getByRole('status')).toBeVisible();
    await agent.goto(await signInLinkMailedTo(db, ACCOUNTS.otherAgent));
    await agent.getByRole('button', { name: 'Entrar', exact: true }).click();
    await expect(agent).toHaveURL(/\/console$/);
    await agent.close();
  } finally {
    // Back to the default (off for agents): other journeys expect it.
    await agents.uncheck();
    await form.getByRole('button', { name: 'Salvar' }).click();
    await expect(form.getByRole('status')).toHaveText('Alterações salvas.');
    await admin.close();
  }
});
