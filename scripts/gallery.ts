/**
 * `npm run gallery`: every page in its main states (scripts/gallery-scenes.ts), photographed from the
 * live preview against a fresh copy of the demo association, so that no two pictures can disagree
 * about the data. Not part of `npm test`.
 *
 * 1. Builds the functions and the preview, starts a local cloud in a temporary folder seeded with the
 *    demo (and, for the states of an association that has just started, an empty one).
 * 2. Through the real api, as the people who would do it: the secretariat imports a newcomer, who
 *    binds (a member with no points yet), and publishes a rule revision (a notice to show on 公示).
 * 3. Opens each scene in Chromium as its person, acts, and saves the phone's screen to
 *    gallery/<page>--<state>.png (375 px wide, at 2×); gallery/sheets/<page>.png puts a page's
 *    states side by side and gallery/index.html shows them all. docs/preview.png is the README's
 *    picture of the whole preview.
 *
 * Scenes on a template's cloud (`changzhou`, `party-branch`, `qiuxian`, `village`, `enterprise`) show that template's demo (SCHEME=<id>).
 *
 * Needs Chromium and a CJK font: `apt-get install -y chromium fonts-noto-cjk` (or CHROMIUM=/path).
 * `GALLERY_PAGES=mine,report npm run gallery` redraws only those pages. miniprogram_npm/ must be packed.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Browser, BrowserContext } from 'playwright-core';
import { travelTo } from '../localcloud/clock';
import type { ApiResult } from '../typings/api';
import { launchChromium } from '../web/harness/chromium';
import { ADMIN_OPENID, DEMO_NOW, startPreviewCloud, type PreviewCloud } from '../web/harness/demo-cloud';
import { Phone } from '../web/harness/phone';
import { buildFunctions } from './build';
import { buildPreview } from './build-preview';
import { NEWCOMER, SCENES, type Scene } from './gallery-scenes';
import { writeIndex, writeSheets, type Picture } from './gallery-sheets';
import { REPO_ROOT } from './miniprogram-files';

const OUT_DIR = path.join(REPO_ROOT, 'gallery');
const README_PICTURE = path.join(REPO_ROOT, 'docs', 'preview.png');
const SCREEN_HEIGHT = 812;
/** Long enough for popups and pickers to finish sliding in. */
const SETTLE_MS = 600;
/** What the plain phone frame loses in the pictures: the rounded corners. */
const SQUARE_SCREEN = '.phone, .phone__screen { border-radius: 0 !important; box-shadow: none !important; }';

async function api(cloud: PreviewCloud, openid: string, action: string, payload: unknown): Promise<Record<string, unknown>> {
  const result = (await cloud.cloud.invoke('api', { action, payload }, { openid })) as ApiResult<Record<string, unknown>>;
  if (!result.ok) throw new Error(`gallery: ${action} as ${openid} failed: ${result.error.message}`);
  return result.data;
}

/** The secretariat imports a newcomer, who binds: 我的 and 明细 with nothing yet. */
async function addNewcomer(cloud: PreviewCloud): Promise<void> {
  const imported = await api(cloud, ADMIN_OPENID, 'admin.members.import', { rows: [{ name: '秦新', branch: '东宝分会', tier: 'member', profession: '设计师' }] });
  const [{ inviteCode }] = imported.members as { inviteCode: string }[];
  await api(cloud, NEWCOMER.as, 'me.bind', { inviteCode });
}

/** The secretariat publishes the next rule version, effective next month: a notice with its changes (第二十条). */
async function publishRevision(cloud: PreviewCloud): Promise<void> {
  const catalog = await api(cloud, ADMIN_OPENID, 'catalog.get', {});
  const items = (catalog.items as Record<string, unknown>[]).map((item) => (item.id === 'outreach.suggestion' ? { ...item, points: 3 } : item));
  const now = new Date();
  const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1)).toISOString().slice(0, 10);
  await api(cloud, ADMIN_OPENID, 'admin.scheme.publish', { items, effectiveFrom: next, note: `为鼓励建言献策，“书面建言献策”由 2 分调整为 3 分，自 ${next} 起施行。` });
}

async function photograph(context: BrowserContext, cloud: PreviewCloud, scene: Scene): Promise<Picture> {
  const as = typeof scene.who === 'string' ? cloud.cast.people.find((p) => p.name === scene.who)?.openid : scene.who.as;
  if (!as) throw new Error(`gallery: nobody called ${String(scene.who)} in the demo`);
  const height = scene.height ?? SCREEN_HEIGHT;
  const page = await context.newPage();
  await page.setViewportSize({ width: 1100, height: height + 64 });
  if (scene.network === 'offline') await page.route('**/api/**', (route) => route.abort('internetdisconnected'));
  if (scene.network === 'pending') await page.route('**/api/**', () => undefined);
  const phone = await Phone.attach(page, cloud.url, as, scene.route ?? `pages/${scene.page}/index`);
  try {
    await page.addStyleTag({ content: `${SQUARE_SCREEN} .phone { height: ${height}px !important; }` });
    if (scene.network === 'offline') await phone.screen.locator('.state-view--error').waitFor();
    await scene.act?.(phone);
    await page.waitForTimeout(SETTLE_MS);
    const problems = await phone.problems();
    if (problems.length > 0) throw new Error(problems.join('; '));
    const file = `${scene.page}--${scene.state}.png`;
    await page.locator('.phone__screen').screenshot({ path: path.join(OUT_DIR, file) });
    return { page: scene.page, state: scene.state, file, height };
  } finally {
    await page.close();
  }
}

/** The README's picture: the whole preview (caller switcher, phone, 微信 log) as a demo member. */
async function pictureForReadme(browser: Browser, cloud: PreviewCloud): Promise<void> {
  const context = await browser.newContext({ viewport: { width: 1000, height: 860 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  await Phone.attach(page, cloud.url, cloud.cast.start ?? cloud.cast.people[0].openid, 'pages/mine/index');
  await page.locator('.page-frame[data-current] .recent__row').first().waitFor();
  await page.waitForTimeout(SETTLE_MS);
  fs.mkdirSync(path.dirname(README_PICTURE), { recursive: true });
  await page.screenshot({ path: README_PICTURE });
  await context.close();
}

async function main(): Promise<void> {
  const only = process.env.GALLERY_PAGES ? new Set(process.env.GALLERY_PAGES.split(',')) : null;
  const scenes = SCENES.filter((scene) => !only || only.has(scene.page));
  await buildFunctions();
  await buildPreview();
  fs.mkdirSync(OUT_DIR, { recursive: true });
  for (const file of fs.readdirSync(OUT_DIR)) {
    if (file.endsWith('.png') && scenes.some((scene) => file.startsWith(`${scene.page}--`))) fs.rmSync(path.join(OUT_DIR, file));
  }

  // Every cloud of the run shares the process's clock: pictures of the same day, whenever they are taken.
  travelTo(DEMO_NOW);
  const demo = await startPreviewCloud();
  const empty = await startPreviewCloud({ empty: true });
  // Another template's demo (常州, …), seeded only when a scene is photographed on it (a demo takes up to half a minute).
  const templates = new Map<string, PreviewCloud>();
  for (const template of new Set(scenes.map((scene) => scene.cloud).flatMap((c) => (c && c !== 'demo' && c !== 'empty' ? [c] : [])))) {
    templates.set(template, await startPreviewCloud({ template }));
  }
  const cloudOf = (scene: Scene): PreviewCloud => (scene.cloud === 'empty' ? empty : (templates.get(scene.cloud ?? '') ?? demo));
  const browser = await launchChromium();
  const failures: string[] = [];
  try {
    await addNewcomer(demo);
    await publishRevision(demo);
    const context = await browser.newContext({ deviceScaleFactor: 2 });
    for (const scene of scenes) {
      try {
        await photograph(context, cloudOf(scene), scene);
        process.stdout.write('.');
      } catch (error) {
        failures.push(`${scene.page} ${scene.state}: ${(error as Error).message.split('\n')[0]}`);
        process.stdout.write('✗');
      }
    }
    process.stdout.write('\n');
    if (!only) await pictureForReadme(browser, demo);
    const pictures = await writeSheets(browser, OUT_DIR);
    writeIndex(OUT_DIR, pictures, failures);
    console.log(`gallery: ${scenes.length - failures.length} of ${scenes.length} states in gallery/ (open gallery/index.html)${only ? '' : '; docs/preview.png'}`);
  } finally {
    await browser.close();
    await demo.close();
    await empty.close();
    for (const cloud of templates.values()) await cloud.close();
  }
  if (failures.length > 0) {
    for (const failure of failures) console.error(`✗ ${failure}`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
