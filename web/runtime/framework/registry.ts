/**
 * Registers the mini-program's pages and components with j-component the way WeChat does: the
 * component's script calls the global Component(options), which is given the component's compiled
 * template (wcc), its usingComponents and its path here. Registration is lazy, leaves first, the first
 * time a page that needs the component opens (as app.json's lazyCodeLoading asks).
 */
import * as jComponent from 'j-component/src/index';
import { components, templates } from 'preview:app';

/** The tag a page's root element gets: WXSS `page` rules are rewritten to it (web/build/styles.ts). */
export const PAGE_TAG = 'wx-page';

type Generate = (data: Record<string, unknown>) => unknown;

interface Loading {
  path: string;
  template: Generate;
  using: Record<string, string>;
  tagName: string;
  defined: boolean;
}

let loading: Loading | null = null;
const registered = new Set<string>();
let gwx: ((path: string) => Generate) | null = null;

function templateOf(path: string): Generate {
  // The official compiler's output, run once, as miniprogram-simulate runs it (sloppy mode: see web/build/bundle.ts).
  if (!gwx) gwx = new Function(templates)() as (path: string) => Generate;
  const generate = gwx(`${path}.wxml`);
  if (typeof generate !== 'function') throw new Error(`${path}.wxml was not compiled`);
  return generate;
}

function dirname(path: string): string {
  return path.split('/').slice(0, -1).join('/');
}

function joinPath(base: string, relative: string): string {
  const parts: string[] = [];
  for (const part of `${base}/${relative}`.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return parts.join('/');
}

/** relations are keyed by a path relative to the component (or absolute); j-component wants the target's id. */
function relationsById(path: string, relations: Record<string, Record<string, unknown>> | undefined) {
  if (!relations) return undefined;
  const byId: Record<string, Record<string, unknown>> = {};
  for (const [key, relation] of Object.entries(relations)) {
    const target = key.startsWith('/') ? joinPath('', key) : joinPath(dirname(path), key);
    byId[target in components ? target : key] = target in components ? { ...relation, target } : relation;
  }
  return byId;
}

function defineComponent(options: Record<string, unknown>): void {
  const current = loading;
  if (!current) throw new Error('Component() was called outside of a page or component script');
  current.defined = true;
  const own = (options.options as Record<string, unknown> | undefined) ?? {};
  jComponent.register({
    ...options,
    id: current.path,
    path: `/${current.path}`,
    template: current.template,
    usingComponents: current.using,
    tagName: current.tagName,
    relations: relationsById(current.path, options.relations as Record<string, Record<string, unknown>> | undefined),
    // One stylesheet per page holds every component's WXSS as written (web/build/styles.ts), so class
    // names stay unprefixed; a page's shadow root keeps them from leaking into other pages.
    options: { ...own, classPrefix: '' },
  });
}

/** Registers the page or component at `path` (and what it uses, first); returns its id. */
export function ensureRegistered(path: string, tagName?: string): string {
  if (registered.has(path)) return path;
  const entry = components[path];
  if (!entry) throw new Error(`${path} is not a page or component of the mini-program`);
  registered.add(path);
  for (const target of Object.values(entry.using)) ensureRegistered(target);
  const previous = loading;
  loading = { path, template: templateOf(path), using: entry.using, tagName: tagName ?? entry.tags[0] ?? path.replace(/\W+/g, '-'), defined: false };
  try {
    entry.load();
    if (!loading.defined) throw new Error(`${path} did not call Component(); pages and components must use the Component() constructor`);
  } catch (error) {
    registered.delete(path);
    throw error;
  } finally {
    loading = previous;
  }
  return path;
}

export function installConstructors(scope: Record<string, unknown>): void {
  scope.Component = defineComponent;
  scope.Behavior = (definition: Record<string, unknown>) => jComponent.behavior(definition);
  scope.Page = () => {
    throw new Error('Page() is not supported: pages use the Component() constructor');
  };
}

export function pageEntry(route: string) {
  return components[route];
}
