/**
 * A rendered page as a static HTML file a browser can draw: the DOM miniprogram-simulate built, with
 * what exparser keeps off the DOM (input values, image sources, hidden) written back onto it, and
 * the page's real WXSS (app.wxss, the page's, every component's and TDesign's) turned into CSS for a
 * 375-px-wide phone (750rpx = 375px).
 */
import * as fs from 'fs';
import * as path from 'path';
import { MINIPROGRAM_ROOT, resolveComponent } from '../../../scripts/miniprogram-files';
import type { RenderedPage } from '../support/load';

const RPX_TO_PX = 375 / 750;

interface ExparserNode {
  $$?: HTMLElement;
  _vt?: { attrs: { name: string; value: unknown }[] };
  shadowRoot?: ExparserNode;
  childNodes?: ExparserNode[];
}

/** Copies the attributes a static page needs from exparser's virtual tree onto the DOM. */
function writeBackAttributes(node: ExparserNode): void {
  const element = node.$$;
  // Text nodes have a DOM node too, without a tag.
  if (element && node._vt && typeof element.tagName === 'string') {
    const attrs = new Map(node._vt.attrs.map((a) => [a.name, a.value]));
    const tag = element.tagName.toLowerCase();
    if (attrs.get('hidden') === true) element.setAttribute('data-hidden', '');
    if (tag === 'wx-image' && typeof attrs.get('src') === 'string') {
      element.setAttribute('data-src', String(attrs.get('src')));
      element.setAttribute('data-mode', String(attrs.get('mode') ?? 'scaleToFill'));
    }
    if (tag === 'wx-input' || tag === 'wx-textarea') {
      for (const name of ['value', 'placeholder', 'type', 'disabled']) {
        const value = attrs.get(name);
        if (value !== undefined && value !== null && value !== false) element.setAttribute(`data-${name}`, String(value));
      }
    }
  }
  if (node.shadowRoot) writeBackAttributes(node.shadowRoot);
  for (const child of node.childNodes ?? []) writeBackAttributes(child);
}

const IMAGE_FIT: Record<string, string> = { aspectFill: 'cover', aspectFit: 'contain', scaleToFill: '100% 100%', widthFix: '100% auto' };

/** Native inputs and images as their HTML counterparts, so values, placeholders and photos show. */
function materialize(root: HTMLElement): void {
  const document = root.ownerDocument;
  root.querySelectorAll('wx-image[data-src]').forEach((image) => {
    const element = image as HTMLElement;
    element.style.backgroundImage = `url("${element.getAttribute('data-src')}")`;
    element.style.backgroundSize = IMAGE_FIT[element.getAttribute('data-mode') ?? ''] ?? 'cover';
  });
  root.querySelectorAll('wx-input, wx-textarea').forEach((field) => {
    const element = field as HTMLElement;
    const replacement = document.createElement(element.tagName === 'WX-INPUT' ? 'input' : 'textarea');
    replacement.className = element.className;
    replacement.setAttribute('style', element.getAttribute('style') ?? '');
    const value = element.getAttribute('data-value') ?? '';
    if (replacement instanceof document.defaultView!.HTMLInputElement) replacement.setAttribute('value', value);
    else replacement.textContent = value;
    const placeholder = element.getAttribute('data-placeholder');
    if (placeholder) replacement.setAttribute('placeholder', placeholder);
    element.replaceWith(replacement);
  });
}

export function staticHtmlOf(page: RenderedPage): string {
  writeBackAttributes((page as unknown as { _exparserNode: ExparserNode })._exparserNode);
  const clone = page.dom!.cloneNode(true) as HTMLElement;
  materialize(clone);
  // Entities TDesign writes in text (`&nbsp;*` beside a required field) reach the DOM undecoded.
  return clone.innerHTML.replace(/&amp;(nbsp|gt|lt|amp);/g, '&$1;');
}

/** The components a page uses (itself first), following usingComponents through TDesign, with the tags each is used under. */
export function componentsOf(pagePath: string): Map<string, Set<string>> {
  const seen = new Map<string, Set<string>>();
  const visit = (base: string, tag: string | null): void => {
    const tags = seen.get(base);
    if (tags) {
      if (tag) tags.add(tag);
      return;
    }
    seen.set(base, new Set(tag ? [tag] : []));
    const jsonFile = path.join(MINIPROGRAM_ROOT, `${base}.json`);
    if (!fs.existsSync(jsonFile)) return;
    const json = JSON.parse(fs.readFileSync(jsonFile, 'utf8')) as { usingComponents?: Record<string, string> };
    for (const [usedAs, target] of Object.entries(json.usingComponents ?? {})) {
      const resolved = resolveComponent(MINIPROGRAM_ROOT, `${base}.json`, target);
      if (resolved) visit(resolved, usedAs);
    }
  };
  visit(pagePath, null);
  return seen;
}

const IMPORT = /@import\s+(?:url\(\s*)?["']([^"']+)["']\s*\)?\s*;?/g;

/** A stylesheet with its relative @imports inlined (each file once). */
function inlined(file: string, done: Set<string>): string {
  if (done.has(file) || !fs.existsSync(file)) return '';
  done.add(file);
  return fs.readFileSync(file, 'utf8').replace(IMPORT, (_all, target: string) => inlined(path.resolve(path.dirname(file), target), done));
}

/**
 * WXSS → CSS: rpx at 375 px per 750rpx, `page` as the page's root element, and `:host` as the tags the
 * component is used under (dropped for TDesign's, whose hosts are virtual and not in the DOM).
 */
export function cssOf(wxss: string, hostTags: readonly string[] = []): string {
  const host = hostTags.join(', ');
  return wxss
    .replace(/(-?\d*\.?\d+)rpx/g, (_all, n: string) => `${+(Number(n) * RPX_TO_PX).toFixed(3)}px`)
    .replace(/(^|[\s,{}>+~])page(?=[\s,{.:#[>+~])/g, '$1.wx-page')
    .replace(/:host\s*\{([^}]*)\}/g, (_all, body: string) => (host ? `${host} {${body}}` : ''));
}

export function stylesOf(pagePath: string): string {
  const done = new Set<string>();
  const components = [...componentsOf(pagePath).entries()].reverse();
  const sheets = components.map(([base, tags]) => {
    const own = inlined(path.join(MINIPROGRAM_ROOT, `${base}.wxss`), done);
    return cssOf(own, base.startsWith('miniprogram_npm/') ? [] : [...tags]);
  });
  return [cssOf(inlined(path.join(MINIPROGRAM_ROOT, 'app.wxss'), done)), ...sheets].join('\n');
}

/** What WeChat's own components look like by default, and stand-ins for TDesign's web-font icons. */
export const BASE_CSS = `
html, body { margin: 0; padding: 0; background: #f5f6f8; }
body { width: 375px; -webkit-text-size-adjust: none; }
wx-view, wx-scroll-view, wx-swiper, wx-form, wx-picker-view, wx-movable-area { display: block; }
wx-scroll-view { width: 100%; overflow: auto; }
/* TDesign places the tab underline by measuring the DOM, which simulate cannot: draw it under the active tab instead. */
.t-tabs__track { display: none; }
.t-tabs__item--active .t-tabs__item-inner { box-shadow: inset 0 -3px 0 var(--td-brand-color, #c8102e); }
wx-text, wx-label { display: inline; }
[data-hidden] { display: none !important; }
wx-image { display: inline-block; width: 320px; height: 240px; overflow: hidden; background-position: center; background-repeat: no-repeat; }
wx-button { position: relative; display: block; box-sizing: border-box; margin: 0 auto; padding: 0 14px; border: 0; border-radius: 5px;
  background: #f8f8f8; color: #000; font-size: 18px; line-height: 2.55555556; text-align: center; overflow: hidden; }
wx-button::after { content: " "; position: absolute; top: 0; left: 0; width: 200%; height: 200%; box-sizing: border-box;
  border: 1px solid rgba(0, 0, 0, .2); border-radius: 10px; transform: scale(.5); transform-origin: 0 0; }
input, textarea { display: block; box-sizing: border-box; width: 100%; margin: 0; padding: 0; border: 0; outline: 0; background: transparent;
  color: inherit; font: inherit; resize: none; }
textarea { min-height: 60px; }
.gallery-navbar { position: sticky; top: 0; z-index: 100; display: flex; align-items: center; justify-content: center; height: 44px;
  background: #fff; color: #000; font: 600 17px -apple-system, "PingFang SC", "Noto Sans CJK SC", sans-serif; border-bottom: .5px solid #e5e6eb; }
.gallery-tabbar { position: fixed; bottom: 0; left: 0; z-index: 100; display: flex; width: 375px; height: 50px; background: #fff;
  border-top: .5px solid rgba(0, 0, 0, .2); font: 12px -apple-system, "PingFang SC", "Noto Sans CJK SC", sans-serif; }
.gallery-tabbar span { flex: 1; display: flex; align-items: center; justify-content: center; color: #646a73; }
.gallery-tabbar span.on { color: #c8102e; font-weight: 600; }
.wx-page { position: relative; overflow: hidden; transform: translateZ(0); }
body .wx-page .t-icon { font-family: inherit !important; }
wx-label.t-icon-base::before { content: ""; }
wx-label.t-icon-base.t-icon-chevron-right::before { content: "›"; font-size: 1.4em; line-height: .7; }
wx-label.t-icon-base.t-icon-chevron-left::before { content: "‹"; font-size: 1.4em; line-height: .7; }
wx-label.t-icon-base.t-icon-chevron-down::before { content: "⌄"; }
wx-label.t-icon-base.t-icon-close::before, wx-label.t-icon-base.t-icon-close-circle-filled::before { content: "✕"; }
wx-label.t-icon-base.t-icon-add::before { content: "+"; }
wx-label.t-icon-base.t-icon-remove::before { content: "−"; }
wx-label.t-icon-base.t-icon-check::before, wx-label.t-icon-base.t-icon-check-circle::before, wx-label.t-icon-base.t-icon-check-circle-filled::before { content: "✓"; }
wx-label.t-icon-base.t-icon-error-circle::before, wx-label.t-icon-base.t-icon-error-circle-filled::before,
wx-label.t-icon-base.t-icon-info-circle::before, wx-label.t-icon-base.t-icon-info-circle-filled::before {
  content: "!"; display: inline-flex; align-items: center; justify-content: center; box-sizing: border-box;
  width: 1.6em; height: 1.6em; border: .12em solid currentColor; border-radius: 50%; font-size: .6em; font-weight: 700; }
wx-label.t-icon-base.t-icon-info-circle::before, wx-label.t-icon-base.t-icon-info-circle-filled::before { content: "i"; font-style: italic; }
wx-label.t-icon-base.t-icon-search::before { content: "⌕"; }
`;

export interface Frame {
  title: string;
  /** The tab bar's items when the page is a tab page, with the current one. */
  tabs: { text: string; on: boolean }[] | null;
}

export function frameOf(pagePath: string): Frame {
  const app = JSON.parse(fs.readFileSync(path.join(MINIPROGRAM_ROOT, 'app.json'), 'utf8')) as {
    window?: { navigationBarTitleText?: string };
    tabBar?: { list: { pagePath: string; text: string }[] };
  };
  const pageJson = JSON.parse(fs.readFileSync(path.join(MINIPROGRAM_ROOT, `${pagePath}.json`), 'utf8')) as { navigationBarTitleText?: string };
  const list = app.tabBar?.list ?? [];
  const isTab = list.some((tab) => tab.pagePath === pagePath);
  return {
    title: pageJson.navigationBarTitleText ?? app.window?.navigationBarTitleText ?? '',
    tabs: isTab ? list.map((tab) => ({ text: tab.text, on: tab.pagePath === pagePath })) : null,
  };
}

/** The page draws between the navigation bar (44 px) and the tab bar (50 px), as in the WeChat client. */
export function documentOf(pagePath: string, body: string, screenHeight: number): string {
  const frame = frameOf(pagePath);
  const pageHeight = screenHeight - 44 - (frame.tabs ? 50 : 0);
  const tabbar = frame.tabs
    ? `<div class="gallery-tabbar">${frame.tabs.map((t) => `<span class="${t.on ? 'on' : ''}">${t.text}</span>`).join('')}</div>`
    : '';
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=375">
<title>${pagePath}</title>
<style>${BASE_CSS}</style>
<style>${stylesOf(pagePath)}</style>
</head>
<body>
<div class="gallery-navbar">${frame.title}</div>
<div class="wx-page" style="height: ${pageHeight}px">${body}</div>
${tabbar}
</body>
</html>
`;
}
