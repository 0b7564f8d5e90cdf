/**
 * The page stack, as WeChat keeps it: tab pages stay alive once opened; navigateTo pushes, redirectTo
 * replaces, navigateBack pops, switchTab drops every page above the tab pages, reLaunch starts over.
 * Each page draws in a frame of its own (a shadow root holding the page's stylesheet) and gets its
 * life cycle: attached and ready (j-component), onLoad(query), onShow / onHide, onUnload, and, while
 * on screen, onPageScroll, onReachBottom and onPullDownRefresh (framework/pull-down.ts).
 */
import * as jComponent from 'j-component/src/index';
import type { PageCaller, RootComponent } from 'j-component/src/index';
import type { ExparserElement } from 'miniprogram-exparser';
import { appJson, components, pageStylesheets, stylesheets } from 'preview:app';
import { callSafely } from './errors';
import { enablePullDownRefresh, type PullDown } from './pull-down';
import { ensureRegistered, PAGE_TAG } from './registry';

export interface OpenedPage {
  route: string;
  query: Record<string, string>;
  root: RootComponent;
  instance: PageCaller;
  frame: HTMLElement;
  scroller: HTMLElement;
  json: Record<string, unknown>;
  /** Set by wx.setNavigationBarTitle. */
  title: string | null;
  pullDown: PullDown | null;
}

export class NavigationError extends Error {}

/**
 * WeChat navigates after the calling handler returns: a page that calls wx.navigateTo in its onLoad
 * finishes loading first.
 */
const laterThanTheCaller = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

const MAX_STACK = 10;
const REACH_BOTTOM_DISTANCE = 50;

export const tabRoutes = (): string[] => (appJson.tabBar?.list ?? []).map((tab) => tab.pagePath);
export const isTabRoute = (route: string): boolean => tabRoutes().includes(route);

/** '/pages/x/index?a=1', 'pages/x/index' or '../x/index' (from `from`) → route and query. */
const parsed = new Map<string, CSSStyleSheet>();

/** A page's stylesheets, each parsed once and shared by every page that uses it. */
function sheetsOf(route: string): CSSStyleSheet[] {
  return (pageStylesheets[route] ?? []).map((key) => {
    let sheet = parsed.get(key);
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(stylesheets[key] ?? '');
      parsed.set(key, sheet);
    }
    return sheet;
  });
}

export function parsePageUrl(url: string, from: string | null): { route: string; query: Record<string, string> } {
  const [pathPart, search = ''] = url.split('?');
  let route: string;
  if (pathPart.startsWith('/')) route = pathPart.slice(1);
  else {
    const base = from ? from.split('/').slice(0, -1) : [];
    for (const part of pathPart.split('/')) {
      if (part === '..') base.pop();
      else if (part !== '.' && part !== '') base.push(part);
    }
    route = base.join('/');
  }
  route = route.replace(/\.html$/, '');
  const query: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(search)) query[key] = value;
  return { route, query };
}

function eachComponent(node: ExparserElement, visit: (node: ExparserElement) => void): void {
  visit(node);
  if (node.shadowRoot) for (const child of node.shadowRoot.childNodes) eachComponent(child, visit);
  for (const child of node.childNodes ?? []) eachComponent(child, visit);
}

export class PageStack {
  private stack: OpenedPage[] = [];
  private tabs = new Map<string, OpenedPage>();
  /** The page being opened: its own life cycle (attached, onLoad) may already call wx APIs about "the current page". */
  private opening: OpenedPage | null = null;

  constructor(
    private readonly container: HTMLElement,
    private readonly changed: (top: OpenedPage) => void,
  ) {}

  current(): OpenedPage | undefined {
    return this.opening ?? this.stack[this.stack.length - 1];
  }

  pages(): OpenedPage[] {
    return [...this.stack];
  }

  async navigateTo(url: string): Promise<void> {
    await laterThanTheCaller();
    const { route, query } = this.target(url, 'navigateTo');
    if (isTabRoute(route)) throw new NavigationError(`navigateTo:fail can not navigateTo a tabbar page`);
    if (this.stack.length >= MAX_STACK) throw new NavigationError('navigateTo:fail webview count limit exceed');
    const previous = this.current();
    if (previous) this.hide(previous);
    this.stack.push(this.open(route, query));
    this.settle();
  }

  async redirectTo(url: string): Promise<void> {
    await laterThanTheCaller();
    const { route, query } = this.target(url, 'redirectTo');
    if (isTabRoute(route)) throw new NavigationError(`redirectTo:fail can not redirectTo a tabbar page`);
    const previous = this.stack.pop();
    if (previous) this.unload(previous);
    this.stack.push(this.open(route, query));
    this.settle();
  }

  async navigateBack(delta = 1): Promise<void> {
    await laterThanTheCaller();
    if (this.stack.length <= 1) throw new NavigationError('navigateBack:fail cannot navigate back at first page.');
    const count = Math.min(Math.max(1, Math.floor(delta) || 1), this.stack.length - 1);
    for (let i = 0; i < count; i++) this.unload(this.stack.pop()!);
    this.show(this.current()!);
    this.settle();
  }

  async switchTab(url: string): Promise<void> {
    await laterThanTheCaller();
    const { route } = this.target(url, 'switchTab');
    if (!isTabRoute(route)) throw new NavigationError(`switchTab:fail can not switch to no-tabBar page`);
    const top = this.current();
    while (this.stack.length > 0 && !isTabRoute(this.current()!.route)) this.unload(this.stack.pop()!);
    const bottom = this.stack.pop();
    if (bottom && bottom.route !== route) this.hide(bottom);
    let page = this.tabs.get(route);
    if (!page) {
      page = this.open(route, {});
      this.tabs.set(route, page);
    } else if (page !== bottom || top !== bottom) {
      this.show(page);
    }
    this.stack = [page];
    this.settle();
  }

  async reLaunch(url: string): Promise<void> {
    await laterThanTheCaller();
    const { route, query } = this.target(url, 'reLaunch');
    for (const page of this.stack.splice(0).reverse()) this.unload(page);
    for (const page of this.tabs.values()) if (page.frame.isConnected) this.unload(page);
    this.tabs.clear();
    const page = this.open(route, query);
    if (isTabRoute(route)) this.tabs.set(route, page);
    this.stack = [page];
    this.settle();
  }

  /** Triggers a page method the platform calls (onShareAppMessage…) and returns what it returned. */
  callPage(page: OpenedPage, method: string, ...args: unknown[]): unknown {
    const fn = page.instance[method];
    if (typeof fn !== 'function') return undefined;
    let result: unknown;
    callSafely(`${page.route} ${method}`, () => (result = (fn as (...a: unknown[]) => unknown).apply(page.instance, args)));
    return result;
  }

  private target(url: string, api: string): { route: string; query: Record<string, string> } {
    const parsed = parsePageUrl(String(url ?? ''), this.current()?.route ?? null);
    if (!appJson.pages.includes(parsed.route)) throw new NavigationError(`${api}:fail page "${parsed.route}" is not found`);
    return parsed;
  }

  private open(route: string, query: Record<string, string>): OpenedPage {
    ensureRegistered(route, PAGE_TAG);
    const frame = document.createElement('div');
    frame.className = 'page-frame';
    frame.dataset.route = route;
    const shadow = frame.attachShadow({ mode: 'open' });
    shadow.adoptedStyleSheets = sheetsOf(route);
    const scroller = document.createElement('div');
    scroller.className = 'page-scroll';
    shadow.append(scroller);
    this.container.append(frame);

    const root = jComponent.create(route);
    if (!root) throw new NavigationError(`${route} could not be created`);
    const instance = root.instance;
    Object.assign(instance, { route, __route__: route, options: query });
    const json = components[route]?.json ?? {};
    const page: OpenedPage = { route, query, root, instance, frame, scroller, json, title: null, pullDown: null };
    this.mark(page, true);
    this.opening = page;
    try {
      root.attach(scroller);
      const pullDown = json.enablePullDownRefresh ?? appJson.window?.enablePullDownRefresh;
      if (pullDown) page.pullDown = enablePullDownRefresh(scroller, () => this.callPage(page, 'onPullDownRefresh'));
      this.watchScroll(page);
      this.callPage(page, 'onLoad', { ...query });
      this.lifetime(page, 'show');
      this.callPage(page, 'onReady');
    } finally {
      this.opening = null;
    }
    return page;
  }

  private watchScroll(page: OpenedPage): void {
    let atBottom = false;
    page.scroller.addEventListener('scroll', () => {
      const { scrollTop, scrollHeight, clientHeight } = page.scroller;
      this.callPage(page, 'onPageScroll', { scrollTop });
      const distance = Number(page.json.onReachBottomDistance ?? REACH_BOTTOM_DISTANCE);
      const reached = scrollHeight - scrollTop - clientHeight <= distance;
      if (reached && !atBottom) this.callPage(page, 'onReachBottom');
      atBottom = reached;
    });
  }

  private lifetime(page: OpenedPage, name: 'show' | 'hide'): void {
    this.callPage(page, name === 'show' ? 'onShow' : 'onHide');
    eachComponent(page.root._exparserNode, (node) => {
      if (node !== page.root._exparserNode && typeof node.triggerPageLifeTime === 'function') node.triggerPageLifeTime(name, []);
    });
  }

  private mark(page: OpenedPage, current: boolean): void {
    page.frame.toggleAttribute('data-current', current);
  }

  private show(page: OpenedPage): void {
    this.mark(page, true);
    this.lifetime(page, 'show');
  }

  private hide(page: OpenedPage): void {
    this.mark(page, false);
    this.lifetime(page, 'hide');
  }

  private unload(page: OpenedPage): void {
    this.callPage(page, 'onUnload');
    page.root.detach();
    page.frame.remove();
  }

  private settle(): void {
    for (const page of [...this.stack, ...this.tabs.values()]) this.mark(page, page === this.current());
    this.changed(this.current()!);
  }
}
