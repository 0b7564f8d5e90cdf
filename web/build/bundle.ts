/**
 * Bundles the preview for the browser with esbuild: the runtime (web/runtime), j-component and
 * miniprogram-exparser, and the mini-program itself as it is: the pages' and components' TypeScript,
 * TDesign's packed JavaScript, app.json and each page's json, the WXML compiled by the official wcc,
 * and the stylesheets of each page (styles.ts). Nothing of the mini-program is copied or changed.
 *
 * The mini-program reaches the runtime through one virtual module, `preview:app` (see
 * web/runtime/app-module.d.ts); bare requires inside the mini-program (tslib, dayjs) resolve into
 * miniprogram_npm/ as the mini-program runtime resolves them.
 */
import { build, type Plugin } from 'esbuild';
import * as fs from 'fs';
import * as path from 'path';
import { MINIPROGRAM_ROOT, NPM_DIR } from '../../scripts/miniprogram-files';
import { componentGraph, readAppJson } from './components';
import { pageSheets, type Sheet } from './styles';

export const WEB_ROOT = path.resolve(__dirname, '..');

/**
 * The official WXML compiler's output for the whole tree: a function body returning $gwx. It assigns
 * undeclared globals ($gwx, __WXML_GLOBAL__), so it must run in sloppy mode: the runtime makes it a
 * function with new Function (the bundle itself is strict).
 */
function compiledTemplates(root: string): string {
  const compiler = require('miniprogram-compiler') as { wxmlToJs(rootPath: string): string };
  return compiler.wxmlToJs(root);
}

function appModuleSource(root: string): string {
  const graph = componentGraph(root);
  const app = readAppJson(root);
  const base: Sheet = { key: 'web/page-base.css', css: fs.readFileSync(path.join(WEB_ROOT, 'styles', 'page-base.css'), 'utf8') };
  const icons: Sheet = { key: 'web/icons.css', css: fs.readFileSync(path.join(WEB_ROOT, 'styles', 'icons.css'), 'utf8') };
  const sheets = new Map<string, string>();
  const pages: Record<string, string[]> = {};
  for (const page of app.pages) {
    const ordered = [base, ...pageSheets(graph, page, root), icons];
    for (const sheet of ordered) sheets.set(sheet.key, sheet.css);
    pages[page] = ordered.map((sheet) => sheet.key);
  }
  const components = [...graph.values()].map(
    (node) =>
      `${JSON.stringify(node.path)}: { using: ${JSON.stringify(node.using)}, tags: ${JSON.stringify(node.tags)}, json: ${JSON.stringify(node.json)}, ` +
      `load: () => require(${JSON.stringify(path.join(root, node.script))}) }`,
  );
  const appScript = ['app.ts', 'app.js'].find((file) => fs.existsSync(path.join(root, file)));
  return [
    `exports.appJson = ${JSON.stringify(app)};`,
    `exports.loadApp = () => ${appScript ? `require(${JSON.stringify(path.join(root, appScript))})` : 'undefined'};`,
    `exports.templates = ${JSON.stringify(compiledTemplates(root))};`,
    `exports.components = {\n${components.join(',\n')}\n};`,
    `exports.stylesheets = ${JSON.stringify(Object.fromEntries(sheets))};`,
    `exports.pageStylesheets = ${JSON.stringify(pages)};`,
  ].join('\n');
}

/** A bare require from a packed npm file or a page resolves as in the mini-program: miniprogram_npm/ folders, walking up. */
function miniprogramResolution(root: string): Plugin {
  return {
    name: 'miniprogram-npm',
    setup(builder) {
      builder.onResolve({ filter: /^[^./]/ }, (args) => {
        if (!args.importer.startsWith(root + path.sep) || args.path.startsWith('preview:')) return undefined;
        for (let dir = path.dirname(args.importer); dir.startsWith(root); dir = path.dirname(dir)) {
          const base = path.join(dir, NPM_DIR, args.path);
          const found = [base, `${base}.js`, path.join(base, 'index.js')].find((file) => fs.existsSync(file) && fs.statSync(file).isFile());
          if (found) return { path: found };
        }
        return undefined;
      });
      builder.onResolve({ filter: /^preview:app$/ }, () => ({ path: 'preview:app', namespace: 'preview' }));
      builder.onLoad({ filter: /.*/, namespace: 'preview' }, () => ({ contents: appModuleSource(root), loader: 'js', resolveDir: root }));
    },
  };
}

export interface BundleResult {
  outfile: string;
  bytes: number;
}

export async function bundlePreview(outDir: string, root: string = MINIPROGRAM_ROOT): Promise<BundleResult> {
  const outfile = path.join(outDir, 'preview.js');
  await build({
    entryPoints: [path.join(WEB_ROOT, 'runtime', 'main.ts')],
    outfile,
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'chrome109',
    sourcemap: 'linked',
    minify: true,
    logLevel: 'silent',
    // j-component publishes its built-in behaviors on node's `global`.
    define: { global: 'globalThis' },
    plugins: [miniprogramResolution(root)],
  });
  return { outfile, bytes: fs.statSync(outfile).size };
}
