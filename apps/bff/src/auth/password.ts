import { hash, verify } from '@node-rs/argon2';

// OWASP's argon2id floor (m=19 MiB, t=2, p=1); verification reads the parameters from the stored hash.
const OPTIONS = { algorithm: 2 /* Algorithm.Argon2id: a const enum, unusable under verbatimModuleSyntax */, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  try {
    return await verify(storedHash, password);
  } catch {
    return false; // a malformed stored hash never lets anyone in
  }
}

let dummyHash: Promise<string> | undefined;
/** Verifies against a throwaway hash so an unknown e-mail costs the same time as a wrong password. */
export async function spendVerifyTime(password: string): Promise<void> {
  dummyHash ??= hashPassword('atende-dummy-password');
  await verifyPassword(await dummyHash, password);
}
