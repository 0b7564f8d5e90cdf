import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { MINIPROGRAM_ROOT, NPM_DIR } from '../../scripts/miniprogram-files';
import { BUDGET_BYTES, groupOf, isIgnored, measureMainPackage, uploadedBytes, type IgnoreRule } from '../../scripts/size';

const KiB = 1024;

describe('the main package (SPEC §7: at most 1 MB, hard limit 2 MB)', () => {
  it('is packed with TDesign (npm run pack:npm) and stays under the 1 MB budget', () => {
    expect(fs.existsSync(path.join(MINIPROGRAM_ROOT, NPM_DIR, 'tdesign-miniprogram'))).toBe(true);

    const size = measureMainPackage();

    expect(size.groups.map((g) => g.group)).toEqual(expect.arrayContaining(['app', 'pages/mine', 'miniprogram_npm/tdesign-miniprogram']));
    expect(size.total).toBeLessThan(BUDGET_BYTES);
  });

  it('uploads no sources the runtime does not load: no declarations, configs or docs', () => {
    const files = measureMainPackage().files.map((f) => f.file);

    expect(files.filter((f) => f.endsWith('.d.ts') || f.endsWith('.md'))).toEqual([]);
    expect(files).not.toContain('tsconfig.json');
    expect(files).not.toContain('package.json');
    expect(files.some((f) => f.startsWith('node_modules/'))).toBe(false);
  });
});

describe('measuring', () => {
  let root: string;

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'size-'));
  });

  afterEach(() => {
    fs.rmSync(root, { recursive: true, force: true });
  });

  function write(file: string, text: string): void {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  }

  it('counts TypeScript as the JavaScript it compiles to, without types or comments', () => {
    const typed = [
      '/** A comment, which is not shipped, long enough to weigh more than the CommonJS preamble that is. */',
      'interface Shape { first: number; second: string; third: boolean; fourth: readonly string[] }',
      'type Keys = keyof Shape;',
      'export const x = 1;',
    ].join('\n');
    write('pages/a/index.ts', typed);

    const bytes = uploadedBytes(path.join(root, 'pages/a/index.ts'));

    expect(bytes).toBeGreaterThan(0);
    expect(bytes).toBeLessThan(Buffer.byteLength(typed) / 2);
  });

  it('applies packOptions.ignore as miniprogram-ci does and groups by page, component and npm package', () => {
    write('app.json', '{}');
    write('pages/a/index.wxml', '<view/>'.repeat(100));
    write('pages/a/README.md', 'x'.repeat(5 * KiB));
    write('components/b/index.wxss', '.b{}');
    write('miniprogram_npm/lib/x/x.js', 'module.exports=1;');
    write('node_modules/lib/big.js', 'x'.repeat(50 * KiB));
    write('docs/notes.txt', 'notes');
    const rules: IgnoreRule[] = [
      { type: 'glob', value: '**/*.md' },
      { type: 'folder', value: 'node_modules' },
      { type: 'prefix', value: 'notes' },
    ];

    const size = measureMainPackage(root, rules);

    expect(size.files.map((f) => f.file).sort()).toEqual(['app.json', 'components/b/index.wxss', 'miniprogram_npm/lib/x/x.js', 'pages/a/index.wxml']);
    expect(size.groups.map((g) => g.group)).toEqual(['app', 'components/b', 'miniprogram_npm/lib', 'pages/a']);
    expect(size.total).toBe(2 + 700 + 4 + 17);
  });

  it.each([
    ['pages/a/README.md', { type: 'glob', value: '**/*.md' }, true],
    ['README.md', { type: 'glob', value: '**/*.md' }, true],
    ['pages/a/index.ts', { type: 'glob', value: '**/*.md' }, false],
    ['node_modules/x/y.js', { type: 'folder', value: 'node_modules' }, true],
    ['node_modules_extra/y.js', { type: 'folder', value: 'node_modules' }, false],
    ['tsconfig.json', { type: 'file', value: 'tsconfig.json' }, true],
    ['pages/tsconfig.json', { type: 'file', value: 'tsconfig.json' }, false],
    ['pages/a/Index.TS', { type: 'suffix', value: '.ts' }, true],
  ] as [string, IgnoreRule, boolean][])('%s against %j is ignored: %s', (file, rule, ignored) => {
    expect(isIgnored(file, [rule])).toBe(ignored);
  });

  it('names the report line of a file', () => {
    expect(groupOf('pages/mine/index.ts')).toBe('pages/mine');
    expect(groupOf('components/state-view/index.wxml')).toBe('components/state-view');
    expect(groupOf('miniprogram_npm/tdesign-miniprogram/button/button.js')).toBe('miniprogram_npm/tdesign-miniprogram');
    expect(groupOf('format/dates.ts')).toBe('format/');
    expect(groupOf('app.wxss')).toBe('app');
  });
});
