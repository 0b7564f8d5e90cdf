/**
 * The files of the mini-program as the devtools see them: walking the tree, resolving a
 * usingComponents value (relative, absolute, or an npm name looked up in miniprogram_npm/), and the
 * packed npm files our pages and components reach. Plain fs, no esbuild: page tests (jsdom) use it.
 */
import * as fs from 'fs';
import * as path from 'path';

export const REPO_ROOT = path.resolve(__dirname, '..');
export const MINIPROGRAM_ROOT = path.join(REPO_ROOT, 'miniprogram');
export const NPM_DIR = 'miniprogram_npm';
const COMPONENT_EXTENSIONS = ['.json', '.js', '.wxml', '.wxss'];

export function readJson<T>(file: string): T {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
}

/** Relative, forward-slash paths of every file under dir. */
export function walkFiles(dir: string, skip: (relative: string) => boolean = () => false): string[] {
  const found: string[] = [];
  const walk = (current: string): void => {
    for (const entry of fs.readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      const relative = path.relative(dir, full).split(path.sep).join('/');
      if (skip(relative)) continue;
      if (entry.isDirectory()) walk(full);
      else found.push(relative);
    }
  };
  if (fs.existsSync(dir)) walk(dir);
  return found.sort();
}

interface ComponentJson {
  usingComponents?: Record<string, string>;
  componentGenerics?: Record<string, boolean | { default?: string }>;
}

/**
 * Where a usingComponents value points, as a path without extension relative to the mini-program
 * root: absolute ('/components/x/index'), relative ('../x/x'), or an npm name resolved the way the
 * devtools do (miniprogram_npm/<name>/…, walking up from the referring file).
 */
export function resolveComponent(root: string, fromFile: string, target: string): string | null {
  if (target.startsWith('plugin://')) return null;
  const fromDir = path.posix.dirname(fromFile);
  if (target.startsWith('/')) return target.slice(1);
  if (target.startsWith('.')) return path.posix.normalize(path.posix.join(fromDir, target));
  for (let dir = fromDir; ; dir = path.posix.dirname(dir)) {
    const candidate = path.posix.normalize(path.posix.join(dir === '.' ? '' : dir, NPM_DIR, target));
    if (COMPONENT_EXTENSIONS.some((ext) => fs.existsSync(path.join(root, candidate + ext)))) return candidate;
    if (dir === '.' || dir === '') return null;
  }
}

/** A require() target of a packed .js or .wxs, as the mini-program runtime resolves it. */
function resolveModule(root: string, fromFile: string, target: string, ext: '.js' | '.wxs'): string | null {
  const fromDir = path.posix.dirname(fromFile);
  const candidatesFor = (base: string) => [base, `${base}${ext}`, `${base}/index${ext}`];
  if (target.startsWith('.') || target.startsWith('/')) {
    const base = target.startsWith('/') ? target.slice(1) : path.posix.normalize(path.posix.join(fromDir, target));
    return candidatesFor(base).find((c) => fs.existsSync(path.join(root, c)) && fs.statSync(path.join(root, c)).isFile()) ?? null;
  }
  for (let dir = fromDir; ; dir = path.posix.dirname(dir)) {
    const base = path.posix.normalize(path.posix.join(dir === '.' ? '' : dir, NPM_DIR, target));
    const found = candidatesFor(base).find((c) => fs.existsSync(path.join(root, c)) && fs.statSync(path.join(root, c)).isFile());
    if (found) return found;
    if (dir === '.' || dir === '') return null;
  }
}

const REQUIRE = /require\(\s*["'`]([^"'`]+)["'`]\s*\)/g;
/** ES module imports, for files not converted yet: `from"x"`, `import"x"`. */
const IMPORT_FROM = /(?:\bfrom|\bimport)\s*["']([^"']+)["']/g;
const WXML_SRC = /<(?:wxs|import|include)\b[^>]*\bsrc\s*=\s*["']([^"']+)["']/g;
const WXSS_IMPORT = /@import\s+(?:url\(\s*)?["']([^"']+)["']/g;

/** Files under miniprogram_npm/ reachable from our own pages, components and app.json. */
export function reachableNpmFiles(root: string): Set<string> {
  const reached = new Set<string>();
  const queue: string[] = [];
  const visit = (file: string | null): void => {
    if (!file || reached.has(file) || !fs.existsSync(path.join(root, file))) return;
    reached.add(file);
    queue.push(file);
  };
  const visitComponent = (base: string | null): void => {
    if (!base) return;
    for (const ext of COMPONENT_EXTENSIONS) visit(base + ext);
  };
  const followJson = (file: string): void => {
    const json = readJson<ComponentJson>(path.join(root, file));
    for (const target of Object.values(json.usingComponents ?? {})) visitComponent(resolveComponent(root, file, target));
    for (const generic of Object.values(json.componentGenerics ?? {})) {
      if (typeof generic === 'object' && generic.default) visitComponent(resolveComponent(root, file, generic.default));
    }
  };

  const ours = walkFiles(root, (relative) => relative === NPM_DIR || relative === 'node_modules').filter((f) => f.endsWith('.json'));
  for (const file of ours) {
    try {
      followJson(file);
    } catch {
      // package.json, sitemap.json and the like are not component definitions.
    }
  }

  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    const text = fs.readFileSync(path.join(root, file), 'utf8');
    const fromDir = path.posix.dirname(file);
    if (file.endsWith('.json')) followJson(file);
    else if (file.endsWith('.js') || file.endsWith('.wxs')) {
      const ext = file.endsWith('.js') ? '.js' : '.wxs';
      for (const [, target] of [...text.matchAll(REQUIRE), ...text.matchAll(IMPORT_FROM)]) visit(resolveModule(root, file, target, ext));
    } else if (file.endsWith('.wxml')) {
      for (const [, target] of text.matchAll(WXML_SRC)) {
        const resolved = target.startsWith('/') ? target.slice(1) : path.posix.normalize(path.posix.join(fromDir, target));
        visit(resolved.endsWith('.wxs') || resolved.endsWith('.wxml') ? resolved : `${resolved}.wxml`);
      }
    } else if (file.endsWith('.wxss')) {
      for (const [, target] of text.matchAll(WXSS_IMPORT)) {
        visit(target.startsWith('/') ? target.slice(1) : path.posix.normalize(path.posix.join(fromDir, target)));
      }
    }
  }
  return reached;
}

