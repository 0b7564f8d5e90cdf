/**
 * Bundles each cloud function's TypeScript (`cloudfunctions/<fn>/src/index.ts`) into the one file
 * WeChat deploys, `cloudfunctions/<fn>/index.js` (SPEC §2). `wx-server-sdk` and every dependency the
 * function's own package.json lists stay external: the cloud installs those from that package.json
 * when the function is uploaded with 云端安装依赖. Everything else (server/, domain/, typings/, zod,
 * dayjs) is inlined, so the function folder holds nothing but index.js, package.json and config.json.
 */
import { build, type Plugin } from 'esbuild';
import * as fs from 'fs';
import * as path from 'path';

/** The WeChat cloud function runtime is Node 16. */
const RUNTIME_TARGET = 'node16';
const ALWAYS_EXTERNAL = ['wx-server-sdk'];

/**
 * zod's messages in forty languages: every schema's namespace reaches them, so the bundler keeps
 * them all, and parsing them is a third of zod's share of a cold start. The project's messages are
 * its own Chinese ones; only English, zod's default, stays.
 */
const zodEnglishOnly: Plugin = {
  name: 'zod-english-only',
  setup(onBuild) {
    onBuild.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) => {
      if (!/[\\/]node_modules[\\/]zod[\\/]/.test(args.importer)) return undefined;
      return { path: path.resolve(args.resolveDir, '..', 'locales', 'en.js'), namespace: 'zod-locales' };
    });
    onBuild.onLoad({ filter: /.*/, namespace: 'zod-locales' }, (args) => ({
      contents: `export { default as en } from ${JSON.stringify(args.path)};`,
      resolveDir: path.dirname(args.path),
      loader: 'js',
    }));
  },
};

export interface BuiltFunction {
  name: string;
  outfile: string;
  bytes: number;
}

export interface BuildOptions {
  /** The folder holding one folder per cloud function; defaults to this repository's cloudfunctions/. */
  functionsRoot?: string;
}

export class FunctionBuildError extends Error {
  constructor(
    readonly failures: { name: string; error: unknown }[],
    readonly built: BuiltFunction[],
  ) {
    super(`cloud function build failed: ${failures.map((f) => `${f.name}: ${describe(f.error)}`).join('; ')}`);
    this.name = 'FunctionBuildError';
  }
}

export const DEFAULT_FUNCTIONS_ROOT = path.resolve(__dirname, '..', 'cloudfunctions');

/** Folders directly under the root that have `src/index.ts`: the deployable functions. */
export function functionNames(functionsRoot: string = DEFAULT_FUNCTIONS_ROOT): string[] {
  return fs
    .readdirSync(functionsRoot, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(functionsRoot, entry.name, 'src', 'index.ts')))
    .map((entry) => entry.name)
    .sort();
}

/** The packages a function declares in its own package.json; they are installed by the cloud, not bundled. */
export function externalsOf(functionDir: string): string[] {
  const manifestPath = path.join(functionDir, 'package.json');
  const declared = fs.existsSync(manifestPath)
    ? Object.keys((JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as { dependencies?: Record<string, string> }).dependencies ?? {})
    : [];
  return [...new Set([...ALWAYS_EXTERNAL, ...declared])];
}

/** Builds every function; builds them all before failing, so one broken function does not hide another. */
export async function buildFunctions(options: BuildOptions = {}): Promise<BuiltFunction[]> {
  const functionsRoot = options.functionsRoot ?? DEFAULT_FUNCTIONS_ROOT;
  const built: BuiltFunction[] = [];
  const failures: { name: string; error: unknown }[] = [];

  for (const name of functionNames(functionsRoot)) {
    const functionDir = path.join(functionsRoot, name);
    const outfile = path.join(functionDir, 'index.js');
    try {
      await build({
        entryPoints: [path.join(functionDir, 'src', 'index.ts')],
        outfile,
        bundle: true,
        platform: 'node',
        target: RUNTIME_TARGET,
        format: 'cjs',
        external: externalsOf(functionDir),
        sourcemap: false,
        legalComments: 'none',
        // Not minified: it saves little at a cold start once actions load on use, and the monthly
        // job ran 12 % slower minified (npm run bench, 20,000 dues records: 49.4 s against 43.9 s).
        plugins: [zodEnglishOnly],
        logLevel: 'silent',
      });
      built.push({ name, outfile, bytes: fs.statSync(outfile).size });
    } catch (error) {
      failures.push({ name, error });
    }
  }

  if (failures.length > 0) throw new FunctionBuildError(failures, built);
  return built;
}

function describe(error: unknown): string {
  const errors = (error as { errors?: { text: string; location?: { file: string; line: number } | null }[] }).errors;
  if (Array.isArray(errors) && errors.length > 0) {
    return errors.map((e) => (e.location ? `${e.location.file}:${e.location.line}: ${e.text}` : e.text)).join('; ');
  }
  return error instanceof Error ? error.message : String(error);
}

function formatSize(bytes: number): string {
  return bytes >= 1024 ? `${(bytes / 1024).toFixed(1)} KiB` : `${bytes} B`;
}

if (require.main === module) {
  const report = (built: BuiltFunction[]) => {
    for (const fn of built) console.log(`${path.relative(process.cwd(), fn.outfile)}  ${formatSize(fn.bytes)}`);
  };
  const functionsRoot = process.argv[2] ? path.resolve(process.argv[2]) : undefined;
  buildFunctions({ functionsRoot }).then(report, (error: unknown) => {
    if (error instanceof FunctionBuildError) {
      report(error.built);
      for (const failure of error.failures) console.error(`✗ ${failure.name}: ${describe(failure.error)}`);
    } else {
      console.error(error);
    }
    process.exitCode = 1;
  });
}
