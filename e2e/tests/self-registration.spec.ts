import { getPortalSettings, savePortalSettings } from '@atende/db';
import { randomUUID } from 'node:crypto';
import { expect, test } from '../support/fixtures.js';
import { ACCOUNTS, signIn } from '../support/accounts.js';
import { linkMailedTo } from '../support/outbox-mail.js';
import { expectNoAxeViolations, expectNoSidewaysScroll, PHONE } from '../support/phone.js';

const SELF_REGISTER = 'Clientes criam a própria conta pelo portal (com confirmação por e-mail)';

/**
 * Issue 17: an admin lets customers sign up; a customer does it on a phone and confirms the address from
 * the e-mail, choosing a password there. Off by default: the sign-in page offers no "Criar conta" then.
 */
test('a customer signs up on a phone once the admin allows it, and confirms from the e-mailed link', async ({ browser, db }) => {
  const phone = await (await browser.newContext({ locale: 'pt-BR', viewport: PHONE })).newPage();
  await phone.goto('/entrar');
  await expect(phone.getByRole('heading', { name: 'Entrar no Atende' })).toBeVisible();
  await expect(phone.getByRole('link', { name: 'Criar conta' })).toHaveCount(0);

  const admin = await (await browser.newContext({ locale: 'pt-BR' })).newPage();
  await signIn(admin, ACCOUNTS.admin);
  await admin.goto('/console/admin/portal');
  await admin.getByLabel(SELF_REGISTER).check();
  await admin.getByRole('button', { name: 'Salvar' }).click();
  await expect(admin.getByRole('status')).toHaveText('Alterações salvas.');

  try {
    const email = `novo-${randomUUID().slice(0, 8)}@example.test`;
    await phone.reload();
    await phone.getByRole('link', { name: 'Criar conta' }).click();
    await expect(phone.getByRole('heading', { name: 'Criar conta' })).toBeVisible();
    await expectNoSidewaysScroll(phone, 'Criar conta');
    await expectNoAxeViolations(phone, 'Criar conta');
    await phone.getByLabel('Nome').fill('Joana Assinante');
    await phone.getByLabel('E-mail').fill(email);
    await phone.getByRole('button', { name: 'Criar conta' }).click();
    await expect(phone.getByRole('status')).toContainText(`Enviamos um link para ${email}`);

    // The e-mail, as the outbox hands it to the mail relay.
    const link = await linkMailedTo(db, email, 'account_registration', '/cadastro');

    await phone.goto(link);
    await expect(phone.getByRole('heading', { name: 'Confirmar cadastro' })).toBeVisible();
    await expect(phone.getByText(`Conta de Joana Assinante (${email})`)).toBeVisible();
    await expectNoSidewaysScroll(phone, 'Confirmar cadastro');
    await expectNoAxeViolations(phone, 'Confirmar cadastro');
    await phone.getByLabel('Nova senha').fill('123');
    await phone.getByRole('button', { name: 'Criar conta e entrar' }).click();
    await expect(phone.getByText('Use pelo menos 8 caracteres.')).toBeVisible();
    await phone.getByLabel('Nova senha').fill('minha senha de assinante');
    await phone.getByRole('button', { name: 'Criar conta e entrar' }).click();

    // Signed in on the Painel do Cliente, with nothing filed yet.
    await expect(phone).toHaveURL(/\/painel$/);
    await expect(phone.getByRole('tab', { name: /^Todos os chamados/ })).toBeVisible();
    await expectNoSidewaysScroll(phone, 'Painel do Cliente');

    // The link worked once: opened again, it says so and offers no form.
    await phone.goto(link);
    await expect(phone.getByRole('alert')).toHaveText('Este link não vale mais: ele já foi usado ou expirou. Peça um novo.');
    await expect(phone.getByLabel('Nova senha')).toHaveCount(0);
  } finally {
    // Other journeys expect the default (sign-up off).
    savePortalSettings(db, { ...getPortalSettings(db), customersSelfRegister: false });
  }
});
