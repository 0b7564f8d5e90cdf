/**
 * Builds miniprogram/miniprogram_npm offline, as the devtools' 构建 npm would, and keeps only what the
 * mini-program uses (`npm run pack:npm`; `npm test` runs it before the type and template checks).
 *
 * 1. Installs miniprogram/package.json's dependencies (`npm ci` in miniprogram/) unless the installed
 *    copies already match miniprogram/package-lock.json.
 * 2. Packs them with miniprogram-ci's packNpmManually (project.config.json packNpmRelationList says
 *    the same, for the devtools).
 * 3. Prunes every packed file no page or component reaches: TDesign has ~90 components (5.6 MB) and
 *    the main package may hold 2 MB. Reachability follows usingComponents (and componentGenerics
 *    defaults), require()/import in .js and .wxs, <wxs src>, <import>/<include> in .wxml and
 *    @import in .wxss, from the usingComponents of app.json and of every page and component of ours.
 * 4. Rewrites the ES module syntax of what is left to CommonJS. TDesign ships import/export and
 *    relies on the devtools to convert it; converted here, the packed files run as they are on a
 *    phone, under miniprogram-simulate in jest, and in the gallery.
 */
import { spawnSync } from 'child_process';
import { transformSync } from 'esbuild';
import * as fs from 'fs';
import * as path from 'path';

import { MINIPROGRAM_ROOT, NPM_DIR, reachableNpmFiles, readJson, walkFiles } from './miniprogram-files';

/** Whether miniprogram/node_modules holds exactly the versions miniprogram/package-lock.json pins. */
function installedMatchesLock(root: string): boolean {
  const lockFile = path.join(root, 'package-lock.json');
  if (!fs.existsSync(lockFile)) return false;
  const lock = readJson<{ packages: Record<string, { version?: string }> }>(lockFile);
  return Object.entries(lock.packages)
    .filter(([key]) => key.startsWith('node_modules/'))
    .every(([key, pinned]) => {
      const manifest = path.join(root, key, 'package.json');
      return fs.existsSync(manifest) && readJson<{ version: string }>(manifest).version === pinned.version;
    });
}

function installMiniprogramDependencies(root: string): void {
  if (installedMatchesLock(root)) return;
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const run = spawnSync(npm, ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) throw new Error(`npm ci in ${root} failed with status ${run.status}`);
}

async function packWithMiniprogramCi(root: string): Promise<void> {
  fs.rmSync(path.join(root, NPM_DIR), { recursive: true, force: true });
  // Loaded lazily: miniprogram-ci is large, and the pure functions below are used by tests and scripts.
  const ci = (await import('miniprogram-ci')) as unknown as {
    packNpmManually(options: { packageJsonPath: string; miniprogramNpmDistDir: string }): Promise<{ warnList: { msg: string }[] }>;
  };
  const result = await ci.packNpmManually({
    packageJsonPath: path.join(root, 'package.json'),
    miniprogramNpmDistDir: root,
  });
  for (const warning of result.warnList) console.warn(`packNpmManually: ${warning.msg}`);
}

const ES_MODULE_SYNTAX = /(^|[;}\s])(import\s*[\w{*"']|export\s*[\w{*])/m;

/** Converts every packed .js that uses import/export to CommonJS, in place. */
export function convertToCommonJs(npmRoot: string): number {
  let converted = 0;
  for (const file of walkFiles(npmRoot).filter((f) => f.endsWith('.js'))) {
    const full = path.join(npmRoot, file);
    const source = fs.readFileSync(full, 'utf8');
    if (!ES_MODULE_SYNTAX.test(source)) continue;
    const { code } = transformSync(source, { format: 'cjs', target: 'es2017', minify: true, sourcefile: file, logLevel: 'silent' });
    fs.writeFileSync(full, code);
    converted++;
  }
  return converted;
}

/** Deletes every file under miniprogram_npm/ that is not reachable, then the empty folders. */
export function pruneUnused(root: string): { kept: number; removed: number } {
  const npmRoot = path.join(root, NPM_DIR);
  const reachable = reachableNpmFiles(root);
  let kept = 0;
  let removed = 0;
  for (const file of walkFiles(npmRoot)) {
    if (reachable.has(`${NPM_DIR}/${file}`)) kept++;
    else {
      fs.rmSync(path.join(npmRoot, file));
      removed++;
    }
  }
  const removeEmpty = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) removeEmpty(path.join(dir, entry.name));
    }
    if (dir !== npmRoot && fs.readdirSync(dir).length === 0) fs.rmdirSync(dir);
  };
  if (fs.existsSync(npmRoot)) removeEmpty(npmRoot);
  return { kept, removed };
}

export async function packNpm(root: string = MINIPROGRAM_ROOT): Promise<{ converted: number; kept: number; removed: number }> {
  installMiniprogramDependencies(root);
  await packWithMiniprogramCi(root);
  const pruned = pruneUnused(root);
  return { converted: convertToCommonJs(path.join(root, NPM_DIR)), ...pruned };
}

if (require.main === module) {
  const started = Date.now();
  packNpm().then(
    ({ converted, kept, removed }) => {
      console.log(
        `miniprogram_npm: kept ${kept} files, pruned ${removed} unused, converted ${converted} modules to CommonJS (${Date.now() - started} ms)`,
      );
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
