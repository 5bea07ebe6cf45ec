import { createBlobStore } from '../attachments/blob-store.js';
import type { Config } from '../config.js';
import type { OutboundFileOptions } from './outbound-files.js';

/** How the relay sends a message's files, from the settings (ATTACHMENT_LINK_ABOVE_MB, ATTACHMENT_LINK_DAYS). */
export function mailFilesOf(config: Pick<Config, 'dataDir' | 'mailFiles' | 'publicUrl'>): Omit<OutboundFileOptions, 'now'> {
  return { store: createBlobStore(config.dataDir), aboveBytes: config.mailFiles.aboveBytes, ttlMs: config.mailFiles.ttlMs, publicUrl: config.publicUrl };
}
