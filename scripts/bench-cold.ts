/**
 * Cold start: how long a fresh Node process takes to load the built `api` bundle, beside loading
 * wx-server-sdk alone (which the bundle requires and no function can avoid). Each sample is a new
 * process, bundle and SDK alternating, so both meet the same machine; the target is a ratio of at
 * most 1.3 (the bundle adds at most 30 % to the SDK's load).
 */
import { execFileSync } from 'child_process';
import * as path from 'path';

const REPO = path.resolve(__dirname, '..');
export const COLD_LOAD_TARGET = 1.3;

/** Milliseconds to require `target` in a new process. */
function loadOnce(target: string): number {
  const script = `const t = process.hrtime.bigint(); require(${JSON.stringify(target)}); process.stdout.write(String(Number(process.hrtime.bigint() - t) / 1e6));`;
  return Number(execFileSync(process.execPath, ['-e', script], { cwd: path.join(REPO, 'cloudfunctions', 'api'), encoding: 'utf8' }));
}

export interface ColdLoad {
  sdkMs: number;
  bundleMs: number;
  ratio: number;
}

export function coldLoad(runs: number, median: (xs: number[]) => number): ColdLoad {
  const bundle = path.join(REPO, 'cloudfunctions', 'api', 'index.js');
  const sdk: number[] = [];
  const built: number[] = [];
  loadOnce(bundle); // the first process also warms the file cache
  for (let r = 0; r < runs; r++) {
    sdk.push(loadOnce('wx-server-sdk'));
    built.push(loadOnce(bundle));
  }
  const sdkMs = median(sdk);
  const bundleMs = median(built);
  return { sdkMs, bundleMs, ratio: bundleMs / sdkMs };
}
