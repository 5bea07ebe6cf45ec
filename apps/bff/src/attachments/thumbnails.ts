import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import type { BlobStore } from './blob-store.js';

/**
 * Thumbnails of image attachments, made on the server with sharp (libvips) the first time a thread asks
 * for one, so a page shows a few KB instead of each full photo scaled down by CSS. Stored content-
 * addressed like the files: `$DATA_DIR/thumbnails/<sha256[0..2]>/<sha256>-<box>.webp`, named after the
 * original's hash (same photo, same thumbnail; nothing to clean when a row goes). They can always be
 * made again, so backups leave them out.
 */

/** Twice the thread's 120×90 box, for high-density screens. */
export const THUMBNAIL_BOX = { width: 240, height: 180 } as const;

/** A decompression bomb (a tiny file claiming 100k × 100k pixels) is refused before decoding. */
const MAX_INPUT_PIXELS = 40_000_000;

// One image at a time per call: the server shares its cores with requests (libvips would take them all).
sharp.concurrency(1);
sharp.cache(false);

export function thumbnailPathOf(dataDir: string, sha256: string): string {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error('not a sha256');
  return join(dataDir, 'thumbnails', sha256.slice(0, 2), `${sha256}-${THUMBNAIL_BOX.width}x${THUMBNAIL_BOX.height}.webp`);
}

/**
 * The thumbnail's path, made now if it is not there yet; null when the image cannot be decoded (a
 * damaged or hostile file: the thread then shows its name, as for any other file). Written to a
 * temporary file and renamed, so a request racing this one reads a whole thumbnail or makes its own.
 */
export async function thumbnailOf(dataDir: string, store: BlobStore, sha256: string): Promise<string | null> {
  const target = thumbnailPathOf(dataDir, sha256);
  if (existsSync(target)) return target;
  const dir = join(dataDir, 'thumbnails', sha256.slice(0, 2));
  mkdirSync(dir, { recursive: true });
  const temp = join(dir, `.${randomBytes(8).toString('hex')}.part`);
  try {
    await sharp(store.pathOf(sha256), { limitInputPixels: MAX_INPUT_PIXELS, animated: false })
      .rotate() // upright, as the camera's EXIF orientation says (metadata itself is not copied)
      .resize(THUMBNAIL_BOX.width, THUMBNAIL_BOX.height, { fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 75 })
      .toFile(temp);
    await rename(temp, target);
    return target;
  } catch {
    await rm(temp, { force: true });
    return null;
  }
}
