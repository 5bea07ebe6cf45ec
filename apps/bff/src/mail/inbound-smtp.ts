import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import type { Deps } from '../http/app-env.js';
import { receiveMail } from './inbound.js';

const MAX_MESSAGE_BYTES = 10 * 1024 * 1024;

/**
 * The built-in SMTP listener for replies (SMTP_INBOUND_PORT): accepts mail only for the reply domain,
 * hands each message to receiveMail. No AUTH (it is an MX); TLS belongs to a fronting relay.
 */
export function startInboundSmtp(deps: Pick<Deps, 'db' | 'config' | 'logger' | 'now'>, port: number, host = '0.0.0.0') {
  const domain = `@${deps.config.mailReplyDomain.toLowerCase()}`;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    size: MAX_MESSAGE_BYTES,
    logger: false,
    onRcptTo(address, _session, callback) {
      if (!address.address.toLowerCase().endsWith(domain)) return callback(Object.assign(new Error('Destinatário desconhecido'), { responseCode: 550 }));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (stream.sizeExceeded) return callback(Object.assign(new Error('Mensagem grande demais'), { responseCode: 552 }));
        receiveMail(deps, Buffer.concat(chunks), session.envelope.rcptTo.map((r) => r.address)).then(
          () => callback(),
          (error: unknown) => {
            deps.logger.error({ err: error }, 'inbound mail failed');
            callback(Object.assign(new Error('Falha temporária'), { responseCode: 451 }));
          },
        );
      });
    },
  });
  const listening = new Promise<number>((resolve) => server.listen(port, host, () => resolve((server.server.address() as AddressInfo).port)));
  return { listening, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
