import * as fs from 'fs';
import { builtinModules } from 'module';
import * as path from 'path';
import { buildFunctions, externalsOf, FunctionBuildError, functionNames } from '../../scripts/build';

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const CLOUDFUNCTIONS = path.join(REPO_ROOT, 'cloudfunctions');

/**
 * The fixture lives under node_modules/.cache so that its imports of zod and dayjs resolve from the
 * repository's node_modules exactly as server/ code does.
 */
function makeFixture(): string {
  const cacheDir = path.join(REPO_ROOT, 'node_modules', '.cache');
  fs.mkdirSync(cacheDir, { recursive: true });
  return fs.mkdtempSync(path.join(cacheDir, 'build-fixture-'));
}

function writeFile(file: string, text: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}

function manifest(dependencies: Record<string, string>): string {
  return JSON.stringify({ name: 'fixture', main: 'index.js', dependencies });
}

/** Runs a built bundle as the cloud would, recording every module it asks for at runtime. */
function runBundle(file: string, provided: Record<string, unknown>) {
  const requested: string[] = [];
  const fakeRequire = (id: string): unknown => {
    requested.push(id);
    if (id in provided) return provided[id];
    if (builtinModules.includes(id.replace(/^node:/, ''))) return require(id);
    throw new Error(`the bundle required "${id}" at runtime, but it should have been inlined`);
  };
  const module = { exports: {} as Record<string, unknown> };
  new Function('require', 'module', 'exports', fs.readFileSync(file, 'utf8'))(fakeRequire, module, module.exports);
  return { exports: module.exports, requested };
}

describe('buildFunctions', () => {
  let root: string;
  let functionsRoot: string;

  beforeAll(() => {
    root = makeFixture();
    functionsRoot = path.join(root, 'cloudfunctions');
    writeFile(
      path.join(root, 'shared', 'greeting.ts'),
      "export const greeting = (name: string): string => `你好，${name}`;\n",
    );
    writeFile(
      path.join(functionsRoot, 'hello', 'src', 'index.ts'),
      [
        "import * as cloud from 'wx-server-sdk';",
        "import dayjs from 'dayjs';",
        "import { z } from 'zod';",
        "import { greeting } from '../../../shared/greeting';",
        'cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });',
        'const Event = z.object({ name: z.string().min(1) });',
        'export async function main(event: unknown) {',
        '  const { name } = Event.parse(event);',
        "  return { text: greeting(name), year: dayjs('2024-05-01').year() };",
        '}',
      ].join('\n'),
    );
    writeFile(path.join(functionsRoot, 'hello', 'package.json'), manifest({ 'wx-server-sdk': '^4.0.2', dayjs: '^1.11.0' }));
    // A folder without src/index.ts is not a function to build.
    writeFile(path.join(functionsRoot, 'notes', 'README.md'), 'not a function\n');
  });

  afterAll(() => {
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('builds only the folders that have src/index.ts', async () => {
    expect(functionNames(functionsRoot)).toEqual(['hello']);
    const built = await buildFunctions({ functionsRoot });
    expect(built.map((fn) => fn.name)).toEqual(['hello']);
    expect(built[0].outfile).toBe(path.join(functionsRoot, 'hello', 'index.js'));
    expect(built[0].bytes).toBe(fs.statSync(built[0].outfile).size);
    expect(fs.existsSync(path.join(functionsRoot, 'notes', 'index.js'))).toBe(false);
  });

  it('leaves wx-server-sdk and the declared dependencies to be required at runtime and inlines the rest', async () => {
    await buildFunctions({ functionsRoot });
    const outfile = path.join(functionsRoot, 'hello', 'index.js');
    const realDayjs: unknown = require('dayjs');
    const init = jest.fn();
    const { exports, requested } = runBundle(outfile, {
      'wx-server-sdk': { init, DYNAMIC_CURRENT_ENV: Symbol('current env') },
      dayjs: realDayjs,
    });

    expect(requested).toEqual(expect.arrayContaining(['wx-server-sdk', 'dayjs']));
    expect(requested).not.toContain('zod');
    expect(init).toHaveBeenCalledTimes(1);
    expect(typeof exports.main).toBe('function');
    const main = exports.main as (event: unknown) => Promise<unknown>;
    await expect(main({ name: '张三' })).resolves.toEqual({ text: '你好，张三', year: 2024 });
    await expect(main({ name: '' })).rejects.toThrow();
  });

  it('names the function whose sources do not build, and still builds the others', async () => {
    writeFile(path.join(functionsRoot, 'broken', 'src', 'index.ts'), "import { nothing } from './missing';\nexport const main = nothing;\n");
    writeFile(path.join(functionsRoot, 'broken', 'package.json'), manifest({ 'wx-server-sdk': '^4.0.2' }));
    try {
      const failure = await buildFunctions({ functionsRoot }).then(
        () => null,
        (error: unknown) => error,
      );
      expect(failure).toBeInstanceOf(FunctionBuildError);
      const buildError = failure as FunctionBuildError;
      expect(buildError.failures.map((f) => f.name)).toEqual(['broken']);
      expect(buildError.message).toContain('./missing');
      expect(buildError.built.map((fn) => fn.name)).toEqual(['hello']);
    } finally {
      fs.rmSync(path.join(functionsRoot, 'broken'), { recursive: true, force: true });
    }
  });
});

describe('the cloudfunctions/ folder (SPEC §2)', () => {
  const folders = fs
    .readdirSync(CLOUDFUNCTIONS, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);
  const readJson = (fn: string, file: string): Record<string, unknown> =>
    JSON.parse(fs.readFileSync(path.join(CLOUDFUNCTIONS, fn, file), 'utf8')) as Record<string, unknown>;

  it('holds the api and cron functions', () => {
    expect(folders).toEqual(expect.arrayContaining(['api', 'cron']));
  });

  it.each(folders)('%s keeps its sources in src/, never as index.ts beside the built index.js', (fn) => {
    expect(fs.existsSync(path.join(CLOUDFUNCTIONS, fn, 'index.ts'))).toBe(false);
    expect(fs.existsSync(path.join(CLOUDFUNCTIONS, fn, 'src', 'index.ts'))).toBe(true);
  });

  it.each(folders)('%s has a package.json whose main is index.js and which lists wx-server-sdk', (fn) => {
    const pkg = readJson(fn, 'package.json');
    expect(pkg.name).toBe(fn);
    expect(pkg.main).toBe('index.js');
    expect(pkg.dependencies).toHaveProperty('wx-server-sdk');
    expect(externalsOf(path.join(CLOUDFUNCTIONS, fn))).toContain('wx-server-sdk');
  });

  it.each(folders)('%s has a config.json with a timeout', (fn) => {
    const config = readJson(fn, 'config.json');
    expect(typeof config.timeout).toBe('number');
  });

  it('lets api send subscription messages and keeps exceljs external', () => {
    expect(readJson('api', 'config.json')).toMatchObject({ permissions: { openapi: ['subscribeMessage.send'] } });
    expect(externalsOf(path.join(CLOUDFUNCTIONS, 'api'))).toContain('exceljs');
  });

  it('runs cron monthly at 00:10 on the 1st, daily at 03:30, and the 积分超市 expiry daily at 00:05, from 7-field timer triggers', () => {
    const { triggers } = readJson('cron', 'config.json') as { triggers: { name: string; type: string; config: string }[] };
    expect(triggers).toEqual([
      { name: 'monthly', type: 'timer', config: '0 10 0 1 * * *' },
      { name: 'daily', type: 'timer', config: '0 30 3 * * * *' },
      { name: 'expiry', type: 'timer', config: '0 5 0 * * * *' },
    ]);
    for (const trigger of triggers) expect(trigger.config.split(' ')).toHaveLength(7);
  });
});
