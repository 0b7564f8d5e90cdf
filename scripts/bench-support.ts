/**
 * What the bench's phases share: a deterministic random stream, timing one invocation with the
 * database work it caused, medians and percentiles, and the process's memory.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { ApiResult } from '../typings/api';
import type { LocalCloud } from '../localcloud/runtime';

export const REPO = path.resolve(__dirname, '..');

export const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);

/** A deterministic pseudo-random stream, so every run seeds the same organisation. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

export const mb = (bytes: number) => Math.round(bytes / 2 ** 20);
export const peakRss = () => mb(process.resourceUsage().maxRSS * 1024);

/** The process's memory at the end of a phase, and the peak so far (the figure the summary reports). */
export function memory(phase: string): void {
  const { rss, heapUsed } = process.memoryUsage();
  console.log(`memory ${phase}: rss ${mb(rss)} MB, heap in use ${mb(heapUsed)} MB, peak rss so far ${peakRss()} MB`);
}

export interface Sample {
  ms: number;
  requests: number;
  examined: number;
  returned: number;
}

export const median = (xs: number[]) => percentile(xs, 0.5);
export function percentile(xs: number[], p: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

/**
 * One invocation and the database work it caused. `timeoutMs` replaces the function's configured
 * limit: generous for the naive board, never for cron (whose batches size themselves to its limit).
 */
export async function measure(cloud: LocalCloud, fn: string, event: unknown, openid?: string, timeoutMs?: number): Promise<Sample & { result: unknown }> {
  cloud.db.resetStats();
  const started = process.hrtime.bigint();
  const result = await cloud.invoke(fn, event, { openid, timeoutMs });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const { requests, examined, returned } = cloud.db.stats;
  return { ms, requests, examined, returned, result };
}

export function expectOk<T>(result: unknown, what: string): T {
  const r = result as ApiResult<T>;
  if (!r.ok) throw new Error(`${what} failed: ${r.error.code} ${r.error.message}`);
  return r.data;
}

/** A temporary functions folder: the real api and cron beside the naive board. */
export function functionsRoot(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-functions-'));
  for (const name of ['api', 'cron']) fs.symlinkSync(path.join(REPO, 'cloudfunctions', name), path.join(root, name));
  fs.symlinkSync(path.join(REPO, 'bench', 'functions', 'naive-board'), path.join(root, 'naive-board'));
  return root;
}

/**
 * A board measured `runs` times after three untimed calls (the first calls compile code paths and
 * touch cold memory): its samples and how many rows it answered.
 */
export async function sampleBoard(cloud: LocalCloud, payload: object, caller: string, runs: number): Promise<{ samples: Sample[]; rows: number }> {
  const event = { action: 'ranking.get', payload };
  for (let w = 0; w < 3; w++) await cloud.invoke('api', event, { openid: caller });
  const samples: Sample[] = [];
  let rows = 0;
  for (let r = 0; r < runs; r++) {
    const sample = await measure(cloud, 'api', event, caller);
    rows = expectOk<{ rows: unknown[] }>(sample.result, 'ranking.get').rows.length;
    samples.push(sample);
  }
  return { samples, rows };
}
