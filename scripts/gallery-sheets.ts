/**
 * The gallery's overviews: gallery/sheets/<page>.png puts one page's states side by side, and
 * gallery/index.html shows every picture in gallery/ (including pages not redrawn this time) with the
 * states that failed.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Browser } from 'playwright-core';

export interface Picture {
  page: string;
  state: string;
  file: string;
  height: number;
}

const WIDTH = 375;
const GAP = 16;

/** Every picture in the folder; a PNG's height is bytes 20–23 of its header, drawn at 2×. */
function picturesIn(dir: string): Picture[] {
  return fs
    .readdirSync(dir)
    .filter((file) => file.endsWith('.png') && file.includes('--'))
    .sort()
    .map((file) => {
      const [page, state] = file.replace(/\.png$/, '').split('--');
      return { page, state, file, height: fs.readFileSync(path.join(dir, file)).readUInt32BE(20) / 2 };
    });
}

function byPage(pictures: Picture[]): Map<string, Picture[]> {
  const pages = new Map<string, Picture[]>();
  for (const picture of pictures) pages.set(picture.page, [...(pages.get(picture.page) ?? []), picture]);
  return pages;
}

export async function writeSheets(browser: Browser, dir: string): Promise<Picture[]> {
  const pictures = picturesIn(dir);
  const sheets = path.join(dir, 'sheets');
  fs.mkdirSync(sheets, { recursive: true });
  const context = await browser.newContext({ deviceScaleFactor: 1 });
  const page = await context.newPage();
  for (const [name, states] of byPage(pictures)) {
    const tallest = Math.max(...states.map((s) => s.height));
    await page.setViewportSize({ width: states.length * (WIDTH + GAP) + GAP, height: tallest + 2 * GAP + 28 });
    const figures = states
      .map((s) => `<figure><img src="data:image/png;base64,${fs.readFileSync(path.join(dir, s.file)).toString('base64')}"><figcaption>${s.state}</figcaption></figure>`)
      .join('');
    await page.setContent(
      `<!doctype html><meta charset="utf-8"><style>body{margin:0;background:#d0d3d8;display:flex;gap:${GAP}px;padding:${GAP}px;align-items:flex-start;font:14px sans-serif}
figure{margin:0}img{display:block;width:${WIDTH}px}figcaption{text-align:center;padding:4px}</style>${figures}`,
    );
    await page.screenshot({ path: path.join(sheets, `${name}.png`), fullPage: true });
  }
  await context.close();
  return pictures;
}

export function writeIndex(dir: string, pictures: Picture[], failures: string[]): void {
  const sections = [...byPage(pictures).entries()].map(
    ([name, states]) =>
      `<h2>${name}</h2><div class="row">${states
        .map((s) => `<figure><a href="${s.file}"><img src="${s.file}" width="${WIDTH}"></a><figcaption>${s.state}</figcaption></figure>`)
        .join('')}</div>`,
  );
  const failed = failures.length ? `<h2>未拍成</h2><ul>${failures.map((f) => `<li>${f.replace(/</g, '&lt;')}</li>`).join('')}</ul>` : '';
  fs.writeFileSync(
    path.join(dir, 'index.html'),
    `<!doctype html><meta charset="utf-8"><title>积分制 页面图库</title>
<style>body{font-family:sans-serif;background:#ddd;margin:24px}.row{display:flex;gap:24px;overflow-x:auto;align-items:flex-start}
figure{margin:0}img{display:block;background:#fff;box-shadow:0 2px 8px rgba(0,0,0,.2)}figcaption{text-align:center;margin:8px 0 24px}li{color:#a00}</style>
<h1>积分制 页面图库</h1><p>预览中实时拍摄，数据为演示协会。</p>${failed}${sections.join('\n')}\n`,
  );
}
