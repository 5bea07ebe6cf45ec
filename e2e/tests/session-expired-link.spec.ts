import { deleteSessionsOf } from '@atende/db';
import { expect, test } from '../support/fixtures.js';
import { signIn } from '../support/accounts.js';
import { signInLinkMailedTo } from '../support/outbox-mail.js';
import { expectNoAxeViolations, expectNoSidewaysScroll, PHONE } from '../support/phone.js';

test.use({ viewport: PHONE });

test('a customer whose session ended while writing asks for a sign-in link in place; the link brings back the page with the draft, and the reply goes through', async ({ page, db, contact, makeTicket }) => {
  const ticket = makeTicket({ status: 'waiting_customer' });
  await signIn(page, contact.email);
  await page.goto(`/painel/chamados/${ticket.id}`);
  await page.getByLabel('Sua mensagem').fill('Escrevi pelo celular e a sessão acabou.');
  // The session ends on the server (expired, or signed out elsewhere) while the customer types.
  deleteSessionsOf(db, 'contact', contact.id);
  await page.getByRole('button', { name: 'Responder' }).click();

  const dialog = page.getByRole('dialog', { name: 'Sua sessão terminou' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Receber link de acesso por e-mail' }).click();
  await dialog.getByLabel('E-mail').fill(contact.email);
  await dialog.getByRole('button', { name: 'Enviar link de acesso' }).click();
  await expect(dialog.getByRole('status')).toContainText('enviamos um link de acesso');
  await expectNoSidewaysScroll(page, 'the expired-session dialog, link sent');
  await expectNoAxeViolations(page, 'the expired-session dialog, link sent');
  // Not signed in yet: the dialog says so and keeps waiting.
  await dialog.getByRole('button', { name: 'Já entrei pelo link' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Ainda não há uma sessão: abra o link do e-mail e toque em Entrar primeiro.');

  // The link returns to the same ticket page, where the draft is still there.
  const link = await signInLinkMailedTo(db, contact.email);
  expect(new URL(link, 'http://x').searchParams.get('voltar')).toBe(`/painel/chamados/${ticket.id}`);
  const fromMail = await page.context().newPage();
  await fromMail.goto(link);
  await fromMail.getByRole('button', { name: 'Entrar', exact: true }).click();
  await expect(fromMail).toHaveURL(new RegExp(`/painel/chamados/${ticket.id}$`));
  await expect(fromMail.getByLabel('Sua mensagem')).toHaveValue('Escrevi pelo celular e a sessão acabou.');
  await fromMail.close();

  // Back in the first tab: the waiting reply is sent.
  await dialog.getByRole('button', { name: 'Já entrei pelo link' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status')).toHaveText('Resposta enviada.');
  await expect(page.getByRole('list', { name: 'Conversa' })).toContainText('Escrevi pelo celular e a sessão acabou.');
});
