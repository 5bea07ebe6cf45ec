import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildManifestReader, modulePreloadLinks, pageChunkPaths, type BuildManifest } from './page-chunks.js';
import { withAdditions } from './spa-index.js';

/** A manifest shaped as Vite writes it: the entry, two shared chunks, and a lazily loaded page. */
const MANIFEST: BuildManifest = {
  'index.html': { file: 'assets/index-A.js', isEntry: true, imports: ['_react-B.js'] },
  '_react-B.js': { file: 'assets/react-B.js' },
  '_textarea-C.js': { file: 'assets/textarea-C.js', imports: ['_react-B.js', '_limits-D.js'] },
  '_limits-D.js': { file: 'assets/limits-D.js' },
  'src/features/ticket-page.tsx': { file: 'assets/ticket-page-E.js', imports: ['_textarea-C.js', '_react-B.js', 'index.html'] },
};

describe('the scripts a lazily loaded page needs', () => {
  it('are its chunk and what it imports, directly or not, minus what index.html already loads', () => {
    expect(pageChunkPaths(MANIFEST, 'src/features/ticket-page.tsx')).toEqual(['/assets/ticket-page-E.js', '/assets/textarea-C.js', '/assets/limits-D.js']);
  });

  it('are none for a module the build does not have', () => {
    expect(pageChunkPaths(MANIFEST, 'src/features/missing.tsx')).toEqual([]);
    expect(pageChunkPaths({}, 'src/features/ticket-page.tsx')).toEqual([]);
  });

  it('are named as module preloads, the way Vite names the entry\'s own', () => {
    expect(modulePreloadLinks(['/assets/a-1.js', '/assets/b"><script>x.js'])).toBe(
      '<link rel="modulepreload" crossorigin href="/assets/a-1.js">\n<link rel="modulepreload" crossorigin href="/assets/bscriptx.js">',
    );
  });
});

describe('the build manifest', () => {
  const dist = mkdtempSync(join(tmpdir(), 'atende-manifest-'));
  afterAll(() => rmSync(dist, { recursive: true, force: true }));

  it('is empty before the web app is built, then read, and read again after a new build', () => {
    const read = buildManifestReader(dist);
    expect(read()).toEqual({});
    mkdirSync(join(dist, '.vite'));
    const file = join(dist, '.vite', 'manifest.json');
    writeFileSync(file, JSON.stringify(MANIFEST));
    expect(read()['index.html']?.file).toBe('assets/index-A.js');
    writeFileSync(file, JSON.stringify({ 'index.html': { file: 'assets/index-Z.js', isEntry: true } }));
    utimesSync(file, new Date(), new Date(Date.now() + 60_000)); // a later build, whatever the file system's clock resolution
    expect(read()['index.html']?.file).toBe('assets/index-Z.js');
  });
});

describe("a visitor's additions to index.html", () => {
  it('go at the end of the head and of the body, or all in the body when there is no head', () => {
    const additions = { head: '<link rel="modulepreload" href="/assets/a.js">', body: '<script type="application/json">{}</script>' };
    expect(withAdditions('<html><head><title>A</title></head><body><div></div></body></html>', additions)).toBe(
      '<html><head><title>A</title><link rel="modulepreload" href="/assets/a.js">\n</head><body><div></div><script type="application/json">{}</script>\n</body></html>',
    );
    expect(withAdditions('<title>A</title><body></body>', additions)).toBe('<title>A</title><body><link rel="modulepreload" href="/assets/a.js">\n<script type="application/json">{}</script>\n</body>');
  });
});
