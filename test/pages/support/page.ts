/**
 * Helpers for pages opened with a query and for nodes inside lists, beside load.ts's selector-based
 * ones: WeChat calls a Component() page's onLoad with the page query after attaching it, and a test
 * often works one card or row out of several.
 */
import { openPage, settle, type RenderedPage } from './load';

type Node = NonNullable<ReturnType<RenderedPage['querySelector']>>;

/** Attaches the page, then calls its onLoad with the page query, as opening `path?query` would. */
export function openPageAt(pagePath: string, query: Record<string, string> = {}): RenderedPage {
  const page = openPage(pagePath);
  const instance = page.instance as unknown as { onLoad?: (options: Record<string, string>) => void };
  instance.onLoad?.(query);
  return page;
}

/** The first node matching `selector` inside the custom component at `host` (a claim card, a panel…). */
export function inside(page: RenderedPage, host: string, selector: string): Node | undefined {
  return page.querySelector(host)?.querySelector(selector);
}

interface ExparserElement {
  triggerEvent(name: string, detail: unknown, options: Record<string, unknown>): void;
}

/**
 * Makes the component at `node` emit `type` with `detail`, as its own triggerEvent does (a TDesign
 * checkbox's change, a button's tap): the node-level twin of load.ts's emit, for one node of a list.
 */
export async function emitFrom(node: Node | undefined, type: string, detail: unknown = {}): Promise<void> {
  const element = (node as unknown as { _exparserNode?: ExparserElement } | undefined)?._exparserNode;
  if (!element) throw new Error(`nothing to emit ${type} from`);
  element.triggerEvent(type, detail, {});
  await settle();
}

/** A TDesign button (a virtual host) tapped: it emits tap. */
export async function press(node: Node | undefined): Promise<void> {
  await emitFrom(node, 'tap');
}

/** Taps a plain WeChat element (view, text, image) of a list. */
export async function tapNode(node: Node | undefined): Promise<void> {
  if (!node) throw new Error('nothing to tap');
  node.dispatchEvent('tap');
  await settle();
}

/** The text a plain node renders. */
export function textIn(node: Node | undefined): string | null {
  return node?.dom?.textContent?.trim() ?? null;
}
