import { Writable } from 'node:stream';
// eslint-disable-next-line no-restricted-imports -- drizzle's own error type, as the store throws it
import { DrizzleQueryError } from 'drizzle-orm/errors';
import { describe, expect, it } from 'vitest';
import { createLogger } from './create-logger.js';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { lines, logger: createLogger('info', stream) };
}

describe('the server log', () => {
  it("keeps a failed query's SQL and the database's error, never the customer data it carried", () => {
    const { lines, logger } = capture();
    const cause = Object.assign(new Error('duplicate key value violates unique constraint "contacts_email_unique"'), { code: '23505' });
    logger.error({ err: new DrizzleQueryError('insert into contacts (name, email) values ($1, $2)', ['Carla Souza', 'carla@cliente.com.br'], cause) }, 'unhandled error');
    const line = lines.join('');
    expect(line).toContain('insert into contacts (name, email) values ($1, $2)');
    expect(line).toContain('contacts_email_unique');
    expect(line).toContain('23505');
    expect(line).not.toContain('carla@cliente.com.br');
    expect(line).not.toContain('Carla Souza');
  });

  it('logs any other error whole', () => {
    const { lines, logger } = capture();
    logger.error({ err: new Error('SMTP 421: try again later') }, 'outbox relay failed');
    expect(lines.join('')).toContain('SMTP 421: try again later');
  });
});
