// Draws OutlookCrm's icon (a white person beside an envelope on a calm teal rounded square) and
// writes the PNGs the service serves from /icons/ (addin/public/icons, copied into dist/ by Vite):
//   icon-<size>.png for every size in source.json icons.generated (16 … 128),
//   color-192.png (unified package colour icon) and outline-32.png (white glyph, transparent background).
// Run: node manifest/icons.mjs            (rewrites the PNGs; the tests fail if they drift from this code)
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodePng } from './lib/png.mjs';

const here = dirname(fileURLToPath(import.meta.url));
export const ICONS_DIR = join(here, '..', 'addin', 'public', 'icons');
const TEAL = [14, 124, 123]; // #0E7C7B, source.json accentColor
const SAMPLES = 4; // 4×4 supersampling per pixel for smooth edges

const inCircle = (x, y, cx, cy, r) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
const inRect = (x, y, x0, y0, x1, y1) => x >= x0 && x <= x1 && y >= y0 && y <= y1;
function inRoundedSquare(x, y, radius) {
  const cx = Math.min(Math.max(x, radius), 1 - radius);
  const cy = Math.min(Math.max(y, radius), 1 - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius * radius;
}
function nearSegment(x, y, ax, ay, bx, by, halfWidth) {
  const dx = bx - ax, dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return (x - ax - t * dx) ** 2 + (y - ay - t * dy) ** 2 <= halfWidth * halfWidth;
}

const ENVELOPE = { x0: 0.55, y0: 0.5, x1: 0.88, y1: 0.75 };

/** 'glyph' (white), 'background' (teal) or 'none' for a point in the unit square. */
function classify(x, y, withBackground) {
  const background = withBackground ? inRoundedSquare(x, y, 0.22) : false;
  const { x0, y0, x1, y1 } = ENVELOPE;
  if (inRect(x, y, x0, y0, x1, y1)) {
    const flap = nearSegment(x, y, x0, y0, (x0 + x1) / 2, y0 + 0.13, 0.032) || nearSegment(x, y, (x0 + x1) / 2, y0 + 0.13, x1, y0, 0.032);
    return flap ? (background ? 'background' : 'none') : 'glyph';
  }
  // A clear margin around the envelope keeps it apart from the shoulders.
  if (inRect(x, y, x0 - 0.05, y0 - 0.05, x1 + 0.05, y1 + 0.05)) return background ? 'background' : 'none';
  const head = inCircle(x, y, 0.4, 0.34, 0.135);
  const shoulders = inCircle(x, y, 0.4, 0.86, 0.28) && y <= 0.78;
  if (head || shoulders) return 'glyph';
  return background ? 'background' : 'none';
}

/** RGBA pixels of the icon at the given size. withBackground=false gives the outline icon. */
export function renderIcon(size, { withBackground = true } = {}) {
  const rgba = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const kind = classify((px + (sx + 0.5) / SAMPLES) / size, (py + (sy + 0.5) / SAMPLES) / size, withBackground);
          if (kind === 'none') continue;
          const [cr, cg, cb] = kind === 'glyph' ? [255, 255, 255] : TEAL;
          r += cr; g += cg; b += cb; a += 1;
        }
      }
      const o = (py * size + px) * 4;
      if (a > 0) {
        rgba[o] = Math.round(r / a);
        rgba[o + 1] = Math.round(g / a);
        rgba[o + 2] = Math.round(b / a);
      }
      rgba[o + 3] = Math.round((a / (SAMPLES * SAMPLES)) * 255);
    }
  }
  return rgba;
}

/** Every icon file: { name, size, bytes }. */
export function allIcons(source) {
  const files = source.icons.generated.map((size) => ({ name: `icon-${size}.png`, size, bytes: encodePng(size, size, renderIcon(size)) }));
  const color = source.icons.packageColor;
  const outline = source.icons.packageOutline;
  files.push({ name: `color-${color}.png`, size: color, bytes: encodePng(color, color, renderIcon(color)) });
  files.push({ name: `outline-${outline}.png`, size: outline, bytes: encodePng(outline, outline, renderIcon(outline, { withBackground: false })) });
  return files;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const source = JSON.parse(readFileSync(join(here, 'source.json'), 'utf8'));
  const out = process.argv[2] ?? ICONS_DIR;
  mkdirSync(out, { recursive: true });
  for (const file of allIcons(source)) {
    writeFileSync(join(out, file.name), file.bytes);
    console.log(`${join(out, file.name)} (${file.size}×${file.size}, ${file.bytes.length} bytes)`);
  }
}
