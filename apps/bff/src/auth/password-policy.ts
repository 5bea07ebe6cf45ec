import { readFileSync } from 'node:fs';

/**
 * Password rules beyond length (contracts checks 8..128): no password on the shipped list of common and
 * breached passwords, and not the account's own e-mail. No composition rules (ASVS 6.2.5).
 */
const COMMON = new Set(
  readFileSync(new URL('./common-passwords.txt', import.meta.url), 'utf8')
    .split('\n')
    .map((line) => line.trim().toLowerCase())
    .filter((line) => line && !line.startsWith('#')),
);

export function commonPasswordCount(): number {
  return COMMON.size;
}

/** A pt-BR reason the password is refused, or null. */
export function passwordProblem(password: string, account: { email: string }): string | null {
  const normalized = password.trim().toLowerCase();
  if (COMMON.has(normalized)) return 'Esta senha é comum demais ou já apareceu em vazamentos. Escolha outra.';
  if (normalized === account.email.toLowerCase() || normalized === account.email.split('@')[0]!.toLowerCase()) {
    return 'A senha não pode ser o seu e-mail.';
  }
  return null;
}
