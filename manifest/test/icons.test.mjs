import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allIcons } from '../icons.mjs';
import { loadSource } from '../build.mjs';
import { decodePng } from '../lib/png.mjs';
import { iconsDir } from './helpers.mjs';

const source = loadSource();

describe('icons', () => {
  const icons = allIcons(source);

  it('are committed exactly as icons.mjs draws them (run node manifest/icons.mjs after changing it)', () => {
    for (const icon of icons) expect(readFileSync(join(iconsDir, icon.name)).equals(icon.bytes), icon.name).toBe(true);
  });

  it('cover every size the manifests use', () => {
    const names = icons.map((i) => i.name);
    for (const size of [16, 20, 24, 32, 40, 48, 64, 80, 128]) expect(names).toContain(`icon-${size}.png`);
    expect(names).toEqual(expect.arrayContaining(['color-192.png', 'outline-32.png']));
  });

  it('are real pictures: teal and white on the app icons, white on transparent for the outline', () => {
    for (const icon of icons) {
      const { width, height, rgba } = decodePng(icon.bytes);
      expect([width, height]).toEqual([icon.size, icon.size]);
      let white = 0, teal = 0, clear = 0;
      for (let i = 0; i < rgba.length; i += 4) {
        if (rgba[i + 3] === 0) clear++;
        else if (rgba[i] === 255 && rgba[i + 1] === 255 && rgba[i + 2] === 255) white++;
        else if (rgba[i] === 14 && rgba[i + 1] === 124 && rgba[i + 2] === 123) teal++;
      }
      expect(white, icon.name).toBeGreaterThan(0);
      if (icon.name.startsWith('outline')) {
        expect(teal).toBe(0);
        expect(clear).toBeGreaterThan(icon.size * icon.size * 0.4);
      } else {
        expect(teal, icon.name).toBeGreaterThan(icon.size * icon.size * 0.3);
      }
    }
  });
});
