import { DEMO_PASSWORD } from '@atende/db';
import { TEST_PASSWORD_HASH } from '@atende/db/testing';
import { expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './password.js';

it("the tests' stored hash is DEMO_PASSWORD under the portal's own argon2id parameters", async () => {
  expect(await verifyPassword(TEST_PASSWORD_HASH, DEMO_PASSWORD)).toBe(true);
  expect(await verifyPassword(TEST_PASSWORD_HASH, 'outra-senha-123')).toBe(false);
  const parameters = (hash: string) => hash.split('$').slice(1, 4).join('$'); // algorithm, version, m/t/p
  expect(parameters(TEST_PASSWORD_HASH)).toBe(parameters(await hashPassword(DEMO_PASSWORD)));
});
