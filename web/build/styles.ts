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

/** One stylesheet: a WXSS file as CSS, for the component used under `hostTags`. */
export interface Sheet {
  key: string;
  css: string;
}

/** A WXSS file and the files it @imports, imports first, each once (as CSS, without the @import lines). */
function sheetsOfFile(file: string, hostTags: readonly string[], root: string, done: Set<string>): Sheet[] {
  if (done.has(file) || !fs.existsSync(file)) return [];
  done.add(file);
  const text = fs.readFileSync(file, 'utf8');
  const imported = [...text.matchAll(IMPORT)].flatMap(([, target]) => sheetsOfFile(path.resolve(path.dirname(file), target), hostTags, root, done));
  const key = `${path.relative(root, file).split(path.sep).join('/')}${hostTags.length ? `|${hostTags.join(',')}` : ''}`;
  return [...imported, { key, css: cssOf(text.replace(IMPORT, ''), hostTags) }];
}

/**
 * A page's stylesheets in order: app.wxss, then its components' from the leaves up, so a page's own
 * rules come last. A component's sheet is the same on every page, so the preview parses it once.
 */
export function pageSheets(graph: Map<string, ComponentNode>, page: string, root: string = MINIPROGRAM_ROOT): Sheet[] {
  const done = new Set<string>();
  const app = sheetsOfFile(path.join(root, 'app.wxss'), [], root, done);
  const components = treeOf(graph, page)
    .reverse()
    .flatMap((node) => sheetsOfFile(path.join(root, `${node.path}.wxss`), node.path.startsWith('miniprogram_npm/') ? [] : node.tags, root, done));
  return [...app, ...components];
}
