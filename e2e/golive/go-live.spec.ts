import { execFileSync } from 'node:child_process';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { signIn } from '../support/accounts.js';
import { waitForLink } from '../support/captured-mail.js';

const ADMIN = { email: 'ti@provedor.example', name: 'Marina TI', password: 'marina-senha-forte-2026' };
const AGENT = { email: 'bruno@provedor.example', name: 'Bruno Suporte', password: 'bruno-senha-forte-2026' };
const CONTACT = { email: 'joao@padaria.example', name: 'João Conceição', password: 'joao-senha-forte-2026' };

/** Three contacts as Excel on Windows saves a CSV: Windows-1252, `;`. */
function contactsCsv(): Buffer {
  const text = ['Nome;E-mail;Telefone;Empresa', `${CONTACT.name};${CONTACT.email};(51) 99999-1234;Padaria Pão Quente`, 'Márcia Sá;marcia@padaria.example;(51) 98888-4321;Padaria Pão Quente', 'Otávio Reis;otavio@mercado.example;;'].join('\r\n');
  return Buffer.from(text, 'latin1'); // these accents are the same bytes in Windows-1252
}

/** `pnpm admin:create` as the operator runs it on the server, while the server runs. */
function adminCreate(): string {
  const port = process.env.E2E_PORT ?? '3100';
  const out = execFileSync(process.execPath, ['apps/bff/dist/admin-create.js', '--email', ADMIN.email, '--name', ADMIN.name], {
    cwd: new URL('../..', import.meta.url).pathname,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATA_DIR: process.env.E2E_GOLIVE_DATA_DIR,
      PUBLIC_ORIGIN: `https://localhost:${port}`,
      MAIL_MODE: 'mailbox',
      // On PostgreSQL (E2E_GOLIVE_ENGINE=pg) the operator's command reads the same DATABASE_URL as the server.
      ...(process.env.E2E_GOLIVE_DATABASE_URL ? { DATABASE_URL: process.env.E2E_GOLIVE_DATABASE_URL } : {}),
    },
    encoding: 'utf8',
  });
  return /(https?:\/\/\S+\/convite\/[A-Za-z0-9_-]{43})/.exec(out)![1]!;
}

/** Opens an invitation link in a fresh browser, sets the password on "Criar sua senha", then signs in. */
async function acceptInvitation(browser: Browser, link: string, who: { email: string; password: string }): Promise<Page> {
  const page = await (await browser.newContext({ locale: 'pt-BR' })).newPage();
  await page.goto(link);
  await expect(page.getByRole('heading', { level: 1, name: 'Criar sua senha' })).toBeVisible();
  await page.getByLabel('Nova senha').fill(who.password);
  await page.getByRole('button', { name: 'Salvar senha' }).click();
  await expect(page.getByRole('status')).toBeVisible();
  await signIn(page, who.email, who.password);
  return page;
}

test('a company goes live from an empty database: first admin, team, contacts, and a first ticket solved', async ({ browser }) => {
  // The first admin, from the command line; the link is built on PUBLIC_ORIGIN.
  const adminLink = adminCreate();
  expect(adminLink).toMatch(new RegExp(`^https://localhost:${process.env.E2E_PORT ?? '3100'}/convite/`));
  const admin = await acceptInvitation(browser, adminLink, ADMIN);
  // Production behind nginx on https: the session cookie is the __Host- one, Secure, HttpOnly, Strict.
  const session = (await admin.context().cookies()).find((c) => c.name === '__Host-atende_session');
  expect(session).toMatchObject({ secure: true, httpOnly: true, path: '/' });
  expect(session!.domain).toBe('localhost'); // __Host-: no Domain attribute, so host-only

  // What the portal offers: a department serving customers and a subject for it.
  await admin.goto('/console/admin/departamentos');
  const department = admin.getByRole('form', { name: 'Novo' });
  await department.getByLabel('Nome').fill('Suporte');
  await department.getByLabel('Presta atendimento externo').check();
  await department.getByRole('button', { name: 'Adicionar' }).click();
  await expect(admin.getByRole('form', { name: 'Suporte' })).toBeVisible();
  await admin.goto('/console/admin/assuntos');
  const subject = admin.getByRole('form', { name: 'Novo' });
  await subject.getByLabel('Nome').fill('Sem conexão');
  await subject.getByLabel('Mostrar no hotsite').check();
  await subject.getByLabel('Departamento padrão').selectOption({ label: 'Suporte' });
  await subject.getByRole('button', { name: 'Adicionar' }).click();
  await expect(admin.getByRole('form', { name: 'Sem conexão' })).toBeVisible();

  // Equipe → Convidar.
  await admin.getByRole('link', { name: 'Equipe' }).click();
  const invite = admin.getByRole('form', { name: 'Convidar pessoa' });
  await invite.getByLabel('Nome').fill(AGENT.name);
  await invite.getByLabel('E-mail').fill(AGENT.email);
  await invite.getByLabel('Papel').selectOption({ label: 'Agente' });
  await invite.getByLabel('Suporte').check();
  await invite.getByRole('button', { name: 'Convidar' }).click();
  await expect(invite.getByRole('status')).toHaveText(`Convite enviado para ${AGENT.email}.`);
  await expect(admin.getByRole('row', { name: new RegExp(AGENT.name) })).toContainText('Convite pendente');

  // The customers' company, then the contacts from a spreadsheet.
  await admin.goto('/console/clientes/nova-empresa');
  await admin.getByLabel('Nome').fill('Padaria Pão Quente');
  await admin.getByRole('button', { name: 'Salvar' }).click();
  await expect(admin.getByRole('heading', { level: 1, name: 'Padaria Pão Quente' })).toBeVisible();

  await admin.goto('/console/admin/importar-contatos');
  await admin.getByLabel('Arquivo CSV').setInputFiles({ name: 'contatos.csv', mimeType: 'text/csv', buffer: contactsCsv() });
  await expect(admin.getByText('3 linhas encontradas (windows-1252, separador ;).')).toBeVisible();
  await expect(admin.getByLabel('Empresa', { exact: true })).toHaveValue('3');
  await admin.getByRole('button', { name: 'Simular importação' }).click();
  await expect(admin.getByText('Simulação: 3 linhas, 3 prontas para importar, 0 com erro. Nada foi gravado.')).toBeVisible();
  await admin.getByLabel('Enviar convite por e-mail aos contatos sem senha').check();
  await admin.getByRole('button', { name: 'Importar' }).click();
  await expect(admin.getByText('Importação concluída: 3 criados, 0 atualizados, 3 convites enviados, 0 linhas com erro ignoradas.')).toBeVisible();

  // The agent and one contact accept their invitations from the e-mails they received.
  const agent = await acceptInvitation(browser, await waitForLink(AGENT.email), AGENT);
  const contact = await acceptInvitation(browser, await waitForLink(CONTACT.email), CONTACT);

  // The contact files a ticket.
  await contact.getByRole('link', { name: 'Novo atendimento' }).click();
  await contact.getByLabel('Assunto', { exact: true }).selectOption({ label: 'Sem conexão' });
  await contact.getByLabel('Descrição do assunto').fill('Internet caiu na padaria');
  await contact.getByLabel('Mensagem').fill('Desde as 7h sem internet no caixa.');
  await contact.getByRole('button', { name: 'Enviar ticket' }).click();
  await expect(contact.getByRole('heading', { level: 1 })).toContainText('Internet caiu na padaria');
  const ticketUrl = contact.url();

  // The agent (the department's only member) answers and resolves.
  await agent.goto('/console');
  await agent.locator('tbody tr', { hasText: 'Internet caiu na padaria' }).getByRole('link').click();
  await agent.getByLabel('Resposta pública').check();
  await agent.getByLabel('Mensagem', { exact: true }).fill('Reiniciamos sua porta na OLT; pode testar?');
  await agent.getByLabel('Situação após responder').selectOption('resolved');
  await agent.getByRole('button', { name: 'Enviar' }).click();
  await expect(agent.locator('.ticket-header').getByText('Resolvido')).toBeVisible();

  // The contact confirms the solution.
  await contact.goto(ticketUrl);
  await expect(contact.getByRole('list', { name: 'Conversa' })).toContainText('Reiniciamos sua porta na OLT; pode testar?');
  await contact.getByRole('button', { name: 'Confirmar solução' }).click();
  await expect(contact.getByRole('status')).toHaveText('Solução confirmada. Obrigado!');
  await expect(contact.locator('.ticket-header').getByText('Concluído')).toBeVisible();
});
