/**
 * WXSS → CSS for the preview: each page draws in a shadow root of its own (as each page is a webview
 * of its own in WeChat), styled by app.wxss and the WXSS of every component in its tree.
 *
 * - rpx at a 375-px-wide screen (750rpx = 375px), as an iPhone's WeChat computes it;
 * - `page` is the page's root element, <wx-page>;
 * - `:host` becomes the tags the component is used under; TDesign's hosts are virtual (no element)
 *   and their `:host` rules are dropped, as WeChat ignores them for virtual hosts;
 * - relative @imports are inlined; fonts and images from the web are dropped (the preview fetches
 *   nothing from the web; icons/stand-ins.css draws TDesign's icons).
 */
import * as fs from 'fs';
import * as path from 'path';
import { MINIPROGRAM_ROOT } from '../../scripts/miniprogram-files';
import { treeOf, type ComponentNode } from './components';

export const SCREEN_WIDTH = 375;
const RPX_TO_PX = SCREEN_WIDTH / 750;

const IMPORT = /@import\s+(?:url\(\s*)?["']([^"']+)["']\s*\)?\s*;?/g;

/** A stylesheet with its relative @imports inlined (each file once). */
function inlined(file: string, done: Set<string>): string {
  if (done.has(file) || !fs.existsSync(file)) return '';
  done.add(file);
  return fs.readFileSync(file, 'utf8').replace(IMPORT, (_all, target: string) => inlined(path.resolve(path.dirname(file), target), done));
}

export function rpxToPx(text: string): string {
  return text.replace(/(-?\d*\.?\d+)rpx/g, (_all, n: string) => `${+(Number(n) * RPX_TO_PX).toFixed(3)}px`);
}

/** Drops @font-face rules and url()s that point at the web. */
function withoutRemoteResources(css: string): string {
  return css
    .replace(/@font-face\s*\{[^}]*\}/g, (rule) => (/url\(\s*["']?(https?:)?\/\//.test(rule) ? '' : rule))
    .replace(/url\(\s*["']?(https?:)?\/\/[^)]*\)/g, 'none');
}

export function cssOf(wxss: string, hostTags: readonly string[] = []): string {
  const host = hostTags.join(', ');
  return withoutRemoteResources(rpxToPx(wxss))
    .replace(/(^|[\s,{}>+~])page(?=[\s,{.:#[>+~])/g, '$1wx-page')
    .replace(/:host\s*\{([^}]*)\}/g, (_all, body: string) => (host ? `${host} {${body}}` : ''));
}

/** app.wxss, then the page's components from the leaves up, so a page's own rules come last. */
export function pageStylesheet(graph: Map<string, ComponentNode>, page: string, root: string = MINIPROGRAM_ROOT): string {
  const done = new Set<string>();
  const app = cssOf(inlined(path.join(root, 'app.wxss'), done));
  const sheets = treeOf(graph, page)
    .reverse()
    .map((node) => cssOf(inlined(path.join(root, `${node.path}.wxss`), done), node.path.startsWith('miniprogram_npm/') ? [] : node.tags));
  return [app, ...sheets].join('\n');
}
