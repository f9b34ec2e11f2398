// Which JavaScript the task pane loads before its first paint: the entry script and its static imports,
// plus what src/taskpane/main.tsx awaits before it renders (one language's catalog: the larger one is
// counted). Read from Vite's build manifest, so a chunk moved or renamed is still counted. Used by the
// build's budget check (scripts/bundle-size.mjs) and by bench/pane-load.mjs.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

// By chunk name (a module both imported and loaded lazily elsewhere has no `src` in the manifest).
const awaitedBeforeFirstPaint = [['en', 'pt-BR']];

/** A built file's size, raw and gzip (level 9, as a CDN would serve it). */
export const sizeOf = (dist, file) => ({ file, raw: statSync(join(dist, file)).size, gzip: gzipSync(readFileSync(join(dist, file)), { level: 9 }).length });

export function firstPaintScripts(dist) {
  const manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8'));

  /** A chunk's own file and every file it imports statically, each once. */
  const withStaticImports = (key, files = new Set()) => {
    const chunk = manifest[key];
    if (!chunk) throw new Error(`${key} is not in the build manifest: update addin/scripts/firstPaint.mjs`);
    if (files.has(chunk.file)) return files;
    files.add(chunk.file);
    for (const imported of chunk.imports ?? []) withStaticImports(imported, files);
    return files;
  };
  const lazyChunk = (name) => {
    const key = manifest['taskpane.html'].dynamicImports?.find((k) => manifest[k].name === name);
    if (!key) throw new Error(`the task pane loads no chunk named ${name}: update addin/scripts/firstPaint.mjs`);
    return key;
  };

  const first = withStaticImports('taskpane.html');
  const scripts = [...first].map((file) => sizeOf(dist, file));
  for (const alternatives of awaitedBeforeFirstPaint) {
    const candidates = alternatives.map((name) => [...withStaticImports(lazyChunk(name))].filter((file) => !first.has(file)).map((file) => sizeOf(dist, file)));
    const weight = (files) => files.reduce((sum, f) => sum + f.gzip, 0);
    scripts.push(...candidates.sort((a, b) => weight(b) - weight(a))[0]);
  }
  return scripts;
}
