/**
 * The mini-program as the preview loads it: every page of app.json and every component they reach
 * through usingComponents (ours and TDesign's from miniprogram_npm/), each with the components it
 * uses by tag, the tags it is used under, and the script that calls Component() for it.
 */
import * as fs from 'fs';
import * as path from 'path';
import { MINIPROGRAM_ROOT, readJson, resolveComponent } from '../../scripts/miniprogram-files';

export interface AppJson {
  pages: string[];
  window?: Record<string, unknown>;
  tabBar?: { color?: string; selectedColor?: string; backgroundColor?: string; borderStyle?: string; list: { pagePath: string; text: string; iconPath?: string; selectedIconPath?: string }[] };
  usingComponents?: Record<string, string>;
}

export interface ComponentNode {
  /** Relative to miniprogram/, without extension: 'pages/mine/index', 'miniprogram_npm/tdesign-miniprogram/button/button'. */
  path: string;
  /** The page's or component's own json (navigationBarTitleText, enablePullDownRefresh…). */
  json: Record<string, unknown>;
  /** Tag → component path, for the tags its template uses. */
  using: Record<string, string>;
  /** The tags other templates use it under (the `:host` of its stylesheet). */
  tags: string[];
  /** The file whose Component() call defines it (.ts for ours, .js for packed npm). */
  script: string;
}

export function readAppJson(root: string = MINIPROGRAM_ROOT): AppJson {
  return readJson<AppJson>(path.join(root, 'app.json'));
}

function scriptOf(root: string, base: string): string {
  for (const ext of ['.ts', '.js']) {
    if (fs.existsSync(path.join(root, base + ext))) return base + ext;
  }
  throw new Error(`${base} has no .ts or .js: every page and component needs a Component() script`);
}

/** Pages first, then what they use, depth first; throws when a usingComponents target is missing. */
export function componentGraph(root: string = MINIPROGRAM_ROOT): Map<string, ComponentNode> {
  const app = readAppJson(root);
  const graph = new Map<string, ComponentNode>();
  const visit = (base: string, tag: string | null): void => {
    const known = graph.get(base);
    if (known) {
      if (tag && !known.tags.includes(tag)) known.tags.push(tag);
      return;
    }
    const jsonFile = path.join(root, `${base}.json`);
    if (!fs.existsSync(jsonFile)) throw new Error(`${base}.json is missing (run npm run pack:npm for miniprogram_npm/)`);
    const json = readJson<Record<string, unknown>>(jsonFile);
    const declared = { ...(app.usingComponents ?? {}), ...((json.usingComponents as Record<string, string> | undefined) ?? {}) };
    const node: ComponentNode = { path: base, json, using: {}, tags: tag ? [tag] : [], script: scriptOf(root, base) };
    graph.set(base, node);
    for (const [usedAs, target] of Object.entries(declared)) {
      const resolved = resolveComponent(root, `${base}.json`, target);
      if (!resolved) throw new Error(`${base}: ${usedAs} → ${target} is not in the mini-program (run npm run pack:npm)`);
      node.using[usedAs] = resolved;
      visit(resolved, usedAs);
    }
  };
  for (const page of app.pages) visit(page, null);
  return graph;
}

/** A page's components (the page first), following usingComponents. */
export function treeOf(graph: Map<string, ComponentNode>, page: string): ComponentNode[] {
  const seen = new Map<string, ComponentNode>();
  const visit = (base: string): void => {
    const node = graph.get(base);
    if (!node || seen.has(base)) return;
    seen.set(base, node);
    for (const target of Object.values(node.using)) visit(target);
  };
  visit(page);
  return [...seen.values()];
}
