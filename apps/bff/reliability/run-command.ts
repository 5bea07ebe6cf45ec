import { spawn } from 'node:child_process';

/** Runs a command to its end: its exit code and everything it printed (for the assertion message). */
export function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<{ code: number | null; out: string }> {
  return new Promise((done) => {
    let out = '';
    const child = spawn(command, args, { env });
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (out += chunk));
    child.on('exit', (code) => done({ code, out }));
  });
}
