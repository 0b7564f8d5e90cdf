/**
 * Issue 13 item 1: the tab bar and 我的's tiles wear real icons, shipped in the package (no icon font
 * fetched from the web). The SVGs are what scripts/icons.ts draws; the tab bar's PNGs are the size
 * and weight WeChat accepts (PNG, at most 40 KB, 81 × 81 px advised).
 */
import * as fs from 'fs';
import * as path from 'path';
import { BRAND, ICON_DIR, ICONS, iconSvg, TAB_ICON_LIMIT_BYTES, TAB_ICON_PX, type IconName } from '../../scripts/icons';
import { MINIPROGRAM_ROOT } from '../../scripts/miniprogram-files';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function pngSize(file: string): { width: number; height: number } {
  const bytes = fs.readFileSync(file);
  expect(bytes.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  // The IHDR chunk comes first: width and height are its first two big-endian words.
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('icons', () => {
  const app = JSON.parse(fs.readFileSync(path.join(MINIPROGRAM_ROOT, 'app.json'), 'utf8')) as {
    tabBar: { list: { text: string; iconPath?: string; selectedIconPath?: string }[] };
  };

  it.each(app.tabBar.list.map((tab) => [tab.text, tab] as const))('gives the %s tab an icon and a selected icon, 81 × 81 PNG within 40 KB', (_text, tab) => {
    for (const icon of [tab.iconPath, tab.selectedIconPath]) {
      expect(icon).toMatch(/^images\/tab\/[a-z-]+\.png$/);
      const file = path.join(MINIPROGRAM_ROOT, icon as string);
      expect(pngSize(file)).toEqual({ width: TAB_ICON_PX, height: TAB_ICON_PX });
      expect(fs.statSync(file).size).toBeLessThanOrEqual(TAB_ICON_LIMIT_BYTES);
    }
  });

  it('keeps every tile icon as scripts/icons.ts draws it (run npm run icons after changing a drawing)', () => {
    for (const name of Object.keys(ICONS) as IconName[]) {
      expect(fs.readFileSync(path.join(ICON_DIR, `${name}.svg`), 'utf8')).toBe(iconSvg(name, BRAND));
    }
  });

  it('names only icons that exist from the tiles of 我的', () => {
    const source = fs.readFileSync(path.join(MINIPROGRAM_ROOT, 'pages/mine/home-view.ts'), 'utf8');
    const named = [...source.matchAll(/iconOf\((?:[^)]*?)'([a-z]+)'/g)].map((m) => m[1]);
    const ternary = [...source.matchAll(/\? '([a-z]+)' : '([a-z]+)'/g)].flatMap((m) => [m[1], m[2]]);
    expect(named.length).toBeGreaterThanOrEqual(7);
    for (const name of [...named, ...ternary]) expect(fs.existsSync(path.join(ICON_DIR, `${name}.svg`))).toBe(true);
  });
});
