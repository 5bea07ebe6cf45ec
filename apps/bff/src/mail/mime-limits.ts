/**
 * A cheap linear scan of a raw message before the MIME parser sees it. A message built to exhaust the
 * parser (thousands of nested parts, tens of thousands of sibling parts or header lines) is refused
 * as malformed — a permanent 554 over SMTP, 422 over HTTP — so no provider retries it forever and the
 * server never spends its memory on it.
 */
export const MIME_LIMITS = { maxBoundaries: 50, maxParts: 1000, maxHeaderLines: 2000 };

export type MimeScan = { ok: true } | { ok: false; reason: 'too_deep' | 'too_many_parts' | 'too_many_headers' };

export function scanMime(raw: Buffer | string, limits = MIME_LIMITS): MimeScan {
  const text = typeof raw === 'string' ? raw : raw.toString('latin1');
  const boundaries = new Set<string>();
  let parts = 0;
  let headerLines = 0;
  let inHeaders = true; // the message's own header block, then each part's
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end).replace(/\r$/, '');
    start = end + 1;
    if (inHeaders) {
      if (line === '') inHeaders = false;
      else if (!/^[ \t]/.test(line)) {
        headerLines += 1;
        if (headerLines > limits.maxHeaderLines) return { ok: false, reason: 'too_many_headers' };
      }
    }
    const declared = /boundary\s*=\s*"?([^";\r\n]{1,200})"?/i.exec(line);
    if (declared) {
      boundaries.add(declared[1]!.trim());
      if (boundaries.size > limits.maxBoundaries) return { ok: false, reason: 'too_deep' };
    }
    if (line.startsWith('--') && boundaries.size > 0) {
      const name = line.slice(2).replace(/--\s*$/, '').trimEnd();
      if (boundaries.has(name)) {
        parts += 1;
        if (parts > limits.maxParts) return { ok: false, reason: 'too_many_parts' };
        inHeaders = !line.trimEnd().endsWith('--');
      }
    }
    if (end === text.length) break;
  }
  return { ok: true };
}
