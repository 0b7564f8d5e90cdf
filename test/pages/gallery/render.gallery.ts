/**
 * Renders every page under miniprogram/pages in the states of fixtures.ts to gallery/<page>--<state>.html
 * and writes gallery/manifest.json for scripts/gallery.ts, which screenshots them. Run through
 * `npm run gallery` (jest, jsdom and miniprogram-simulate exactly as the page tests use them); it is
 * not part of `npm test`.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { ApiEvent } from '../../../typings/api';
import { stubCallFunction, type ApiStubs } from '../support/cloud';
import { MINIPROGRAM_ROOT, settle, type RenderedPage } from '../support/load';
import { openPageAt } from '../support/page';
import { DEFAULT_STATES, STATES, WORLD, type GalleryState } from './fixtures';
import { documentOf, staticHtmlOf } from './html';

const OUT_DIR = path.resolve(__dirname, '..', '..', '..', 'gallery');
const TRANSITION_MS = 400;

export interface ManifestEntry {
  page: string;
  state: string;
  html: string;
  height: number;
  error?: string;
}

/** Class prefixes off: the gallery's CSS is the plain WXSS, so the DOM keeps the classes as written. */
function withoutClassPrefixes(): void {
  const scope = globalThis as unknown as { Component: (options: Record<string, unknown>) => void; __galleryPrefixOff?: true };
  if (scope.__galleryPrefixOff) return;
  const original = scope.Component;
  scope.Component = (options) => original({ ...options, options: { ...((options.options as object) ?? {}), classPrefix: '' } });
  scope.__galleryPrefixOff = true;
}

function answer(stubs: ApiStubs, pending: boolean): void {
  stubCallFunction(async ({ data }) => {
    if (pending) return new Promise(() => undefined);
    const { action, payload } = data as ApiEvent;
    const stub = stubs[action] as ((p: unknown) => unknown) | unknown;
    if (!stub) return { result: { ok: false, error: { code: 'INTERNAL', message: `图库未提供 ${action}` } }, errMsg: 'ok' };
    return { result: typeof stub === 'function' ? (stub as (p: unknown) => unknown)(payload) : stub, errMsg: 'cloud.callFunction:ok' };
  });
}

function pagesOnDisk(): string[] {
  const dir = path.join(MINIPROGRAM_ROOT, 'pages');
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(dir, entry.name, 'index.json')))
    .map((entry) => entry.name)
    .sort();
}

function statesOf(page: string): GalleryState[] {
  const own = STATES.filter((s) => s.page === page);
  return own.length > 0 ? own : DEFAULT_STATES.map((s) => ({ ...s, page }));
}

const manifest: ManifestEntry[] = [];
const filter = process.env.GALLERY_PAGES ? new Set(process.env.GALLERY_PAGES.split(',')) : null;
const pages = pagesOnDisk().filter((page) => !filter || filter.has(page));


beforeAll(() => {
  fs.mkdirSync(OUT_DIR, { recursive: true });
  // Only the pages drawn this time are redrawn (GALLERY_PAGES); the others' pictures stay.
  for (const file of fs.readdirSync(OUT_DIR)) {
    if (/\.(html|png)$/.test(file) && pages.includes(file.split('--')[0])) fs.rmSync(path.join(OUT_DIR, file));
  }
  withoutClassPrefixes();
});

afterAll(() => {
  // The manifest lists what this run drew; scripts/gallery.ts screenshots those and indexes every PNG.
  fs.writeFileSync(path.join(OUT_DIR, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
});


describe.each(pages)('%s', (page) => {
  it.each(statesOf(page).map((s) => [s.state, s] as const))('%s', async (_name, state) => {
    const pagePath = `pages/${page}/index`;
    const html = `${page}--${state.state}.html`;
    const entry: ManifestEntry = { page, state: state.state, html, height: state.height ?? 812 };
    manifest.push(entry);
    try {
      answer({ ...WORLD, ...state.stubs }, Boolean(state.pending));
      const rendered: RenderedPage = openPageAt(pagePath, state.query ?? {});
      await settle();
      await settle();
      if (state.act) {
        await state.act(rendered);
        // Popups and pickers finish their enter transition on timers (TDesign's transition mixin).
        await new Promise((resolve) => setTimeout(resolve, TRANSITION_MS));
      }
      await settle();
      fs.writeFileSync(path.join(OUT_DIR, html), documentOf(pagePath, staticHtmlOf(rendered), entry.height));
    } catch (error) {
      entry.error = error instanceof Error ? error.message : String(error);
      throw error;
    }
  });
});
