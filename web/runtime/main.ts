/**
 * The preview's entry: the mini-program of this repository running in the browser against the local
 * cloud, as the person named by `?as=<openid>`, on the page named by `#/pages/<page>/index?query`.
 *
 * Boot order follows WeChat's: the platform (built-ins, wx, the constructors), App() and its
 * onLaunch, then the entry page; before them the pages' clock is set to the cloud's, when it was moved.
 */
import { appJson, loadApp } from 'preview:app';
import { registerBuiltins } from './builtins';
import { followCloudClock } from './framework/clock';
import { callSafely, onPageError, pageErrors, watchForPageErrors } from './framework/errors';
import { installFidelityFixes } from './framework/fidelity';
import { isTabRoute, PageStack, parsePageUrl, type OpenedPage } from './framework/pages';
import { installConstructors } from './framework/registry';
import { bridgeMouseToTouch } from './framework/touch';
import { callerPanel, fetchCast } from './shell/callers';
import { h } from './shell/dom';
import { Overlays } from './shell/overlays';
import { Phone } from './shell/phone';
import { openPickerSheet } from './shell/picker-sheet';
import { createSharing } from './shell/share';
import { WechatLog } from './shell/wechat-log';
import { CloudClient } from './wx/cloud';
import { isTempPath, tempFile } from './wx/files';
import { createWx } from './wx';
import { answerNodeFields } from './wx/selector-query';

/** The caller when the URL names none and there is no demo: the local default administrator. */
const FALLBACK_CALLER = 'local-admin';

function routeOfHash(): { route: string; query: Record<string, string> } | null {
  const hash = decodeURI(location.hash.replace(/^#\/?/, ''));
  if (!hash) return null;
  const parsed = parsePageUrl(`/${hash}`, null);
  return appJson.pages.includes(parsed.route) ? parsed : null;
}

function urlOf(openid: string, page: OpenedPage): string {
  const query = new URLSearchParams(page.query).toString();
  return `/?as=${encodeURIComponent(openid)}#/${page.route}${query ? `?${query}` : ''}`;
}

function miniprogramFile(src: string, ownerPath: string | null): string {
  const parts = src.startsWith('/') ? [] : (ownerPath ?? '').split('/').slice(0, -1);
  for (const part of src.split('/')) {
    if (part === '..') parts.pop();
    else if (part && part !== '.') parts.push(part);
  }
  return `/preview/miniprogram/${parts.map(encodeURIComponent).join('/')}`;
}

async function boot(): Promise<void> {
  watchForPageErrors();
  installFidelityFixes();
  const scope = globalThis as unknown as Record<string, unknown>;
  scope.__webview_engine_version__ = 0.02;

  // The cast fills the caller switcher; the page waits for it only when the URL names nobody.
  const casting = fetchCast();
  // Before any page is loaded: a page's data may hold today.
  await followCloudClock();
  const named = new URLSearchParams(location.search).get('as');
  const openid = named || (await casting.then((cast) => cast?.start ?? cast?.people[0]?.openid)) || FALLBACK_CALLER;
  const appName = appJson.window?.navigationBarTitleText ?? '小程序';

  const log = new WechatLog();
  const cloud = new CloudClient(openid);
  const resolveImage = async (src: string, ownerPath: string | null): Promise<string> => {
    if (src.startsWith('cloud://')) return cloud.urlOf(src);
    if (isTempPath(src)) return tempFile(src).url;
    if (/^(https?:|data:|blob:)/.test(src)) return src;
    return miniprogramFile(src, ownerPath);
  };

  let pages: PageStack;
  // A navigation WeChat refuses (a page not in app.json…) shows its errMsg, so a broken link is seen.
  const go = (navigation: () => Promise<void>) =>
    void navigation().catch((error: unknown) => overlays.toast({ title: String((error as Error).message), icon: 'none', duration: 2000, mask: false }));
  const phone = new Phone(appJson, {
    back: () => go(() => pages.navigateBack(1)),
    home: () => go(() => pages.reLaunch(`/${appJson.pages[0]}`)),
    menu: () => sharing.menu(),
    switchTab: (route) => go(() => pages.switchTab(`/${route}`)),
  });
  const overlays = new Overlays(phone.layer);
  pages = new PageStack(phone.pages, (top) => {
    const stack = pages.pages();
    const window = appJson.window ?? {};
    const title = top.title ?? String(top.json.navigationBarTitleText ?? window.navigationBarTitleText ?? '');
    phone.showNavigation({
      title,
      canGoBack: stack.length > 1,
      canGoHome: stack.length === 1 && !isTabRoute(top.route) && top.route !== appJson.pages[0],
      route: top.route,
      background: String(top.json.navigationBarBackgroundColor ?? window.navigationBarBackgroundColor ?? '#ffffff'),
      textStyle: String(top.json.navigationBarTextStyle ?? window.navigationBarTextStyle ?? 'black'),
    });
    document.title = `${title} · ${appName} 预览`;
    history.replaceState(null, '', urlOf(openid, top));
  });
  const sharing = createSharing(pages, overlays, log, appName, (src) => resolveImage(src, null));

  registerBuiltins({
    openPicker: (request) => openPickerSheet(phone.layer, request),
    resolveImage,
    shareFromButton: (target) => sharing.fromButton(target),
    navigate: (openType, url, delta) => {
      const byOpenType: Record<string, () => Promise<void>> = {
        navigate: () => pages.navigateTo(url),
        redirect: () => pages.redirectTo(url),
        switchTab: () => pages.switchTab(url),
        reLaunch: () => pages.reLaunch(url),
        navigateBack: () => pages.navigateBack(delta),
      };
      go(byOpenType[openType] ?? byOpenType.navigate);
    },
  });
  answerNodeFields();
  scope.wx = createWx({ openid, appName, cloud, overlays, phone, log, pages, resolveImage });
  installConstructors(scope);

  let app: Record<string, unknown> = {};
  scope.App = (options: Record<string, unknown>) => {
    app = options;
  };
  scope.getApp = () => app;
  scope.getCurrentPages = () => pages.pages().map((page) => page.instance);

  onPageError((error) => log.record({ kind: 'error', title: '页面错误', detail: error.message }));
  scope.__preview = { caller: openid, errors: pageErrors(), wechat: log.entries, toasts: overlays.toasts, route: () => pages.current()?.route ?? null };

  const callers = h('aside', { class: 'callers' });
  document.body.append(h('div', { class: 'preview' }, callers, phone.element, log.element));
  void casting.then((cast) => callers.replaceWith(callerPanel(cast, openid)));
  bridgeMouseToTouch(phone.pages);

  loadApp();
  const launch = { path: appJson.pages[0], query: {}, scene: 1001 };
  for (const hook of ['onLaunch', 'onShow']) {
    const fn = app[hook];
    if (typeof fn === 'function') callSafely(`App ${hook}`, () => fn.call(app, launch));
  }

  const entry = routeOfHash();
  const start = entry ? `/${entry.route}?${new URLSearchParams(entry.query)}` : `/${appJson.pages[0]}`;
  // A tab page with a query is opened as a shared card opens it (reLaunch keeps the query; switchTab has none).
  const asTab = entry && isTabRoute(entry.route) && Object.keys(entry.query).length === 0;
  await (asTab ? pages.switchTab(`/${entry.route}`) : pages.reLaunch(start));
  window.addEventListener('hashchange', () => {
    const target = routeOfHash();
    const top = pages.current();
    if (target && (!top || target.route !== top.route)) void pages.reLaunch(`/${target.route}?${new URLSearchParams(target.query)}`);
  });
  document.body.dataset.ready = 'true';
}

boot().catch((error: unknown) => {
  console.error(error);
  document.body.append(h('pre', { class: 'boot-error' }, `预览启动失败：${String((error as Error)?.stack ?? error)}`));
});
