// The go-live journey's server: the real production configuration (NODE_ENV=production, built
// JavaScript run by plain `node`, PUBLIC_ORIGIN on https, SMTP delivery) over an empty data directory,
// behind Debian's nginx with a self-signed certificate (see tls-proxy.mjs), with a local SMTP sink
// standing in for the company's mail server. Every delivered message is written to
// $E2E_GOLIVE_MAIL_DIR as JSON ({ to, raw }) so the journey reads the e-mails people would receive.
import { spawn } from 'node:child_process';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { freePort, startTlsProxy } from './tls-proxy.mjs';

const repo = new URL('../..', import.meta.url).pathname;
// smtp-server is a dependency of the BFF (its inbound listener); borrow it from there.
const { SMTPServer } = createRequire(join(repo, 'apps/bff/package.json'))('smtp-server');

const port = process.env.E2E_PORT ?? '3100';
const mailDir = process.env.E2E_GOLIVE_MAIL_DIR;
const dataDir = process.env.E2E_GOLIVE_DATA_DIR;
if (!mailDir || !dataDir) throw new Error('E2E_GOLIVE_MAIL_DIR and E2E_GOLIVE_DATA_DIR must be set');
mkdirSync(mailDir, { recursive: true });

let count = 0;
const sink = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  onData(stream, session, callback) {
    const chunks = [];
    stream.on('data', (chunk) => chunks.push(chunk));
    stream.on('end', () => {
      count += 1;
      const to = session.envelope.rcptTo.map((r) => r.address.toLowerCase());
      // Written aside, then renamed: the journey polls this directory, and a reader that listed the file
      // while it was being written read half a JSON document (a CI run failed so).
      const file = join(mailDir, `${String(count).padStart(5, '0')}.json`);
      writeFileSync(`${file}.partial`, JSON.stringify({ to, raw: Buffer.concat(chunks).toString('utf8') }));
      renameSync(`${file}.partial`, file);
      callback();
    });
  },
});
// An ephemeral port: the journey's only fixed port is the web one.
sink.listen(0, '127.0.0.1', async () => {
  const smtpPort = sink.server.address().port;
  // The journey's port is nginx's (https); Atende listens on loopback behind it, as in the guide.
  const upstreamPort = await freePort();
  const proxy = startTlsProxy(repo, join(dataDir, 'nginx'), { httpsPort: port, httpPort: await freePort(), upstreamPort });
  const server = spawn(process.execPath, ['apps/bff/dist/server.js'], {
    cwd: repo,
    stdio: 'inherit',
    env: {
      ...process.env,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(upstreamPort),
      DATA_DIR: dataDir,
      PUBLIC_ORIGIN: `https://localhost:${port}`,
      TRUSTED_PROXIES: '127.0.0.1',
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      MAIL_FROM: 'Atende <atendimento@provedor.example>',
      LOG_LEVEL: 'warn',
      ...(process.env.E2E_GOLIVE_DATABASE_URL ? { DATABASE_URL: process.env.E2E_GOLIVE_DATABASE_URL } : {}),
    },
  });
  const stop = (signal) => {
    server.kill(signal);
    proxy.kill('SIGQUIT'); // nginx's graceful shutdown
  };
  proxy.on('exit', (code) => {
    if (code) server.kill('SIGTERM'); // no proxy, no journey: fail rather than wait
  });
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  server.on('exit', (code) => {
    sink.close();
    proxy.kill('SIGQUIT');
    process.exit(code ?? 0);
  });
});
