/**
 * What every demo's test checks the same way: that seeding ends, and that each tally (per account and period key) holds the sum
 * of its account's entries in that period, to the fen, and nothing else (no tally without entries).
 */
import { performance } from 'perf_hooks';
import type { LedgerEntry } from '../../typings/models';
import { tallyKeysOf, type CalendarDef } from '../../domain/calendar';
import type { LocalCloud } from '../../localcloud/runtime';
import type { SeedOutcome } from '../../localcloud/server';
import { ApiHarness } from './api';

const fen = (points: number) => Math.round(points * 100) / 100;

/**
 * How long a demo may take to seed in a test. It guards against seeding that runs away (a demo is
 * hundreds of real api calls), it is not a benchmark: jest runs two suites at once on a 2-core
 * runner, so two demos may seed side by side at half speed each. Alone they take 5–45 s; the console
 * line of each demo's test says how long it took.
 */
export const SEEDING_LIMIT_MS = 120_000;

/** A demo seeded once for a test file: its harness, the seed's summary and how long seeding took (ms), set before the tests. */
export interface SeededDemo {
  h: ApiHarness;
  summary: string;
  ms: number;
}

/** Seeds the demo at `now` before the file's tests (timing it) and closes its harness after them. */
export function seededDemo(now: Date, seed: (cloud: LocalCloud, options: { now: Date }) => Promise<SeedOutcome>): SeededDemo {
  const demo = {} as SeededDemo;
  beforeAll(async () => {
    demo.h = new ApiHarness({ now });
    const started = performance.now();
    ({ summary: demo.summary } = await seed(demo.h.cloud, { now }));
    demo.ms = performance.now() - started;
  }, 180_000);
  afterAll(() => demo.h.close());
  return demo;
}

/** The stored tallies' totals and the ledger's sums, by tally id: equal when nothing drifted. */
export function talliesAndLedger(h: ApiHarness, calendar: CalendarDef): { tallies: Map<string, number>; sums: Map<string, number> } {
  const dump = h.cloud.store.dump();
  const sums = new Map<string, number>();
  for (const entry of (dump.ledger ?? []) as unknown as LedgerEntry[]) {
    // Spending in the 积分超市 moves an account's balance, never its totals (docs/rules.md S1).
    if (entry.redemption) continue;
    for (const key of tallyKeysOf(entry.occurredOn, calendar)) {
      const id = `${entry.memberId}:${key}`;
      sums.set(id, fen((sums.get(id) ?? 0) + entry.points));
    }
  }
  const tallies = new Map(((dump.tallies ?? []) as unknown as { _id: string; total: number }[]).map((t) => [t._id, fen(t.total)]));
  return { tallies, sums };
}
