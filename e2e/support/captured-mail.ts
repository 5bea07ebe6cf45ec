import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from '@playwright/test';

/** Undoes quoted-printable (soft line breaks and =XX), enough to read links out of a text part. */
function unquote(raw: string): string {
  return raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

function linksTo(mailDir: string, address: string, path: string): string[] {
  const pattern = new RegExp(`https?://[^\\s"<>]+${path}/[A-Za-z0-9_-]{43}`, 'g');
  return readdirSync(mailDir)
    .filter((file) => file.endsWith('.json')) // not a message still being written (golive-server.mjs)
    .sort()
    .map((file) => JSON.parse(readFileSync(join(mailDir, file), 'utf8')) as { to: string[]; raw: string })
    .filter((mail) => mail.to.includes(address.toLowerCase()))
    .flatMap((mail) => unquote(mail.raw).match(pattern) ?? []);
}

/** Waits until the SMTP sink has received an e-mail with such a link for this address; returns the latest. */
export async function waitForLink(address: string, path = '/convite'): Promise<string> {
  const mailDir = process.env.E2E_GOLIVE_MAIL_DIR!;
  await expect.poll(() => linksTo(mailDir, address, path).length, { timeout: 30_000, message: `an e-mail with a ${path} link to ${address}` }).toBeGreaterThan(0);
  return linksTo(mailDir, address, path).at(-1)!;
}
