import type { Db } from './client.js';

/**
 * Runs work that is redone if lost (the automation pass in a process of its own, `pnpm
 * automations:run`) with commits that do not wait for the disk: synchronous=NORMAL in WAL mode. A
 * commit then survives a crash of the process (the WAL is in the operating system's hands) and is on
 * disk at the next checkpoint or the next FULL commit's sync; only a power cut or a kernel crash in
 * between may lose the last batches, and never corrupts the file. A lost batch is redone by the next
 * pass to the same end state: the rules re-decide on the fresh row, and its e-mails carry dedupe keys.
 *
 * FULL is restored before this returns (or throws), so what the process writes next (the relay's
 * claims, for instance) is durable again, and its first commit also syncs the batches before it.
 * Never for a connection that serves requests: their writes are acknowledged, so they stay FULL.
 */
export async function withRedoableCommits<T>(writer: Db, work: () => Promise<T>): Promise<T> {
  writer.$client.pragma('synchronous = NORMAL');
  try {
    return await work();
  } finally {
    writer.$client.pragma('synchronous = FULL');
  }
}
