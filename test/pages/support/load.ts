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
import { resolveComponent } from '../../../scripts/miniprogram-files';

export const MINIPROGRAM_ROOT = path.resolve(__dirname, '..', '..', '..', 'miniprogram');

/**
 * simulate resolves usingComponents only as absolute or relative paths; the devtools also resolve
 * npm names ('tdesign-miniprogram/button/button') into miniprogram_npm/. Its json reader is patched
 * to do the same, so pages keep the names they use on a phone. miniprogram_npm/ comes from
 * `npm run pack:npm`.
 */
function resolveNpmComponents(): void {
  const utils = require('miniprogram-simulate/src/utils') as { readJson(file: string): unknown; __npmAware?: true };
  if (utils.__npmAware) return;
  const readJson = utils.readJson.bind(utils);
  utils.readJson = (file: string) => {
    const json = readJson(file) as { usingComponents?: Record<string, string> } | null;
    if (!json?.usingComponents) return json;
    const fromFile = path.relative(MINIPROGRAM_ROOT, file).split(path.sep).join('/');
    for (const [tag, target] of Object.entries(json.usingComponents)) {
      if (target.startsWith('.') || target.startsWith('/')) continue;
      const resolved = resolveComponent(MINIPROGRAM_ROOT, fromFile, target);
      if (!resolved) throw new Error(`${fromFile}: ${tag} → ${target} is not in miniprogram_npm/; run npm run pack:npm`);
      json.usingComponents[tag] = `/${resolved}`;
    }
    return json;
  };
  utils.__npmAware = true;
}
resolveNpmComponents();

/** The App() instance pages and TDesign's components reach through getApp(); simulate has none. */
export const testApp: { globalData: Record<string, unknown> } = { globalData: {} };
const scope = globalThis as unknown as { getApp?: () => unknown; getCurrentPages?: () => unknown[] };
scope.getApp = () => testApp;
scope.getCurrentPages = scope.getCurrentPages ?? (() => []);

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

interface ExparserElement {
  $$?: HTMLElement;
  childNodes: ExparserElement[];
  shadowRoot?: ExparserElement;
}

interface ExparserModule {
  Element: new (...args: never[]) => ExparserElement;
  Event: {
    create(name: string, detail: unknown, options: Record<string, unknown>): unknown;
    dispatchEvent(target: ExparserElement, event: unknown): void;
  };
}

type NodeOf = NonNullable<ReturnType<RenderedPage['querySelector']>>;
type ComponentInternals = NodeOf & { _exparserNode: ExparserElement; instance: { triggerEvent(name: string, detail?: unknown): void } };

/** Where a virtual-host component (all of TDesign's) draws: the first element of its own tree. */
function firstRenderedElement(node: ExparserElement): ExparserElement | null {
  const children = node.shadowRoot ? node.shadowRoot.childNodes : node.childNodes;
  for (const child of children) {
    if (child.$$) return child;
    const inner = firstRenderedElement(child);
    if (inner) return inner;
  }
  return null;
}

/**
 * A selector, or a path of selectors that descends into custom components: ['.state', '.state-view__button']
 * is the node .state-view__button inside the component rendered at .state.
 */
export type Selector = string | readonly string[];

/** The first node at `selector`, or undefined. */
export function find(page: RenderedPage, selector: Selector): NodeOf | undefined {
  const path = typeof selector === 'string' ? [selector] : selector;
  let node: NodeOf | undefined = page as unknown as NodeOf;
  for (const step of path) {
    node = node?.querySelector(step) ?? undefined;
  }
  return node;
}

function nodeAt(page: RenderedPage, selector: Selector): ComponentInternals {
  const node = find(page, selector);
  if (!node) throw new Error(`nothing at ${String(selector)}`);
  return node as ComponentInternals;
}

/**
 * Taps the first node matching `selector`, as a finger would; j-component delivers events on a
 * microtask, so this waits for it. A TDesign component has no host element (virtual host): the tap
 * lands on the first element it renders, and bubbles out through the component as on a phone.
 */
export async function tap(page: RenderedPage, selector: Selector): Promise<void> {
  const node = nodeAt(page, selector);
  if (node.dom) {
    node.dispatchEvent('tap');
  } else {
    const exparser = require('miniprogram-exparser') as ExparserModule;
    const target = firstRenderedElement(node._exparserNode);
    if (!target?.$$) throw new Error(`${String(selector)} renders nothing to tap`);
    const original = new CustomEvent('tap', {});
    target.$$.dispatchEvent(original);
    exparser.Event.dispatchEvent(
      target,
      exparser.Event.create('tap', {}, { originalEvent: original, bubbles: true, composed: true, capturePhase: true }),
    );
  }
  await settle();
}

/** Taps the first node matching `selector` whose text contains `text` (a list row, a chip). */
export async function tapText(page: RenderedPage, selector: string, text: string): Promise<void> {
  const node = page.querySelectorAll(selector).find((candidate) => (textOfNode(candidate as ComponentInternals) ?? '').includes(text));
  if (!node) throw new Error(`no ${selector} reads "${text}"`);
  node.dispatchEvent('tap');
  await settle();
}

/**
 * Makes the component at `selector` emit `eventName` with `detail`, as it does when the user works
 * it (a picker's confirm, an input's change, tabs' change), and waits for the page to handle it.
 */
export async function emit(page: RenderedPage, selector: Selector, eventName: string, detail: unknown = {}): Promise<void> {
  const node = nodeAt(page, selector);
  if (node.dom) node.dispatchEvent(eventName, { detail });
  else node.instance.triggerEvent(eventName, detail);
  await settle();
}

/** Types into a native <input>/<textarea> at `selector` (its bindinput receives detail.value). */
export async function typeInto(page: RenderedPage, selector: Selector, value: string): Promise<void> {
  nodeAt(page, selector).dispatchEvent('input', { detail: { value } });
  await settle();
}

/** Calls a page method the framework calls (onPullDownRefresh, onReachBottom, onShow…) and waits. */
export async function callPage(page: RenderedPage, method: string, ...args: unknown[]): Promise<void> {
  const instance = (page as unknown as { instance: Record<string, unknown> }).instance;
  const fn = instance[method];
  if (typeof fn !== 'function') throw new Error(`the page has no ${method}()`);
  await (fn as (...a: unknown[]) => unknown).apply(instance, args);
  await settle();
}

/** The page's current data, as setData left it. */
export function dataOf<T = Record<string, unknown>>(page: RenderedPage): T {
  return (page as unknown as { data: T }).data;
}

function textOfNode(node: ComponentInternals): string | null {
  if (node.dom) return node.dom.textContent?.trim() ?? null;
  const target = firstRenderedElement(node._exparserNode);
  return target?.$$?.textContent?.trim() ?? null;
}

/** The rendered text of the first node matching `selector` (classes as written in the .wxml). */
export function textOf(page: RenderedPage, selector: Selector): string | null {
  const node = find(page, selector);
  return node ? textOfNode(node as ComponentInternals) : null;
}

/** The rendered text of every node matching `selector`, in order. */
export function textsOf(page: RenderedPage, selector: string): string[] {
  return page.querySelectorAll(selector).map((node) => textOfNode(node as ComponentInternals) ?? '');
}

/** Whether a node matching `selector` is rendered. */
export function exists(page: RenderedPage, selector: Selector): boolean {
  return find(page, selector) !== undefined;
}
