/// <reference lib="dom" />
import { crc32, deflateSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { ACCOUNTS, signIn } from '../support/accounts.js';

/** A real 800×600 PNG (a striped photo stand-in), encoded here: the server must shrink it for the thread. */
function png(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) rows.set([(x * 5) % 256, (y * 3) % 256, 128], y * (width * 3 + 1) + 1 + x * 3);
  }
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}
const PHOTO = png(800, 600);

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
  // The server's thumbnail really loads: 240×180 (800×600 shrunk, proportions kept), not the original
  // scaled by CSS; it links to the full image.
  await expect.poll(() => thumbnail.evaluate((img: HTMLImageElement) => img.complete && [img.naturalWidth, img.naturalHeight].join('×'))).toBe('240×180');
  const full = await thumbnail.locator('xpath=..').getAttribute('href');
  expect(full).toMatch(/^\/api\/tickets\/\d+\/attachments\/\d+$/);
  const original = await page.request.get(full!);
  expect(original.headers()['content-type']).toBe('image/png');
  expect((await original.body()).equals(PHOTO)).toBe(true);

  // An .exe renamed .jpg is refused by content, with the file named, and nothing is attached.
  await page.getByLabel('Anexos', { exact: true }).setInputFiles({ name: 'foto.jpg', mimeType: 'image/jpeg', buffer: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(512, 7)]) });
  await expect(page.getByRole('alert')).toContainText('O tipo do arquivo "foto.jpg" não é aceito');
  await expect(page.getByRole('list', { name: 'Arquivos anexados' })).toHaveCount(0);
});
