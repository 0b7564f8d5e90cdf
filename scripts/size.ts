/**
 * `npm run size`: what the main package would weigh when uploaded (SPEC §7: budget 1 MB, hard limit
 * 2 MB), per page, per component and in total.
 *
 * Counted: every file under miniprogram/ the devtools would upload, i.e. not matched by
 * project.config.json packOptions.ignore (same rule types and matching as miniprogram-ci) and of a
 * type the mini-program runtime loads. TypeScript counts as the JavaScript it compiles to
 * (transpileModule, unminified, so the estimate errs high); declaration files count nothing.
 * miniprogram_npm/ counts as packed by `npm run pack:npm`.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';
import { MINIPROGRAM_ROOT, NPM_DIR, readJson, REPO_ROOT, walkFiles } from './miniprogram-files';

export const BUDGET_BYTES = 1024 * 1024;
export const LIMIT_BYTES = 2 * 1024 * 1024;

/** File types the runtime loads; anything else stays on the developer's disk. */
const UPLOADED_EXTENSIONS = new Set([
  '.js', '.json', '.wxml', '.wxss', '.wxs', '.ts',
  '.png', '.jpg', '.jpeg', '.gif', '.svg', '.webp', '.bmp', '.ico',
  '.mp3', '.m4a', '.aac', '.wav', '.mp4', '.ttf', '.otf', '.woff', '.woff2', '.txt',
]);

export interface IgnoreRule {
  type: 'prefix' | 'suffix' | 'folder' | 'file' | 'glob' | 'regexp';
  value: string;
}

/** A glob as minimatch reads it, for the patterns packOptions use ('**' across folders, '*' within one). */
function globToRegExp(glob: string): RegExp {
  let pattern = '';
  for (let i = 0; i < glob.length; i++) {
    const char = glob[i];
    if (char === '*' && glob[i + 1] === '*') {
      const slash = glob[i + 2] === '/';
      pattern += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (char === '*') pattern += '[^/]*';
    else if (char === '?') pattern += '[^/]';
    else pattern += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${pattern}$`);
}

const stripLeadingSlash = (s: string) => s.replace(/^\/+/, '');

/** Whether packOptions.ignore drops `file` (relative to miniprogramRoot), matching as miniprogram-ci does: case-insensitively. */
export function isIgnored(file: string, rules: readonly IgnoreRule[]): boolean {
  const relative = file.toLowerCase();
  const name = relative.slice(relative.lastIndexOf('/') + 1);
  return rules.some((rule) => {
    const value = rule.value.toLowerCase();
    switch (rule.type) {
      case 'prefix':
        return name.startsWith(value);
      case 'suffix':
        return name.endsWith(value);
      case 'folder':
        return stripLeadingSlash(relative).startsWith(`${stripLeadingSlash(value).replace(/\/+$/, '')}/`);
      case 'file':
        return stripLeadingSlash(relative) === stripLeadingSlash(value);
      case 'glob':
        return globToRegExp(value).test(relative);
      case 'regexp':
        return new RegExp(value, 'i').test(relative);
      default:
        return false;
    }
  });
}

/** The bytes a file adds to the package: .ts as its compiled .js, declarations as nothing. */
export function uploadedBytes(fullPath: string): number {
  if (fullPath.endsWith('.d.ts')) return 0;
  if (!fullPath.endsWith('.ts')) return fs.statSync(fullPath).size;
  const source = fs.readFileSync(fullPath, 'utf8');
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { target: ts.ScriptTarget.ES2020, module: ts.ModuleKind.CommonJS, removeComments: true },
    fileName: fullPath,
  });
  return Buffer.byteLength(outputText, 'utf8');
}

export interface SizedFile {
  /** Relative to the mini-program root, forward slashes; .ts listed under its own name. */
  file: string;
  bytes: number;
}

export interface PackageSize {
  files: SizedFile[];
  /** pages/<name>, components/<name>, miniprogram_npm/<package>, or 'app' for everything else. */
  groups: { group: string; bytes: number; files: number }[];
  total: number;
}

/** Which line of the report a file belongs to. */
export function groupOf(file: string): string {
  const parts = file.split('/');
  if ((parts[0] === 'pages' || parts[0] === 'components') && parts.length > 2) return `${parts[0]}/${parts[1]}`;
  if (parts[0] === NPM_DIR && parts.length > 2) return `${parts[0]}/${parts[1]}`;
  if (parts.length > 1) return `${parts[0]}/`;
  return 'app';
}

export function ignoreRulesOf(projectConfigPath: string): IgnoreRule[] {
  if (!fs.existsSync(projectConfigPath)) return [];
  const config = readJson<{ packOptions?: { ignore?: IgnoreRule[] } }>(projectConfigPath);
  return config.packOptions?.ignore ?? [];
}

export function measureMainPackage(
  root: string = MINIPROGRAM_ROOT,
  rules: readonly IgnoreRule[] = ignoreRulesOf(path.join(REPO_ROOT, 'project.config.json')),
): PackageSize {
  // Ignored folders (node_modules) are not walked at all.
  const folderRules = rules.filter((rule) => rule.type === 'folder');
  const files: SizedFile[] = walkFiles(root, (relative) => isIgnored(`${relative}/`, folderRules))
    .filter((file) => !isIgnored(file, rules))
    .filter((file) => UPLOADED_EXTENSIONS.has(path.extname(file).toLowerCase()))
    .map((file) => ({ file, bytes: uploadedBytes(path.join(root, file)) }))
    .filter((sized) => sized.bytes > 0);

  const byGroup = new Map<string, { bytes: number; files: number }>();
  for (const { file, bytes } of files) {
    const group = groupOf(file);
    const entry = byGroup.get(group) ?? { bytes: 0, files: 0 };
    entry.bytes += bytes;
    entry.files += 1;
    byGroup.set(group, entry);
  }
  const groups = [...byGroup.entries()].map(([group, entry]) => ({ group, ...entry })).sort((a, b) => a.group.localeCompare(b.group));
  return { files, groups, total: files.reduce((sum, f) => sum + f.bytes, 0) };
}

function kib(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}

export function formatReport(size: PackageSize): string {
  const width = Math.max(...size.groups.map((g) => g.group.length), 'total'.length);
  const lines = size.groups.map((g) => `${g.group.padEnd(width)}  ${kib(g.bytes).padStart(10)}  ${String(g.files).padStart(4)} files`);
  const share = ((size.total / BUDGET_BYTES) * 100).toFixed(0);
  lines.push('-'.repeat(width + 24));
  lines.push(`${'total'.padEnd(width)}  ${kib(size.total).padStart(10)}  ${String(size.files.length).padStart(4)} files  (${share}% of the 1 MB budget; hard limit 2 MB)`);
  return lines.join('\n');
}

if (require.main === module) {
  if (!fs.existsSync(path.join(MINIPROGRAM_ROOT, NPM_DIR))) {
    console.warn('miniprogram_npm/ is missing: run `npm run pack:npm` first, or TDesign is not counted.');
  }
  const size = measureMainPackage();
  console.log(formatReport(size));
  if (size.total > LIMIT_BYTES) {
    console.error(`✗ the main package is ${kib(size.total)}, above WeChat's 2 MB limit: it cannot be uploaded`);
    process.exitCode = 1;
  } else if (size.total > BUDGET_BYTES) {
    console.warn(`! the main package is ${kib(size.total)}, above the 1 MB budget (SPEC §7)`);
  }
}
