import { open } from 'node:fs/promises';
import { fileTypeFromFile } from 'file-type';

/**
 * What a file is, judged by its bytes (magic numbers via file-type), never by its name or the type the
 * client claimed. Allowed: images, PDF, plain text and office documents. Everything else is refused:
 * executables, archives, HTML, SVG (script inside an image), a `.jpg` that is really an `.exe`.
 */
const ALLOWED_BINARY = new Set([
  'image/jpeg',
  'image/png',
  'image/gif',
  'image/webp',
  'image/heic',
  'image/heif',
  'image/avif',
  'image/bmp',
  'image/tiff',
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/vnd.oasis.opendocument.presentation',
]);

/** Old binary Office files (.doc/.xls/.ppt) are OLE compound files, like .msi installers: accepted only under their own names. */
const COMPOUND_FILE_NAMES: Record<string, string> = { doc: 'application/msword', xls: 'application/vnd.ms-excel', ppt: 'application/vnd.ms-powerpoint' };

/** Images a browser shows: served inline (thumbnails); every other file is a download. */
export const INLINE_IMAGE_TYPES = new Set(['image/jpeg', 'image/png', 'image/gif', 'image/webp']);

/** Markup a browser would render or run if it ever sniffed the file as HTML/SVG/XML. */
const MARKUP = /<\s*(!doctype|html|head|body|script|svg|iframe|object|embed|\?xml|meta|link|style|img|a\s)/i;
const TEXT_SAMPLE_BYTES = 64 * 1024;

export type ContentCheck = { ok: true; mime: string } | { ok: false };

export async function checkFileContent(path: string, filename: string): Promise<ContentCheck> {
  const detected = await fileTypeFromFile(path);
  const extension = filename.toLowerCase().split('.').pop() ?? '';
  if (detected) {
    if (ALLOWED_BINARY.has(detected.mime)) return { ok: true, mime: detected.mime };
    if (detected.mime === 'application/x-cfb' && COMPOUND_FILE_NAMES[extension]) return { ok: true, mime: COMPOUND_FILE_NAMES[extension] };
    return { ok: false };
  }
  // No magic number: accepted only as plain UTF-8 text without NUL bytes and without markup.
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(TEXT_SAMPLE_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, TEXT_SAMPLE_BYTES, 0);
    const sample = buffer.subarray(0, bytesRead);
    if (sample.includes(0)) return { ok: false };
    let text: string;
    try {
      // stream: true tolerates a multi-byte character cut at the sample's end.
      text = new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: true });
    } catch {
      return { ok: false };
    }
    if (MARKUP.test(text)) return { ok: false };
    return { ok: true, mime: extension === 'csv' ? 'text/csv' : 'text/plain' };
  } finally {
    await handle.close();
  }
}
