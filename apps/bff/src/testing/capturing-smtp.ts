import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** A real SMTP server on loopback that keeps what it receives, or refuses it when told to. */
export function capturingSmtp(refuse: { code: number } | null = null) {
  const received: { raw: string; rcpt: string[] }[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (refuse) {
          const err = Object.assign(new Error('refused'), { responseCode: refuse.code });
          return callback(err);
        }
        received.push({ raw: Buffer.concat(chunks).toString('utf8'), rcpt: session.envelope.rcptTo.map((r) => r.address) });
        callback();
      });
    },
  });
  return {
    received,
    start: () => new Promise<string>((resolve) => server.listen(0, '127.0.0.1', () => resolve(`smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`))),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
