/**
 * The fault-injection loop (SPEC §7) shared by the templates' fault suites: for each case, an
 * un-faulted run on a fresh organisation counts its database requests N; then for n = 1..N the same
 * action on the same fresh organisation has its nth request fail. The store must then be exactly as
 * before or exactly as after the un-faulted run (never between), the answer a success or a typed
 * INTERNAL or CONFLICT, and the client's retry with the same requestId must reach the un-faulted result.
 */
import type { ActionName, ApiResult } from '../../../typings/api';
import type { ApiHarness } from '../../support/api';
import { canonical, differingCollections, type Dump } from './dump';
import { tallyDrift } from './ledger';
import { realClock } from './random';

const REQUEST_ID = 'fault-request-0001';

export interface Invocation {
  openid: string;
  action: ActionName;
  payload: unknown;
}

export interface FaultCase {
  name: string;
  /** Brings a fresh organisation to the state the action starts from, through the api. */
  setup(h: ApiHarness): Promise<Invocation>;
  /**
   * Collections a run cut short may have written ahead, by design: a close's batch of outcome rows
   * (deterministic ids) before its publication's cursor moves. The store may then hold some of the
   * un-faulted run's documents there and be as before everywhere else; the retry must converge.
   */
  ahead?: string[];
}

/** The store is as before but for some of the un-faulted run's documents in the `ahead` collections. */
function isAhead(dump: Dump, before: Dump, after: Dump, ahead: readonly string[]): boolean {
  if (ahead.length === 0) return false;
  const [d, b, a] = [canonical(dump), canonical(before), canonical(after)];
  const names = new Set([...Object.keys(d), ...Object.keys(b), ...Object.keys(a)]);
  return [...names].every((name) => {
    if (!ahead.includes(name)) return JSON.stringify(d[name] ?? []) === JSON.stringify(b[name] ?? []);
    const written = new Set(a[name] ?? []);
    return (d[name] ?? []).every((doc) => written.has(doc) || (b[name] ?? []).includes(doc));
  });
}

export interface FaultRun {
  h: ApiHarness;
  invocation: Invocation;
  before: Dump;
}

export const invoke = (h: ApiHarness, { openid, action, payload }: Invocation): Promise<ApiResult<unknown>> =>
  h.call(openid, action, payload as never, REQUEST_ID);

/**
 * Declares one test per case; `organisation` makes a fresh harness with the organisation the cases
 * start from. Prints the figures of all cases once they have run.
 */
export function faultSuite(label: string, cases: FaultCase[], organisation: () => Promise<ApiHarness>): { fresh(c: FaultCase): Promise<FaultRun> } {
  const fresh = async (c: FaultCase): Promise<FaultRun> => {
    const h = await organisation();
    const invocation = await c.setup(h);
    return { h, invocation, before: h.cloud.store.dump() };
  };
  const summaries: string[] = [];
  // The router logs every INTERNAL it answers; here they are the point, so keep the output to the figures.
  let logged = 0;
  let totalPoints = 0;
  const started = realClock();
  beforeAll(() => {
    jest.spyOn(console, 'error').mockImplementation(() => void logged++);
  });
  afterAll(() => {
    jest.restoreAllMocks();
    console.log(
      `${label}: ${totalPoints} fault points over ${cases.length} scenarios of ${new Set(cases.map((c) => c.name.split(' ')[0])).size} actions in ${Math.round(realClock() - started)} ms (${logged} INTERNALs logged by the router)\n  ` +
        summaries.join('\n  '),
    );
  });

  describe.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    it('leaves the store exactly before or exactly after at every failing database request', async () => {
      const result = await faultPoints(c, fresh);
      totalPoints += result.requests;
      summaries.push(result.summary);
      expect(result.problems).toEqual([]);
      expect(result.requests).toBeGreaterThan(0);
    }, 120_000);
  });
  return { fresh };
}

async function faultPoints(c: FaultCase, fresh: (c: FaultCase) => Promise<FaultRun>): Promise<{ requests: number; summary: string; problems: string[] }> {
  // The un-faulted run: its request count and its result.
  const clean = await fresh(c);
  clean.h.cloud.db.failAt(null);
  const expected = await invoke(clean.h, clean.invocation);
  const requests = clean.h.cloud.db.requestsSinceArmed;
  const after = clean.h.cloud.store.dump();
  const beforeShape = canonical(clean.before);
  clean.h.close();
  if (!expected.ok) throw new Error(`${c.name} fails un-faulted: ${expected.error.code} ${expected.error.message}`);
  const writes = JSON.stringify(canonical(after)) !== JSON.stringify(beforeShape);
  const problems: string[] = tallyDrift(after).map((d) => `un-faulted: tallies drift: ${d}`);

  const tally = { before: 0, after: 0, ahead: 0, ok: 0, INTERNAL: 0, CONFLICT: 0 };
  for (let n = 1; n <= requests; n++) {
    const run = await fresh(c);
    try {
      if (JSON.stringify(canonical(run.before)) !== JSON.stringify(beforeShape)) problems.push(`request ${n}: the fresh organisation differs from the first`);
      run.h.cloud.db.failAt(n);
      const result = await invoke(run.h, run.invocation);
      const faulted = run.h.cloud.db.requestsSinceArmed >= n;
      run.h.cloud.db.failAt(null);
      const dump = run.h.cloud.store.dump();

      const isBefore = JSON.stringify(dump) === JSON.stringify(run.before);
      const isAfter = JSON.stringify(canonical(dump)) === JSON.stringify(canonical(after));
      if (isBefore) tally.before++;
      else if (isAfter) tally.after++;
      else if (!result.ok && isAhead(dump, run.before, after, c.ahead ?? [])) tally.ahead++;
      else problems.push(`request ${n}: the store is neither before nor after (differs in ${differingCollections(dump, after).join(', ')})`);
      if (!faulted) problems.push(`request ${n}: the run made fewer than ${n} requests`);

      if (result.ok) tally.ok++;
      else if (result.error.code === 'INTERNAL' || result.error.code === 'CONFLICT') tally[result.error.code]++;
      else problems.push(`request ${n}: answered ${result.error.code} ${result.error.message}`);
      if (!result.ok && !/[\u4e00-\u9fa5]/.test(result.error.message)) problems.push(`request ${n}: message not in Chinese`);
      // Telling a client "failed" while keeping the write would make it retry into a replay; telling it "done" without the write loses it.
      if (result.ok && writes && !isAfter) problems.push(`request ${n}: answered ok but the write is missing`);

      // The client retries with the same requestId and gets what the un-faulted run got.
      const retry = await invoke(run.h, run.invocation);
      if (!retry.ok) problems.push(`request ${n}: the retry failed with ${retry.error.code} ${retry.error.message}`);
      const settled = run.h.cloud.store.dump();
      if (JSON.stringify(canonical(settled)) !== JSON.stringify(canonical(after))) {
        problems.push(`request ${n}: after the retry the store differs from the un-faulted run in ${differingCollections(settled, after).join(', ')}`);
      }
      if (tallyDrift(settled).length > 0) problems.push(`request ${n}: tallies drift after the retry: ${tallyDrift(settled).join('; ')}`);
    } finally {
      run.h.close();
    }
  }
  const summary = `${c.name}: ${requests} fault points, store before ×${tally.before} / after ×${tally.after}${tally.ahead ? ` / rows ahead ×${tally.ahead}` : ''}; answered ok ×${tally.ok}, INTERNAL ×${tally.INTERNAL}, CONFLICT ×${tally.CONFLICT}; retries converged`;
  return { requests, summary, problems };
}
