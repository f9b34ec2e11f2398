import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildAll, writeAll } from '../build.mjs';

export const manifestDir = join(dirname(fileURLToPath(import.meta.url)), '..');
export const iconsDir = join(manifestDir, '..', 'addin', 'public', 'icons');
export const PROD = { host: 'https://crm.contoso.example', clientId: '1b2c3d4e-0000-4000-8000-123456789abc', version: '1.2.3.0' };
export const DEV = { host: 'https://localhost:5081', clientId: '00000000-0000-0000-0000-000000000000', version: '0.1.0.0' };

/** Builds into a fresh temporary folder and returns the folder and the parsed outputs. */
export function buildTo(options = PROD) {
  const dir = mkdtempSync(join(tmpdir(), 'outlookcrm-manifest-'));
  const result = buildAll(options);
  writeAll(result, dir);
  return {
    dir,
    result,
    xml: readFileSync(join(dir, 'manifest.xml'), 'utf8'),
    manifest: JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')),
    ptBR: JSON.parse(readFileSync(join(dir, 'pt-BR.json'), 'utf8')),
    zip: readFileSync(join(dir, 'outlookcrm.zip')),
  };
}

/** Replaces exactly one occurrence (fails loudly when the pattern is absent, so a mutation can't silently no-op). */
export function replaceOnce(text, search, replacement) {
  const at = text.indexOf(search);
  if (at < 0) throw new Error(`mutation target not found: ${search}`);
  return text.slice(0, at) + replacement + text.slice(at + search.length);
}

export const clone = (value) => JSON.parse(JSON.stringify(value));
