/**
 * `npm run gallery`: every page in its main states, drawn from the real WXML and WXSS to PNG, for a
 * person to look at (not part of `npm test`).
 *
 * 1. jest renders each state with miniprogram-simulate (test/pages/gallery/render.gallery.ts, states
 *    in test/pages/gallery/fixtures.ts) into gallery/<page>--<state>.html: the DOM plus the page's
 *    WXSS, TDesign's included, at 375 px wide (1rpx = 0.5px).
 * 2. Headless Chromium screenshots each file at 375 px wide into gallery/<page>--<state>.png.
 * 3. gallery/index.html shows them side by side.
 *
 * Needs Chromium and a CJK font: `apt-get install -y chromium fonts-noto-cjk` (or set CHROMIUM to a
 * Chrome binary). `GALLERY_PAGES=mine,report npm run gallery` draws only those pages.
 * miniprogram_npm/ must be packed (`npm run pack:npm`).
 */
import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { REPO_ROOT } from './miniprogram-files';

const OUT_DIR = path.join(REPO_ROOT, 'gallery');
const WIDTH = 375;
const PARALLEL_SHOTS = 4;

interface ManifestEntry {
  page: string;
  state: string;
  html: string;
  height: number;
  error?: string;
}

function findChromium(): string | null {
  const candidates = [process.env.CHROMIUM, 'chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'].filter(
    (c): c is string => Boolean(c),
  );
  for (const candidate of candidates) {
    const found = spawnSync('sh', ['-c', `command -v "${candidate}"`], { encoding: 'utf8' });
    if (found.status === 0 && found.stdout.trim()) return found.stdout.trim();
  }
  return null;
}

function renderHtml(): void {
  const config = {
    rootDir: REPO_ROOT,
    testEnvironment: 'jsdom',
    testMatch: ['<rootDir>/test/pages/gallery/render.gallery.ts'],
    transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
    testTimeout: 60_000,
  };
  const jest = path.join(REPO_ROOT, 'node_modules', 'jest', 'bin', 'jest.js');
  const run = spawnSync(process.execPath, [jest, '--config', JSON.stringify(config), '--runInBand'], { cwd: REPO_ROOT, stdio: 'inherit' });
  // Failed states are listed in the manifest; the others are still worth drawing.
  if (run.status !== 0) console.warn('gallery: some states did not render (see above); drawing the rest');
}

function screenshot(chromium: string, entry: ManifestEntry, width = WIDTH, scale = 2): Promise<void> {
  const png = path.join(OUT_DIR, entry.html.replace(/\.html$/, '.png'));
  const args = [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--hide-scrollbars',
    `--force-device-scale-factor=${scale}`,
    `--window-size=${width},${entry.height}`,
    `--screenshot=${png}`,
    `file://${path.join(OUT_DIR, entry.html)}`,
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(chromium, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 && fs.existsSync(png) ? resolve() : reject(new Error(`${entry.html}: chromium exited ${code}\n${stderr}`))));
  });
}

async function inBatches<T>(items: T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: size }, async () => {
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) await work(item);
    }),
  );
}

/** One picture per page with all its states side by side (gallery/sheets/<page>.png), for a quick look. */
async function drawSheets(chromium: string, pictures: ManifestEntry[]): Promise<void> {
  const dir = path.join(OUT_DIR, 'sheets');
  fs.mkdirSync(dir, { recursive: true });
  const byPage = new Map<string, ManifestEntry[]>();
  for (const picture of pictures) byPage.set(picture.page, [...(byPage.get(picture.page) ?? []), picture]);
  const gap = 16;
  await inBatches([...byPage.entries()], PARALLEL_SHOTS, async ([page, states]) => {
    const html = path.join(dir, `${page}.html`);
    fs.writeFileSync(
      html,
      `<!doctype html><meta charset="utf-8"><style>body{margin:0;background:#d0d3d8;display:flex;gap:${gap}px;padding:${gap}px;align-items:flex-start;font:14px sans-serif}
figure{margin:0}img{display:block;width:${WIDTH}px}figcaption{text-align:center;padding:4px}</style>
${states.map((s) => `<figure><img src="../${s.html.replace(/\.html$/, '.png')}"><figcaption>${s.state}</figcaption></figure>`).join('')}`,
    );
    const tallest = Math.max(...states.map((s) => s.height));
    await screenshot(chromium, { page, state: 'sheet', html: path.relative(OUT_DIR, html), height: tallest + 2 * gap + 28 }, states.length * (WIDTH + gap) + gap, 1);
  });
}

function writeIndex(entries: ManifestEntry[]): void {
  const byPage = new Map<string, ManifestEntry[]>();
  for (const entry of entries) byPage.set(entry.page, [...(byPage.get(entry.page) ?? []), entry]);
  const sections = [...byPage.entries()].map(
    ([page, states]) =>
      `<h2>${page}</h2><div class="row">${states
        .map((s) =>
          s.error
            ? `<figure><div class="failed">${s.error.replace(/</g, '&lt;')}</div><figcaption>${s.state}（未渲染）</figcaption></figure>`
            : `<figure><a href="${s.html.replace(/\.html$/, '.png')}"><img src="${s.html.replace(/\.html$/, '.png')}" width="${WIDTH}"></a><figcaption>${s.state}</figcaption></figure>`,
        )
        .join('')}</div>`,
  );
  fs.writeFileSync(
    path.join(OUT_DIR, 'index.html'),
    `<!doctype html><meta charset="utf-8"><title>积分制 页面图库</title>
<style>body{font-family:sans-serif;background:#ddd;margin:24px}.row{display:flex;gap:24px;overflow-x:auto;align-items:flex-start}
figure{margin:0}img{display:block;background:#fff;box-shadow:0 2px 8px rgba(0,0,0,.2)}figcaption{text-align:center;margin:8px 0 24px}
.failed{width:${WIDTH}px;height:200px;background:#fee;color:#a00;padding:8px;box-sizing:border-box;overflow:auto;font-size:12px}</style>
<h1>积分制 页面图库</h1>${sections.join('\n')}\n`,
  );
}

async function main(): Promise<void> {
  const chromium = findChromium();
  if (!chromium) {
    console.error('gallery: Chromium not found. Install it with `apt-get install -y chromium fonts-noto-cjk`, or set CHROMIUM=/path/to/chrome.');
    process.exitCode = 1;
    return;
  }
  renderHtml();
  const manifestPath = path.join(OUT_DIR, 'manifest.json');
  if (!fs.existsSync(manifestPath)) throw new Error('gallery: nothing was rendered (no gallery/manifest.json)');
  const entries = JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as ManifestEntry[];
  const drawable = entries.filter((e) => !e.error && fs.existsSync(path.join(OUT_DIR, e.html)));
  await inBatches(drawable, PARALLEL_SHOTS, (entry) => screenshot(chromium, entry));
  // The index shows every picture in gallery/, including pages not redrawn this time.
  const pictures: ManifestEntry[] = fs
    .readdirSync(OUT_DIR)
    .filter((file) => file.endsWith('.png'))
    .sort()
    .map((file) => {
      const [page, state] = file.replace(/\.png$/, '').split('--');
      // A PNG's height is bytes 20–23 of its header; pictures are drawn at scale 2.
      const height = fs.readFileSync(path.join(OUT_DIR, file)).readUInt32BE(20) / 2;
      return { page, state, html: file.replace(/\.png$/, '.html'), height };
    });
  await drawSheets(chromium, pictures);
  writeIndex([...pictures, ...entries.filter((e) => e.error)]);
  const failed = entries.filter((e) => e.error);
  console.log(`gallery: ${drawable.length} screenshots in ${path.relative(process.cwd(), OUT_DIR)}/ (open gallery/index.html)`);
  if (failed.length > 0) {
    for (const f of failed) console.error(`✗ ${f.page} ${f.state}: ${f.error}`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
