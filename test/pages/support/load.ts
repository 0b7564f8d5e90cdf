/**
 * Loading a page's TypeScript into miniprogram-simulate.
 *
 * simulate.load(path) compiles <path>.wxml with WeChat's own wcc (compiler 'official'), then runs the
 * page script with a plain `require(path)`: no extension. Inside jest that `require` is jest's, so the
 * extensionless path resolves through moduleFileExtensions ('ts' comes before 'json') to index.ts,
 * which ts-jest transforms like any other import. No build step and no .js beside the sources.
 *
 * Jest caches that module, so a second load() of the same page would not run Component() again and
 * simulate.render() would return undefined. Every load therefore runs inside jest.isolateModules: a
 * fresh registry re-runs the page (and gives it a fresh services/api module).
 *
 * rootPath is miniprogram/, as in the devtools: absolute usingComponents ('/components/…') resolve
 * against it, and wcc compiles the whole tree once per test file.
 */
import * as path from 'path';
import simulate = require('miniprogram-simulate');

export const MINIPROGRAM_ROOT = path.resolve(__dirname, '..', '..', '..', 'miniprogram');

export type RenderedPage = NonNullable<ReturnType<typeof simulate.render>>;

/** Registers the page or component at `pagePath` (relative to miniprogram/, no extension) and returns its id. */
export function loadPage(pagePath: string): string {
  let id: string | undefined;
  jest.isolateModules(() => {
    id = simulate.load(path.join(MINIPROGRAM_ROOT, pagePath), { rootPath: MINIPROGRAM_ROOT });
  });
  if (!id) throw new Error(`miniprogram-simulate could not load ${pagePath}`);
  return id;
}

/** Loads, renders and attaches a page, which fires its `attached` lifetime as opening the page would. */
export function openPage(pagePath: string, properties?: Record<string, unknown>): RenderedPage {
  const page = simulate.render(loadPage(pagePath), properties);
  if (!page) throw new Error(`${pagePath} did not call Component(); pages must use the Component() constructor`);
  page.attach(document.createElement('parent-wrapper'));
  return page;
}

/** Lets pending promises (a stubbed cloud call and the setData after it) settle. */
export function settle(): Promise<void> {
  return simulate.sleep(0);
}

/** Taps the first node matching `selector`; j-component delivers events on a microtask, so this waits for it. */
export async function tap(page: RenderedPage, selector: string): Promise<void> {
  const node = page.querySelector(selector);
  if (!node) throw new Error(`nothing to tap at ${selector}`);
  node.dispatchEvent('tap');
  await settle();
}

/** The rendered text of the first node matching `selector` (classes as written in the .wxml). */
export function textOf(page: RenderedPage, selector: string): string | null {
  const node = page.querySelector(selector);
  return node?.dom?.textContent?.trim() ?? null;
}
