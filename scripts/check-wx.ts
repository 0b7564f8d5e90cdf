/**
 * Compiles every .wxml and .wxss under miniprogram/ with WeChat's own compilers (wcc, wcsc, shipped by
 * miniprogram-compiler), so a template the devtools would reject fails here first.
 *
 * The binaries are run directly, one file at a time, with the arguments miniprogram-compiler's
 * wrappers use: run together, wcc and wcsc stop at the first broken file, and the wxssToJs wrapper
 * loses wcsc's message (it returns the Error instead of throwing it, then crashes on it).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

export interface WxCompileError {
  /** Relative to the checked root, with forward slashes. */
  file: string;
  message: string;
}

export interface WxCheckResult {
  files: string[];
  errors: WxCompileError[];
}

export const DEFAULT_MINIPROGRAM_ROOT = path.resolve(__dirname, '..', 'miniprogram');

/** Packed npm output is third-party code the devtools compile themselves. */
const SKIPPED_DIRS = new Set(['miniprogram_npm', 'node_modules']);

function compilerBinary(name: 'wcc' | 'wcsc'): string {
  const packageDir = path.dirname(require.resolve('miniprogram-compiler/package.json'));
  const binary =
    process.platform === 'darwin'
      ? path.join(packageDir, 'bin', 'mac', name)
      : process.platform === 'win32'
        ? path.join(packageDir, 'bin', 'windows', `${name}.exe`)
        : path.join(packageDir, 'bin', 'linux', name);
  if (process.platform !== 'win32') {
    // npm does not keep the executable bit of files outside "bin"; the Linux binaries arrive 0644.
    const mode = fs.statSync(binary).mode;
    if ((mode & 0o111) !== 0o111) fs.chmodSync(binary, mode | 0o755);
  }
  return binary;
}

/** Every .wxml and .wxss under root, relative and with forward slashes, in a stable order. */
export function templateFiles(root: string): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name)) walk(path.join(dir, entry.name));
      } else if (/\.(wxml|wxss)$/.test(entry.name)) {
        found.push(path.relative(root, path.join(dir, entry.name)).split(path.sep).join('/'));
      }
    }
  };
  walk(root);
  return found.sort();
}

const WXSS_IMPORT = /@import\s+(?:url\(\s*)?["']([^"']+)["']/g;

/**
 * The file and, transitively, the stylesheets it @imports by relative path: wcsc resolves an @import
 * only among the files on its command line and never reads another file from disk. It does not
 * resolve root-absolute paths ('/styles/x.wxss') at all, so those are left for it to report.
 */
function withImports(root: string, file: string): string[] {
  const listed = new Set([file]);
  const queue = [file];
  for (let current = queue.shift(); current !== undefined; current = queue.shift()) {
    const text = fs.readFileSync(path.join(root, current), 'utf8');
    for (const [, target] of text.matchAll(WXSS_IMPORT)) {
      if (target.startsWith('/')) continue;
      const imported = path.posix.normalize(path.posix.join(path.posix.dirname(current), target));
      if (!imported.startsWith('../') && !listed.has(imported) && fs.existsSync(path.join(root, imported))) {
        listed.add(imported);
        queue.push(imported);
      }
    }
  }
  return [...listed];
}

function compile(root: string, file: string): WxCompileError | null {
  const isTemplate = file.endsWith('.wxml');
  const args = isTemplate ? ['-d', '-cc', '0', file, '-gn', '$gwx'] : ['-db', '-pc', '0', ...withImports(root, file)];
  const result = spawnSync(compilerBinary(isTemplate ? 'wcc' : 'wcsc'), args, {
    cwd: root,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) throw result.error;
  if (result.status === 0) return null;
  const output = `${result.stderr.toString()}\n${result.stdout.toString()}`.trim();
  return { file, message: output || `exited with status ${result.status ?? result.signal}` };
}

export function checkWx(root: string = DEFAULT_MINIPROGRAM_ROOT): WxCheckResult {
  const files = templateFiles(root);
  const errors = files.map((file) => compile(root, file)).filter((error): error is WxCompileError => error !== null);
  return { files, errors };
}

if (require.main === module) {
  const root = process.argv[2] ? path.resolve(process.argv[2]) : DEFAULT_MINIPROGRAM_ROOT;
  const { files, errors } = checkWx(root);
  for (const error of errors) console.error(`✗ ${error.file}\n  ${error.message.split('\n').join('\n  ')}`);
  console.log(`${files.length - errors.length}/${files.length} wxml/wxss files compile`);
  if (errors.length > 0 || files.length === 0) process.exitCode = 1;
}
