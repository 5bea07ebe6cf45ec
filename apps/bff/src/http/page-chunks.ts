import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** One chunk of Vite's build manifest (`build.manifest`, apps/web/vite.config.ts). */
export interface ManifestChunk {
  file: string;
  imports?: string[];
  isEntry?: boolean;
}

/** Vite's `.vite/manifest.json`: chunks by their source path (e.g. `src/features/…/page.tsx`) or `index.html`. */
export type BuildManifest = Record<string, ManifestChunk>;

/**
 * The scripts a lazily loaded page needs that index.html does not already name: its own chunk and the
 * chunks it imports, minus the entry's (those are loaded, or preloaded, by index.html itself). As
 * `/assets/…` paths, in the manifest's order. Empty when the module is not in the manifest.
 */
export function pageChunkPaths(manifest: BuildManifest, moduleKey: string): string[] {
  if (!manifest[moduleKey]) return [];
  const loadedByIndex = new Set(reachableChunks(manifest, Object.keys(manifest).filter((key) => manifest[key]!.isEntry)));
  return reachableChunks(manifest, [moduleKey])
    .filter((key) => !loadedByIndex.has(key))
    .map((key) => `/${manifest[key]!.file}`);
}

/** The chunks the given ones import, directly or not, the given ones first. */
function reachableChunks(manifest: BuildManifest, from: string[]): string[] {
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key) || !manifest[key]) return;
    seen.add(key);
    for (const imported of manifest[key]!.imports ?? []) visit(imported);
  };
  from.forEach(visit);
  return [...seen];
}

/**
 * `<link rel="modulepreload">` for each path: the browser fetches (and parses) them while it reads
 * the page, instead of after the entry script has run and asked for them. Paths come from our own
 * build manifest, never from a request.
 */
export function modulePreloadLinks(paths: string[]): string {
  return paths.map((path) => `<link rel="modulepreload" crossorigin href="${path.replace(/[^\w./-]/g, '')}">`).join('\n');
}

/**
 * The web build's manifest, read once per build (a new build is noticed by its modification time, as
 * index.html is). An unbuilt or manifest-less web app preloads nothing.
 */
export function buildManifestReader(webDist: string): () => BuildManifest {
  const file = join(webDist, '.vite', 'manifest.json');
  let cached: { modifiedMs: number; manifest: BuildManifest } | null = null;
  return () => {
    let modifiedMs: number;
    try {
      modifiedMs = statSync(file).mtimeMs;
    } catch {
      return {};
    }
    if (cached?.modifiedMs !== modifiedMs) cached = { modifiedMs, manifest: JSON.parse(readFileSync(file, 'utf8')) as BuildManifest };
    return cached.manifest;
  };
}
