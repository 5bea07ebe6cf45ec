import type { AddressInfo } from 'node:net';
import { getOrCreateSecret, getTicket } from '@atende/db/store';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';
import type { Deps } from '../http/app-env.js';
import { counterFor, createRateLimiter } from '../http/rate-limiter.js';
import { MalformedMailError, receiveMail } from './inbound.js';
import { scanMime } from './mime-limits.js';
import { ticketOfReplyAddress } from './reply-address.js';

/** Per client address: connections open at once, and messages a minute. */
export interface InboundSmtpLimits {
  connectionsPerClient: number;
  messagesPerMinute: number;
}
const DEFAULT_LIMITS: InboundSmtpLimits = { connectionsPerClient: 5, messagesPerMinute: 30 };

const smtpError = (code: number, message: string) => Object.assign(new Error(message), { responseCode: code });

/**
 * The built-in SMTP listener for replies (SMTP_INBOUND_PORT). An MX for the reply domain, so:
 * - `RCPT TO` must be a ticket address with a valid signature of an existing ticket (550 before the body);
 * - SIZE is announced in EHLO and enforced (MAIL FROM SIZE= and the bytes received: 552, nothing kept);
 * - each client address gets a few connections at once (421) and a number of messages a minute (450);
 * - a malformed message (a parser bomb: thousands of nested or sibling parts or header lines) is a
 *   permanent 554, never a 451 that makes the sender retry forever; only our own failure is temporary.
 * No AUTH (it is an MX); TLS belongs to a fronting relay.
 */
export function startInboundSmtp(deps: Pick<Deps, 'db' | 'config' | 'logger' | 'now' | 'events'>, port: number, host = '0.0.0.0', limits: InboundSmtpLimits = DEFAULT_LIMITS) {
  const domain = `@${deps.config.mailReplyDomain.toLowerCase()}`;
  const maxBytes = deps.config.inboundMaxMessageBytes;
  const open = new Map<string, number>();
  const rate = createRateLimiter({ name: 'inbound_smtp', limit: limits.messagesPerMinute, windowMs: 60_000 });
  // The listener runs in every instance: on PostgreSQL its counts are shared like the routes'.
  const counter = counterFor(deps.db);
  const clientOf = (session: SMTPServerSession) => session.remoteAddress || 'unknown';

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    size: maxBytes,
    logger: false,
    onConnect(session, callback) {
      const client = clientOf(session);
      const count = (open.get(client) ?? 0) + 1;
      open.set(client, count);
      if (count > limits.connectionsPerClient) return callback(smtpError(421, 'Conexões demais deste endereço; tente mais tarde'));
      callback();
    },
    onClose(session) {
      const client = clientOf(session);
      const count = (open.get(client) ?? 1) - 1;
      if (count <= 0) open.delete(client);
      else open.set(client, count);
    },
    onMailFrom(_address, session, callback) {
      rate.hit(counter, [clientOf(session)], deps.now()).then(
        (wait) => callback(wait > 0 ? smtpError(450, 'Mensagens demais deste endereço; tente mais tarde') : undefined),
        (error: unknown) => callback(error as Error),
      );
    },
    async onRcptTo(address, _session, callback) {
      const rcpt = address.address.toLowerCase();
      const ticketId = rcpt.endsWith(domain) ? ticketOfReplyAddress(await getOrCreateSecret(deps.db, 'reply_address'), rcpt) : null;
      if (ticketId === null || !await getTicket(deps.db, ticketId)) return callback(smtpError(550, 'Destinatário desconhecido'));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size <= maxBytes) chunks.push(chunk); // past the limit nothing more is kept
      });
      stream.on('end', () => {
        if (stream.sizeExceeded || size > maxBytes) return callback(smtpError(552, 'Mensagem grande demais'));
        const raw = Buffer.concat(chunks);
        const scan = scanMime(raw);
        if (!scan.ok) {
          deps.logger.warn({ client: clientOf(session), reason: scan.reason }, 'inbound mail refused: malformed MIME');
          return callback(smtpError(554, 'Mensagem malformada'));
        }
        const mailFrom = session.envelope.mailFrom ? session.envelope.mailFrom.address : null;
        receiveMail(deps, raw, session.envelope.rcptTo.map((r) => r.address), { mailFrom, clientAddress: clientOf(session) }).then(
          () => callback(),
          (error: unknown) => {
            if (error instanceof MalformedMailError) return callback(smtpError(554, 'Mensagem malformada'));
            deps.logger.error({ err: error }, 'inbound mail failed');
            callback(smtpError(451, 'Falha temporária'));
          },
        );
      });
    },
  });
  const listening = new Promise<number>((resolve) => server.listen(port, host, () => resolve((server.server.address() as AddressInfo).port)));
  return { listening, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
