/**
 * `npm run icons`: the mini-program's icons, drawn once here as line drawings on a 48-unit grid.
 *
 * - Quick-link tiles on 我的 use them as SVG files in the association's red (images/icons/<name>.svg;
 *   the image component shows SVG, and a drawing of a few hundred bytes costs the package nothing).
 * - The tab bar takes PNG only (no SVG, no web images, at most 40 KB each, 81 × 81 px advised), so the
 *   tab icons are also rasterised in Chromium to images/tab/<name>.png (grey) and <name>-active.png (red).
 *
 * The files are committed; test/build/icons.test.ts checks that the SVGs are what this file draws and
 * that every tab icon app.json names exists, is an 81 × 81 PNG and within the limit. Needs Chromium
 * only to redraw the PNGs.
 */
import * as fs from 'fs';
import * as path from 'path';
import { MINIPROGRAM_ROOT } from './miniprogram-files';

export const BRAND = '#c8102e';
export const MUTED = '#646a73';
export const TAB_ICON_PX = 81;
export const TAB_ICON_LIMIT_BYTES = 40 * 1024;

/** Each icon's strokes (SVG elements without paint; the painter adds colour and line). */
export const ICONS = {
  mine: '<circle cx="24" cy="16" r="8"/><path d="M8 41c1.5-8.5 8-13 16-13s14.5 4.5 16 13"/>',
  report: '<path d="M28 5H12a3 3 0 0 0-3 3v32a3 3 0 0 0 3 3h24a3 3 0 0 0 3-3V16z"/><path d="M28 5v11h11"/><path d="M24 22v14M17 29h14"/>',
  ranking:
    '<path d="M6 42V30h11v12M17 42V23h14v19M31 42V34h11v8M4 42h40"/><path d="M24 5l2.3 4.7 5.2.8-3.8 3.6.9 5.1-4.6-2.4-4.6 2.4.9-5.1-3.8-3.6 5.2-.8z"/>',
  ledger: '<rect x="8" y="6" width="32" height="36" rx="3"/><path d="M16 16h16M16 24h16M16 32h10"/>',
  notices: '<path d="M7 19v10h7l16 9V10l-16 9z"/><path d="M36 18a8 8 0 0 1 0 12"/><path d="M14 29l3 10h5l-2-8"/>',
  outcomes: '<rect x="10" y="8" width="28" height="34" rx="3"/><path d="M18 8V5h12v3"/><path d="M17 26l5 5 9-10"/>',
  inbox: '<path d="M19 5h10v9l-3 5v6h12a3 3 0 0 1 3 3v6H7v-6a3 3 0 0 1 3-3h12v-6l-3-5z"/><path d="M8 42h32"/>',
  award:
    '<circle cx="24" cy="30" r="11"/><path d="M15 5l6 15M33 5l-6 15M15 5h18"/><path d="M24 24.5l1.7 3.4 3.8.6-2.8 2.7.7 3.8-3.4-1.8-3.4 1.8.7-3.8-2.8-2.7 3.8-.6z"/>',
  record: '<path d="M31 7l10 10-21 21H10V28z"/><path d="M27 11l10 10"/><path d="M8 43h32"/>',
  admin:
    '<circle cx="18" cy="17" r="6"/><path d="M6 38c1-6.5 5.5-10 12-10s11 3.5 12 10"/><circle cx="33" cy="19" r="5"/><path d="M32 28c5.5 0 9 3 10 9"/>',
  roster: '<rect x="7" y="6" width="34" height="36" rx="3"/><circle cx="17" cy="18" r="4"/><path d="M11 30c.8-3.5 3-5 6-5s5.2 1.5 6 5"/><path d="M28 16h7M28 23h7M12 36h23"/>',
  reminders: '<path d="M12 34V22a12 12 0 0 1 24 0v12l3 4H9z"/><path d="M20 42h8"/><path d="M24 6v4"/>',
  elimination: '<rect x="6" y="6" width="24" height="36" rx="3"/><path d="M12 15h12M12 23h12M12 31h6"/><path d="M38 12v26M32 32l6 6 6-6"/>',
  shop: '<path d="M4 8h6l5 23h23l4-16H12"/><circle cx="18" cy="39" r="3"/><circle cx="35" cy="39" r="3"/><path d="M21 22h12"/>',
} as const;

export type IconName = keyof typeof ICONS;

/** The tab bar's icons, in app.json's order. */
export const TAB_ICONS: readonly IconName[] = ['mine', 'report', 'ranking', 'ledger'];

export function iconSvg(name: IconName, colour: string): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48" width="48" height="48" fill="none" ` +
    `stroke="${colour}" stroke-width="3.2" stroke-linecap="round" stroke-linejoin="round">${ICONS[name]}</svg>\n`
  );
}

export const ICON_DIR = path.join(MINIPROGRAM_ROOT, 'images', 'icons');
export const TAB_DIR = path.join(MINIPROGRAM_ROOT, 'images', 'tab');

export function tabIconPaths(name: IconName): { iconPath: string; selectedIconPath: string } {
  return { iconPath: `images/tab/${name}.png`, selectedIconPath: `images/tab/${name}-active.png` };
}

async function drawTabIcons(): Promise<void> {
  const { launchChromium } = await import('../web/harness/chromium');
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: TAB_ICON_PX, height: TAB_ICON_PX }, deviceScaleFactor: 1 });
    fs.mkdirSync(TAB_DIR, { recursive: true });
    for (const name of TAB_ICONS) {
      for (const [suffix, colour] of [['', MUTED], ['-active', BRAND]] as const) {
        // A margin of 6 px inside the 81 px square, as the tab bar's own icons have.
        const svg = iconSvg(name, colour).replace('width="48" height="48"', 'width="69" height="69"');
        await page.setContent(`<html><body style="margin:0;background:transparent"><div style="padding:6px;width:69px;height:69px">${svg}</div></body></html>`);
        await page.screenshot({ path: path.join(TAB_DIR, `${name}${suffix}.png`), omitBackground: true, clip: { x: 0, y: 0, width: TAB_ICON_PX, height: TAB_ICON_PX } });
      }
    }
  } finally {
    await browser.close();
  }
}

export function writeIconSvgs(): void {
  fs.mkdirSync(ICON_DIR, { recursive: true });
  for (const name of Object.keys(ICONS) as IconName[]) fs.writeFileSync(path.join(ICON_DIR, `${name}.svg`), iconSvg(name, BRAND));
}

if (require.main === module) {
  writeIconSvgs();
  drawTabIcons().then(
    () => console.log(`icons: ${Object.keys(ICONS).length} SVGs in ${path.relative(process.cwd(), ICON_DIR)}, ${TAB_ICONS.length * 2} tab PNGs in ${path.relative(process.cwd(), TAB_DIR)}`),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
