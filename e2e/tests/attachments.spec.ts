/// <reference lib="dom" />
import { expect, test } from '@playwright/test';
import { ACCOUNTS, signIn } from '../support/accounts.js';

/** A real (tiny) PNG: what a phone photo is to the server's content check. */
const PHOTO = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

test('a customer files a ticket with a photo in Anexos; it shows as a thumbnail, and a disguised executable is refused', async ({ page }) => {
  await signIn(page, ACCOUNTS.contact);
  await page.goto('/painel/novo');
  await page.getByLabel('Departamento').selectOption({ index: 1 });
  await page.getByLabel('Assunto', { exact: true }).selectOption({ index: 1 });
  await page.getByLabel('Descrição do assunto').fill('Catraca travada aberta');
  await page.getByLabel('Mensagem').fill('A catraca da entrada não trava. Segue a foto.');
  await page.getByLabel('Anexos', { exact: true }).setInputFiles({ name: 'foto-da-catraca.png', mimeType: 'image/png', buffer: PHOTO });
  await expect(page.getByRole('list', { name: 'Arquivos anexados' })).toContainText('foto-da-catraca.png');
  await page.getByRole('button', { name: 'Enviar ticket' }).click();

  await expect(page.getByRole('heading', { level: 1 })).toContainText('Catraca travada aberta');
  const thumbnail = page.getByRole('list', { name: 'Conversa' }).getByRole('img', { name: 'foto-da-catraca.png' });
  await expect(thumbnail).toBeVisible();
  // The image really loads (served inline to its owner).
  await expect.poll(() => thumbnail.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1);

  // An .exe renamed .jpg is refused by content, with the file named, and nothing is attached.
  await page.getByLabel('Anexos', { exact: true }).setInputFiles({ name: 'foto.jpg', mimeType: 'image/jpeg', buffer: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(512, 7)]) });
  await expect(page.getByRole('alert')).toContainText('O tipo do arquivo "foto.jpg" não é aceito');
  await expect(page.getByRole('list', { name: 'Arquivos anexados' })).toHaveCount(0);
});
