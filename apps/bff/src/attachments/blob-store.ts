import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, mkdirSync } from 'node:fs';
import { open, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';

/**
 * Content-addressed file storage under DATA_DIR/attachments: a file's path is its SHA-256, so no path
 * is ever built from a name a user typed, and the same photo sent twice is stored once. Bytes are
 * streamed to a temporary file (never held whole in memory), fsynced, and only then renamed into
 * place; the database row that names them is written after, so a row never points to missing bytes.
 */
export interface BlobStore {
  root: string;
  /** Streams `source` to a temporary file, stopping at `maxBytes` (`tooBig`: the rest was discarded). */
  receive(source: Readable, maxBytes: number): Promise<ReceivedBlob>;
  /** Moves a received temporary file to its content address (atomic rename; fsynced before). */
  keep(blob: ReceivedBlob): Promise<void>;
  discard(blob: ReceivedBlob): Promise<void>;
  pathOf(sha256: string): string;
  read(sha256: string): Readable;
  has(sha256: string): boolean;
  remove(sha256: string): Promise<void>;
}

export interface ReceivedBlob {
  tempPath: string;
  sha256: string;
  size: number;
  tooBig: boolean;
}

export function createBlobStore(dataDir: string): BlobStore {
  const root = join(dataDir, 'attachments');
  const tmp = join(root, 'tmp');
  const pathOf = (sha256: string) => {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error('not a sha256');
    return join(root, sha256.slice(0, 2), sha256);
  };
  return {
    root,
    pathOf,
    async receive(source, maxBytes) {
      mkdirSync(tmp, { recursive: true });
      const tempPath = join(tmp, `${randomBytes(12).toString('hex')}.part`);
      const hash = createHash('sha256');
      const out = createWriteStream(tempPath, { flags: 'wx' });
      let size = 0;
      let tooBig = false;
      try {
        await new Promise<void>((resolve, reject) => {
          source.on('data', (chunk: Buffer) => {
            if (tooBig) return;
            if (size + chunk.length > maxBytes) {
              tooBig = true; // keep draining the source, store nothing more
              return;
            }
            size += chunk.length;
            hash.update(chunk);
            if (!out.write(chunk)) {
              source.pause();
              out.once('drain', () => source.resume());
            }
          });
          source.once('error', reject);
          source.once('end', () => out.end());
          out.once('error', reject);
          out.once('finish', resolve);
        });
      } catch (error) {
        out.destroy();
        await rm(tempPath, { force: true });
        throw error;
      }
      return { tempPath, sha256: hash.digest('hex'), size, tooBig };
    },
    async keep(blob) {
      const target = pathOf(blob.sha256);
      if (existsSync(target)) {
        await rm(blob.tempPath, { force: true });
        return;
      }
      const handle = await open(blob.tempPath, 'r');
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
      mkdirSync(join(root, blob.sha256.slice(0, 2)), { recursive: true });
      await rename(blob.tempPath, target);
      const dir = await open(join(root, blob.sha256.slice(0, 2)), 'r');
      try {
        await dir.sync(); // the rename itself survives a power loss
      } finally {
        await dir.close();
      }
    },
    async discard(blob) {
      await rm(blob.tempPath, { force: true });
    },
    read: (sha256) => createReadStream(pathOf(sha256)),
    has: (sha256) => existsSync(pathOf(sha256)),
    async remove(sha256) {
      await rm(pathOf(sha256), { force: true });
    },
  };
}

export async function blobSize(store: BlobStore, sha256: string): Promise<number> {
  return (await stat(store.pathOf(sha256))).size;
}
