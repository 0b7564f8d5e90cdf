/**
 * Concurrency (SPEC §7): 200 concurrent decisions on 50 claims waiting for final review, eligible and
 * ineligible deciders, approvals and rejections mixed, and retries of one requestId by its caller.
 * Every claim is decided exactly once, a retried requestId answers with the first result, the ledger
 * holds entries for exactly the approved claims, and the tallies equal the ledger.
 */
import type { ApiResult, DataOf, ErrorCode } from '../../typings/api';
import type { Claim } from '../../typings/models';
import { Store, type Doc } from '../../localcloud/store/store';
import { TransactionManager } from '../../localcloud/store/transactions';
import { reconcileIn } from '../../scripts/reconcile';
import { ApiHarness } from '../support/api';
import { openidOf, putMember, standardAssociation } from '../support/fixtures';
import { tallyDrift } from './support/ledger';
import { Random, realClock, seedFromEnv, turns } from './support/random';
import { bindRace, importRace, reversalRace } from './support/races';

const NOW = new Date('2027-01-20T04:00:00Z');
const CLAIMS = 50;
const CALLS_PER_CLAIM = 4;

interface Seeded {
  claim: Claim;
  /** Who may not decide it, and the code each of them must get (or CONFLICT once it is decided). */
  refused: Map<string, ErrorCode>;
}

interface Call {
  claimId: string;
  key: string;
  decision: 'approve' | 'reject';
  requestId: string;
  eligible: boolean;
}

let h: ApiHarness;

/** Dates spread from 2026-10-25 to 2027-01-18: four months over two years, all inside the 90-day window. */
function occurredOn(i: number): string {
  const day = new Date(Date.UTC(2026, 9, 25) + Math.floor((i * 86) / CLAIMS) * 86_400_000);
  return day.toISOString().slice(0, 10);
}

async function selfReport(key: string, endorser: string, itemId: string, date: string): Promise<Claim> {
  const { claim } = await h.ok(openidOf(key), 'claim.submit', { itemId, occurredOn: date, note: `申报 ${date}` });
  const endorsed = await h.ok(openidOf(endorser), 'claim.decide', { claimId: claim._id, decision: 'approve' });
  return endorsed.claim;
}

async function award(proposer: string, itemId: string, recipients: { memberId: string; points?: number; spoke?: boolean }[], date: string) {
  return (await h.ok(openidOf(proposer), 'award.propose', { itemId, occurredOn: date, recipients, note: `奖分 ${date}` })).claim;
}

/** Six shapes of claim, so the final step waits for the secretary-generals, the president or the instructor. */
async function seedClaim(i: number, rng: Random): Promise<Claim> {
  const date = occurredOn(i);
  switch (i % 6) {
    case 0:
      return selfReport('m1', 'b1lead', 'honor.county', date);
    case 1:
      return selfReport('m2', 'director', 'outreach.suggestion', date);
    case 2:
      return selfReport('m3', 'vice', 'honor.county', date);
    case 3:
      return award('b1head', 'meeting.attend.branch', [{ memberId: 'm1' }, { memberId: 'm2' }], date);
    case 4:
      return award('b1lead', 'other', [{ memberId: 'm2', points: rng.int(1, 2) }], date);
    default:
      return award('president', 'meeting.attend.association', [{ memberId: 'b1head', spoke: true }, { memberId: 'm3' }], date);
  }
}

const PEOPLE = ['president', 'vice', 'secgen', 'secgen2', 'instructor', 'clerk', 'b1head', 'b1lead', 'director', 'm1', 'm2', 'm3', 'm4'];

/** What each person who may not decide the claim's final step gets (第十四条: nobody reviews their own points). */
function refusals(claim: Claim): Map<string, ErrorCode> {
  const refused = new Map<string, ErrorCode>();
  const waiting = claim.waitingFor!.memberIds;
  for (const key of PEOPLE) {
    if (waiting.includes(key)) continue;
    const own = claim.lines.some((l) => l.memberId === key) || claim.createdBy === key || claim.decisions.some((d) => d.by === key);
    refused.set(key, own ? 'SELF_REVIEW' : 'FORBIDDEN');
  }
  refused.set('stranger', 'NOT_BOUND');
  return refused;
}

interface Outcome {
  seed: number;
  calls: Call[];
  results: { call: Call; result: ApiResult<DataOf<'claim.decide'>> }[];
  seeded: Seeded[];
  elapsed: number;
  dump: Record<string, Doc[]>;
  commitConflicts: number;
}

let run: Outcome;

/** Seeds 50 claims at final review through the api, then fires 200 decisions at them at once. */
async function decideConcurrently(): Promise<Outcome> {
  const seed = seedFromEnv(20270120);
  const rng = new Random(seed);
  h = new ApiHarness({ now: NOW });
  standardAssociation(h);
  // A second secretary-general: claims at the 2-point level have two eligible final reviewers who race.
  putMember(h, 'secgen2', { name: '周秘书长', branch: null, tier: 'director', positions: ['secretary_general'] });

  const seeded: Seeded[] = [];
  for (let i = 0; i < CLAIMS; i++) {
    const claim = await seedClaim(i, rng);
    if (claim.status !== 'pending' || claim.step !== 'final') throw new Error(`seed ${i} is not at final review: ${JSON.stringify(claim)}`);
    seeded.push({ claim, refused: refusals(claim) });
  }
  if ((h.cloud.store.dump().ledger ?? []).length > 0) throw new Error('the seed posted entries');

  // Four calls per claim: a reviewer, that reviewer's retry, a rival reviewer or an outsider, and one more of either.
  let n = 0;
  const rid = () => `conc-${String(++n).padStart(4, '0')}`;
  const calls: Call[] = [];
  for (const { claim, refused } of seeded) {
    const reviewers = rng.shuffle([...claim.waitingFor!.memberIds]);
    const decision = () => (rng.next() < 0.6 ? 'approve' : 'reject');
    const first: Call = { claimId: claim._id, key: reviewers[0], decision: decision(), requestId: rid(), eligible: true };
    const outsider = (): Call => ({ claimId: claim._id, key: rng.pick([...refused.keys()]), decision: decision(), requestId: rid(), eligible: false });
    const rival: Call =
      reviewers.length > 1 ? { claimId: claim._id, key: reviewers[1], decision: decision(), requestId: rid(), eligible: true } : outsider();
    const fourth = rng.next();
    const last = fourth < 0.4 ? { ...(rival.eligible ? rival : first) } : fourth < 0.7 ? { ...first } : outsider();
    calls.push(first, { ...first }, rival, last);
  }
  if (calls.length !== CLAIMS * CALLS_PER_CLAIM) throw new Error(`${calls.length} calls planned`);
  rng.shuffle(calls);

  h.cloud.db.transactions.conflicts = 0;
  const started = realClock();
  const results = await Promise.all(
    calls.map(async (call) => {
      await turns(rng.int(0, 40));
      const payload =
        call.decision === 'approve'
          ? { claimId: call.claimId, decision: call.decision }
          : { claimId: call.claimId, decision: call.decision, reason: '材料不全' };
      const openid = call.key === 'stranger' ? 'stranger-openid' : openidOf(call.key);
      return { call, result: await h.call(openid, 'claim.decide', payload, call.requestId) };
    }),
  );
  return {
    seed,
    calls,
    results,
    seeded,
    elapsed: Math.round(realClock() - started),
    dump: h.cloud.store.dump(),
    commitConflicts: h.cloud.db.transactions.conflicts,
  };
}

const claimsAfter = () => new Map((run.dump.claims ?? []).map((c) => [c._id, c as unknown as Claim]));
const resultsOf = (claimId: string) => run.results.filter((r) => r.call.claimId === claimId);
const attemptsByRequest = () => {
  const out = new Map<string, ApiResult<DataOf<'claim.decide'>>[]>();
  for (const { call, result } of run.results) out.set(call.requestId, [...(out.get(call.requestId) ?? []), result]);
  return out;
};

beforeAll(async () => {
  run = await decideConcurrently();
  const claims = claimsAfter();
  const statuses = run.seeded.map((s) => claims.get(s.claim._id)!.status);
  const codes = new Map<string, number>();
  for (const { result } of run.results) if (!result.ok) codes.set(result.error.code, (codes.get(result.error.code) ?? 0) + 1);
  const retried = [...attemptsByRequest().values()].filter((rs) => rs.length > 1 && rs.some((r) => r.ok));
  const alike = retried.filter((rs) => rs.every((r) => JSON.stringify(r) === JSON.stringify(rs[0]))).length;
  const decidedOnce = run.seeded.filter((s) => claims.get(s.claim._id)!.decisions.filter((d) => d.step === 'final').length === 1).length;
  console.log(
    `concurrency: ${run.calls.length} decisions on ${CLAIMS} claims in ${run.elapsed} ms (seed ${run.seed}): ` +
      `${decidedOnce} decided once (${statuses.filter((s) => s === 'approved').length} approved, ${statuses.filter((s) => s === 'rejected').length} rejected), ` +
      `${run.results.filter((r) => r.result.ok).length} ok, ${codes.get('CONFLICT') ?? 0} conflicts, ` +
      `${(codes.get('SELF_REVIEW') ?? 0) + (codes.get('FORBIDDEN') ?? 0) + (codes.get('NOT_BOUND') ?? 0)} refused, ${codes.get('INTERNAL') ?? 0} errors; ` +
      `${alike}/${retried.length} successful requestIds retried answered alike; ${run.commitConflicts} commit conflicts retried; ` +
      `ledger ${(run.dump.ledger ?? []).length} entries, tally drift ${tallyDrift(run.dump).length}`,
  );
}, 60_000);
afterAll(() => h.close());

describe('200 concurrent decisions on 50 claims at final review', () => {
  it('answers every call with a success or a typed error, and only eligible reviewers succeed', () => {
    const wrong: string[] = [];
    for (const { call, result } of run.results) {
      if (result.ok) {
        if (!call.eligible) wrong.push(`${call.key} decided ${call.claimId} without the right`);
        continue;
      }
      const { code } = result.error;
      const expected = call.eligible ? 'CONFLICT' : run.seeded.find((s) => s.claim._id === call.claimId)!.refused.get(call.key);
      // An outsider who comes after the decision learns that it is decided (CONFLICT) before anything else.
      if (code !== expected && code !== 'CONFLICT') wrong.push(`${call.key} on ${call.claimId}: ${code} ${result.error.message}, expected ${expected}`);
      if (!/[\u4e00-\u9fa5]/.test(result.error.message)) wrong.push(`${code} without a Chinese message`);
    }
    expect(wrong).toEqual([]);
  });

  it('decides every claim exactly once, as the one successful request said', () => {
    const claims = claimsAfter();
    for (const { claim } of run.seeded) {
      const after = claims.get(claim._id)!;
      expect(['approved', 'rejected']).toContain(after.status);
      const finals = after.decisions.filter((d) => d.step === 'final');
      expect(finals).toHaveLength(1);
      const winners = resultsOf(claim._id).filter((r) => r.result.ok);
      expect(new Set(winners.map((w) => w.call.requestId)).size).toBe(1);
      expect(finals[0]).toMatchObject({ by: winners[0].call.key, decision: winners[0].call.decision });
      expect(winners[0].result.ok && winners[0].result.data.claim).toEqual({ ...after, _id: claim._id });
    }
  });

  it('answers every attempt of a successful requestId with the first result', () => {
    const mismatches = [...attemptsByRequest().entries()]
      .filter(([, rs]) => rs.length > 1 && rs.some((r) => r.ok))
      .filter(([, rs]) => !rs.every((r) => JSON.stringify(r) === JSON.stringify(rs.find((x) => x.ok))))
      .map(([requestId, rs]) => `${requestId}: ${rs.map((r) => (r.ok ? 'ok' : `${r.error.code} ${r.error.message}`)).join(' | ')}`);
    expect(mismatches).toEqual([]);
  });

  it('keeps one idempotency record per successful requestId and none for refused ones', () => {
    const succeeded = new Set(run.results.filter((r) => r.result.ok).map((r) => r.call.requestId));
    expect((run.dump.requests ?? []).map((r) => r._id.split(':').pop()).sort()).toEqual([...succeeded].sort());
  });

  it('posts ledger entries for exactly the approved claims, and the tallies equal the ledger', async () => {
    const claims = claimsAfter();
    const expected = run.seeded
      .map((s) => claims.get(s.claim._id)!)
      .filter((c) => c.status === 'approved')
      .flatMap((c) => c.lines.map((line, i) => ({ _id: `${c._id}-${i}`, claimId: c._id, memberId: line.memberId, points: line.points, occurredOn: c.occurredOn })))
      .sort((a, b) => (a._id < b._id ? -1 : 1));
    const ledger = (run.dump.ledger ?? []).map(({ _id, claimId, memberId, points, occurredOn }) => ({ _id, claimId, memberId, points, occurredOn }));
    expect(ledger).toEqual(expected);
    expect(tallyDrift(run.dump)).toEqual([]);
    const report = await reconcileIn(h.cloud, { now: NOW });
    expect(report.drift).toEqual([]);
    expect(report.entries).toBe(expected.length);
  });
});

describe('a retry racing its original', () => {
  /**
   * The client retries a final approval with the same requestId k event-loop turns after the first
   * attempt (a tap, a timeout, a second tap). Whatever k, both attempts must answer the first result.
   */
  it('answers the first result to a retry started 0 to 40 turns after the original', async () => {
    const outcomes: string[] = [];
    const mismatched: string[] = [];
    for (let k = 0; k <= 40; k++) {
      const race = new ApiHarness({ now: NOW });
      try {
        standardAssociation(race);
        const { claim } = await race.ok(openidOf('m1'), 'claim.submit', { itemId: 'honor.county', occurredOn: '2027-01-19', note: '' });
        await race.ok(openidOf('b1head'), 'claim.decide', { claimId: claim._id, decision: 'approve' });
        const payload = { claimId: claim._id, decision: 'approve' as const };
        const [first, retry] = await Promise.all([
          race.call(openidOf('president'), 'claim.decide', payload, 'retry-race-1'),
          turns(k).then(() => race.call(openidOf('president'), 'claim.decide', payload, 'retry-race-1')),
        ]);
        const describe = (r: ApiResult<unknown>) => (r.ok ? 'ok' : `${r.error.code} ${r.error.message}`);
        outcomes.push(`${k}:${describe(retry)}`);
        if (JSON.stringify(first) !== JSON.stringify(retry)) mismatched.push(`k=${k}: first ${describe(first)}, retry ${describe(retry)}`);
        expect((race.cloud.store.dump().ledger ?? []).length).toBe(1);
      } finally {
        race.close();
      }
    }
    console.log(`concurrency: retry racing its original at 41 offsets, ${41 - mismatched.length} answered alike; ${mismatched.join('; ') || 'no mismatch'}`);
    expect(mismatched).toEqual([]);
  });
});

describe('roster and ledger races', () => {
  const rng = new Random(seedFromEnv(20261121));

  it('makes each person once when two secretaries import overlapping sheets at once', async () => {
    const race = await importRace(rng);
    console.log(`concurrency: two imports of 200 rows overlapping by 100 in ${race.ms} ms: ${race.members} members for ${race.people} people, ${race.duplicates} duplicates`);
    expect(race).toMatchObject({ members: 300, duplicates: 0, created: 300 });
  });

  it('binds one member when one account sends two invite codes at once, every time', async () => {
    const race = await bindRace(50, rng);
    console.log(`concurrency: one account binding two codes at once, ${race.trials} trials: bound once ${race.boundOnce}/${race.trials}, ${race.refusedWithConflict} refused with CONFLICT`);
    expect(race).toEqual({ trials: 50, boundOnce: 50, refusedWithConflict: 50 });
  });

  it('leaves one pending reversal or correction per entry when three are proposed at once', async () => {
    const race = await reversalRace(20, rng);
    console.log(
      `concurrency: ${race.entries * 3} racing reversals and corrections of ${race.entries} entries: ` +
        `${race.pendingPerEntry.filter((n) => n === 1).length}/${race.entries} entries with exactly one pending, ${race.refusedWithConflict} refused with CONFLICT; ` +
        `tally drift ${race.drift} once approved`,
    );
    expect(race.pendingPerEntry).toEqual(Array(20).fill(1));
    expect(race.refusedWithConflict).toBe(40);
    expect(race.drift).toBe(0);
  });
});

describe('local cloud transactions (SPEC §3: isolated)', () => {
  /**
   * The root of the race above: a transaction reads each document as last committed when it first
   * touches it, so after another transaction commits it sees the old claim and the new ledger entry
   * together (read skew). A snapshot-isolated database (the cloud's MongoDB) shows it the documents as
   * they were when it began, or reports a conflict, which runTransaction retries.
   */
  it('never shows a transaction one document from before a commit and another from after it', () => {
    const store = new Store({ dir: null });
    store.commit([{ collection: 'claims', id: 'c1', doc: { _id: 'c1', status: 'pending' } }]);
    const transactions = new TransactionManager(store);
    const reader = transactions.start();
    expect(reader.get('claims', 'c1')).toEqual({ _id: 'c1', status: 'pending' });
    // Another transaction approves the claim and posts its entry.
    store.commit([
      { collection: 'claims', id: 'c1', doc: { _id: 'c1', status: 'approved' } },
      { collection: 'ledger', id: 'c1-0', doc: { _id: 'c1-0', points: 10 } },
    ]);
    let entry: unknown;
    try {
      entry = reader.get('ledger', 'c1-0');
    } catch (conflict) {
      entry = 'conflict';
    }
    expect([null, 'conflict']).toContainEqual(entry);
  });
});
