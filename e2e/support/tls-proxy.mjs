// Debian's nginx in front of the go-live server, with a self-signed certificate, configured from the
// very file the production guide tells operators to install (deploy/nginx-atende.conf): only the
// addresses, the certificate paths and the upstream port are swapped for local ones. If that file stops
// working on Debian's nginx, the go-live journey fails.
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx', '/usr/local/sbin/nginx', '/opt/homebrew/bin/nginx'].find((path) => existsSync(path));

/** A port nobody listens on right now (the OS picks it). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** The production guide's site file, pointed at this machine. */
function siteConfig(repo, { httpsPort, httpPort, upstreamPort, certificate, key }) {
  const documented = readFileSync(join(repo, 'deploy/nginx-atende.conf'), 'utf8');
  const swaps = [
    [/^\s*listen \[::\]:\d+[^;]*;\n/gm, ''], // loopback only: no IPv6 listener needed here
    [/listen 443 ssl/g, `listen 127.0.0.1:${httpsPort} ssl`],
    [/listen 80;/g, `listen 127.0.0.1:${httpPort};`],
    [/server_name atende\.example\.com\.br;/g, 'server_name localhost;'],
    [/ssl_certificate\s+\S+;/g, `ssl_certificate ${certificate};`],
    [/ssl_certificate_key\s+\S+;/g, `ssl_certificate_key ${key};`],
    [/proxy_pass http:\/\/127\.0\.0\.1:3000;/g, `proxy_pass http://127.0.0.1:${upstreamPort};`],
  ];
  let site = documented;
  for (const [pattern, replacement] of swaps) {
    if (!pattern.test(site)) throw new Error(`deploy/nginx-atende.conf changed: ${pattern} no longer matches; update e2e/support/tls-proxy.mjs`);
    site = site.replace(pattern, replacement);
  }
  return site;
}

/**
 * Starts nginx (no daemon, its own prefix under `dir`) serving https://localhost:<httpsPort> in front of
 * 127.0.0.1:<upstreamPort>. Returns the child process.
 */
export function startTlsProxy(repo, dir, { httpsPort, httpPort, upstreamPort }) {
  if (!NGINX) throw new Error('The go-live journey runs behind nginx: install it (Debian: apt-get install nginx).');
  mkdirSync(join(dir, 'temp'), { recursive: true });
  // Workers run as an unprivileged user when the master is root: they must be able to write temp files.
  chmodSync(dir, 0o755);
  chmodSync(join(dir, 'temp'), 0o777);
  const certificate = join(dir, 'localhost.crt');
  const key = join(dir, 'localhost.key');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost', '-keyout', key, '-out', certificate], { stdio: 'ignore' });
  writeFileSync(join(dir, 'atende-site.conf'), siteConfig(repo, { httpsPort, httpPort, upstreamPort, certificate, key }));
  const temp = join(dir, 'temp');
  writeFileSync(
    join(dir, 'nginx.conf'),
    [
      'worker_processes 1;',
      'daemon off;',
      `pid ${join(dir, 'nginx.pid')};`,
      'error_log stderr crit;', // not the 502s while Atende starts; config errors (emerg) still show,
      'events { worker_connections 512; }',
      'http {',
      '  access_log off;',
      `  client_body_temp_path ${temp}/body; proxy_temp_path ${temp}/proxy; fastcgi_temp_path ${temp}/fastcgi; uwsgi_temp_path ${temp}/uwsgi; scgi_temp_path ${temp}/scgi;`,
      `  include ${join(dir, 'atende-site.conf')};`,
      '}',
      '',
    ].join('\n'),
  );
  const args = ['-p', dir, '-e', 'stderr', '-c', join(dir, 'nginx.conf')];
  execFileSync(NGINX, [...args, '-t'], { stdio: 'inherit' }); // the documented file must pass `nginx -t`
  return spawn(NGINX, args, { stdio: 'inherit' });
}
