import { connect, type Socket } from 'node:net';

/**
 * A bare SMTP client for tests: sends exactly the lines given and returns each reply, so a test can
 * read the code the server answers to RCPT TO, MAIL FROM SIZE=… or the end of DATA (no client library
 * that would retry, reformat or refuse first).
 */
export interface RawSmtp {
  greeting: string;
  /** Sends one command line; resolves with the complete (possibly multi-line) reply. */
  command(line: string): Promise<string>;
  /** Sends DATA, the raw message (dot-stuffed here) and the final dot; resolves with the final reply. */
  data(raw: string | Buffer): Promise<string>;
  close(): void;
  closed: Promise<void>;
}

export function rawSmtp(port: number): Promise<RawSmtp> {
  return new Promise((resolve, reject) => {
    const socket: Socket = connect(port, '127.0.0.1');
    let buffer = '';
    const waiting: ((reply: string) => void)[] = [];
    const closed = new Promise<void>((done) => socket.once('close', () => done()));
    socket.on('data', (chunk) => {
      buffer += chunk.toString('latin1');
      // A reply ends at a line "NNN text" (a space after the code, not a dash).
      for (;;) {
        const match = /(^|\r\n)(\d{3}) [^\r\n]*\r\n/.exec(buffer);
        if (!match) break;
        const end = match.index + match[0].length;
        const reply = buffer.slice(0, end).replace(/^\r\n/, '');
        buffer = buffer.slice(end);
        waiting.shift()?.(reply);
      }
    });
    socket.once('error', reject);
    const next = () => new Promise<string>((r) => waiting.push(r));
    const closedReply = closed.then(() => '(closed)');
    const reply = () => Promise.race([next(), closedReply]);
    const command = (line: string) => {
      const answer = reply();
      socket.write(`${line}\r\n`);
      return answer;
    };
    void reply().then((greeting) => {
      resolve({
        greeting,
        command,
        async data(raw) {
          const go = await command('DATA');
          if (!go.startsWith('354')) return go;
          const text = (typeof raw === 'string' ? raw : raw.toString('latin1')).replace(/\r?\n/g, '\r\n').replace(/^\./gm, '..');
          const answer = reply();
          socket.write(text.endsWith('\r\n') ? text : `${text}\r\n`, 'latin1');
          socket.write('.\r\n');
          return answer;
        },
        close: () => socket.end('QUIT\r\n'),
        closed,
      });
    });
  });
}
