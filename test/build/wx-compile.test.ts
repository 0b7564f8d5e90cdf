import { runTs } from '../support/ts-process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { checkWx, DEFAULT_MINIPROGRAM_ROOT } from '../../scripts/check-wx';

const REPO_ROOT = path.resolve(__dirname, '..', '..');

function writeFiles(root: string, files: Record<string, string>): void {
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  }
}

describe('check:wx', () => {
  let root: string;

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'check-wx-'));
  });

  afterEach(() => {
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('compiles every template and style of the mini-program with the official compilers', () => {
    const { files, errors } = checkWx(DEFAULT_MINIPROGRAM_ROOT);
    expect(errors).toEqual([]);
    expect(files).toEqual(expect.arrayContaining(['app.wxss', 'pages/mine/index.wxml', 'pages/mine/index.wxss']));
  });

  it('reports every broken file by name, with the compiler message', () => {
    writeFiles(root, {
      'pages/good/index.wxml': '<view wx:if="{{ok}}">{{name}}</view><view wx:else>—</view>\n',
      'pages/good/index.wxss': '.a { padding: 24rpx; color: var(--brand); }\n',
      'pages/unclosed/index.wxml': '<view class="card"><text>{{name}}</view>\n',
      'pages/orphan-else/index.wxml': '<view>a</view><view wx:else>b</view>\n',
      'pages/brace/index.wxss': '.a { color: red;\n',
    });

    const { files, errors } = checkWx(root);

    expect(files).toHaveLength(5);
    expect(errors.map((e) => e.file)).toEqual(['pages/brace/index.wxss', 'pages/orphan-else/index.wxml', 'pages/unclosed/index.wxml']);
    expect(errors.find((e) => e.file === 'pages/unclosed/index.wxml')?.message).toMatch(/end-tag `text`/);
    expect(errors.find((e) => e.file === 'pages/orphan-else/index.wxml')?.message).toMatch(/wx:else/);
    expect(errors.find((e) => e.file === 'pages/brace/index.wxss')?.message).toMatch(/index\.wxss\(2:1\)/);
  });

  it('compiles a stylesheet together with the ones it imports, and reports a missing import', () => {
    writeFiles(root, {
      'app.wxss': '@import "styles/base.wxss";\n.app {}\n',
      'styles/base.wxss': '@import "./tokens.wxss";\npage { font-size: 28rpx; }\n',
      'styles/tokens.wxss': 'page { --brand: #c8102e; }\n',
      'pages/a/index.wxss': '@import "../../styles/base.wxss";\n',
      'pages/b/index.wxss': '@import "../../styles/missing.wxss";\n',
    });

    expect(checkWx(root).errors).toEqual([{ file: 'pages/b/index.wxss', message: expect.stringMatching(/missing\.wxss/) }]);
  });

  it('reports a root-absolute @import, which wcsc cannot resolve', () => {
    writeFiles(root, { 'app.wxss': '@import "/styles/base.wxss";\n', 'styles/base.wxss': 'page {}\n' });

    expect(checkWx(root).errors).toEqual([{ file: 'app.wxss', message: expect.stringMatching(/\/styles\/base\.wxss. not found/) }]);
  });

  it('skips packed npm output', () => {
    writeFiles(root, { 'app.wxss': 'page {}\n', 'miniprogram_npm/lib/broken.wxml': '<view>\n' });

    expect(checkWx(root)).toEqual({ files: ['app.wxss'], errors: [] });
  });

  it('exits non-zero from the command line when a file does not compile', () => {
    writeFiles(root, { 'index.wxml': '<view>\n' });
    const run = runTs(path.join(REPO_ROOT, 'scripts', 'check-wx.ts'), [root]);

    expect(run.status).toBe(1);
    expect(run.stderr).toContain('index.wxml');
  });
});
