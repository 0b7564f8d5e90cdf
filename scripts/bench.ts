/**
 * npm run bench: the quality bars of SPEC §7 at 100,000 members and 1,000,000 ledger entries.
 *
 * A temporary in-memory local-cloud store is seeded in bulk with exactly the documents the api
 * writes (members, ledger entries, their tallies, dues records); every measured operation then goes
 * through the real, built `api` and `cron` functions. Boards are measured side by side with the same
 * boards computed by summing ledger entries per request (bench/functions/naive-board), in one run.
 *
 * Then the cold start (bench-cold.ts), the changzhou template at the same size (bench-changzhou.ts) and
 * the 积分超市 (bench-shop.ts: 20,000 households redeeming at once against 500 rewards).
 *
 * Ends with one line:
 *   ranking_speedup=… ranking_p50_ms=… docs_read_per_board=… approve_p50_ms=… approve_db_requests=… cron_invocations=…
 *   cold_load_ratio=… changzhou_board_p50_ms=… changzhou_docs_read_per_board=… quarter_close_invocations=… quarter_close_max_ms=…
 *   shop_redeem_wall_s=… shop_redeem_p50_ms=… shop_reserved=… shop_conflicts=… shop_drift=… peak_rss_mb=…
 *
 * Options (env): BENCH_MEMBERS (100000), BENCH_ENTRIES (1000000), BENCH_RUNS (30), BENCH_NAIVE_RUNS (3), BENCH_COLD_RUNS (15),
 * BENCH_SHOP_HOUSEHOLDS (20000), BENCH_SHOP_REWARDS (500).
 *
 * Memory is printed at the end of each phase; peak_rss_mb is the process's maximum resident set over
 * the whole run (`npm run bench` sets V8's old-space ceiling to 1.5 GB, see README).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { DuesRecord, LedgerEntry } from '../typings/models';
import { JINGMEN_SCHEME } from '../domain/schemes/jingmen';
import { tallyKeysOf, type TallyKey } from '../domain/calendar';
import { storedTally } from '../server/data/ledger';
import type { StoredMember } from '../server/data/members';
import { loadIndexes, LocalCloud } from '../localcloud/runtime';
import type { Mutation } from '../localcloud/store/store';
import { buildFunctions } from './build';
import { changzhouPhase } from './bench-changzhou';
import { shopPhase } from './bench-shop';
import { coldLoad, COLD_LOAD_TARGET } from './bench-cold';
import { env, expectOk, functionsRoot, measure, median, memory, peakRss, percentile, random, REPO, sampleBoard, type Sample } from './bench-support';

const NOW = new Date('2026-11-21T04:00:00Z');
const MONTH = '2026-11';
const YEAR = '2026';
const BOARD_ROWS = 50;
const PROFESSIONS = ['律师', '医生', '会计师', '教师', '建筑师', '企业家', '设计师', '工程师'];
const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂';



interface Dataset {
  members: number;
  entries: number;
}

const memberId = (i: number) => `m${String(i).padStart(6, '0')}`;
const branchId = (b: number) => `b${String(b).padStart(2, '0')}`;
const openidOf = (id: string) => `bench-${id}`;

/** Officers at the head of the list; then, per branch, a president and three leaders. */
function positionsOf(i: number, branches: number): { positions: string[]; branch: number | null; tier: string | null } {
  if (i === 0) return { positions: ['president'], branch: null, tier: 'council' };
  if (i <= 3) return { positions: ['vice_president'], branch: null, tier: 'council' };
  if (i === 4) return { positions: ['secretary_general'], branch: null, tier: 'director' };
  if (i === 5) return { positions: ['political_instructor'], branch: null, tier: null };
  const branch = i % branches;
  const rank = Math.floor(i / branches);
  if (rank === 1) return { positions: ['branch_president'], branch, tier: 'council' };
  if (rank >= 2 && rank <= 4) return { positions: ['branch_leader'], branch, tier: 'director' };
  const roll = (i * 7919) % 100;
  return { positions: [], branch, tier: roll < 2 ? 'council' : roll < 10 ? 'director' : 'member' };
}

const ITEMS = JINGMEN_SCHEME.items.filter((item) => item.kind === 'fixed' && item.claimable);

/** Documents committed per batch while seeding: small, so each batch's drafts die young. */
const SEED_BATCH = 20_000;

/**
 * Seeds the store in bulk with what the api would have written. Documents are made and committed a
 * batch at a time, so the store's own copies are the only large thing that stays alive.
 */
export function seed(cloud: LocalCloud, data: Dataset): void {
  const rnd = random(20261121);
  const branches = 20;
  const at = '2024-12-01T00:00:00.000Z';
  const members: StoredMember[] = [];
  for (let i = 0; i < data.members; i++) {
    const { positions, branch, tier } = positionsOf(i, branches);
    const name = SURNAMES[i % SURNAMES.length] + GIVEN[Math.floor(i / SURNAMES.length) % GIVEN.length] + String(i % 1000);
    members.push({
      _id: memberId(i),
      name,
      branchId: branch === null ? null : branchId(branch),
      branchName: branch === null ? null : `第${branch + 1}分会`,
      category: tier,
      roles: positions,
      profession: PROFESSIONS[i % PROFESSIONS.length],
      socialRoles: i % 20 === 0 ? ['政协委员'] : [],
      status: 'active',
      secretariat: false,
      phone: null,
      openid: openidOf(memberId(i)),
      inviteCode: `B${String(i).padStart(7, '0')}`,
      tallyKeys: [],
      createdAt: at,
      updatedAt: at,
    });
  }
  const batch: Mutation[] = [];
  const put = <T extends { _id: string }>(collection: string, doc: T) => {
    batch.push({ collection, id: doc._id, doc } as Mutation);
    if (batch.length >= SEED_BATCH) flush();
  };
  const flush = () => {
    cloud.store.commit(batch);
    batch.length = 0;
  };
  for (let b = 0; b < branches; b++) put('branches', { _id: branchId(b), name: `第${b + 1}分会` });

  // Two years of entries: 2024-12-01 .. 2026-11-21. Totals per member and tally key, in entry order.
  const first = Date.UTC(2024, 11, 1);
  const span = Date.UTC(2026, 10, 21) - first;
  const totals = members.map(() => new Map<TallyKey, number>());
  for (let e = 0; e < data.entries; e++) {
    const m = Math.floor(rnd() * members.length);
    const member = members[m];
    const item = ITEMS[Math.floor(rnd() * ITEMS.length)];
    const occurredOn = new Date(first + Math.floor(rnd() * span)).toISOString().slice(0, 10);
    const entry: LedgerEntry = {
      _id: `e${String(e).padStart(7, '0')}`,
      memberId: member._id,
      memberName: member.name,
      itemId: item.id,
      itemName: item.name,
      points: item.points!,
      occurredOn,
      schemeVersion: 1,
      claimId: null,
      reviewers: [],
      createdAt: `${occurredOn}T12:00:00.000Z`,
    };
    put('ledger', entry);
    const own = totals[m];
    for (const key of tallyKeysOf(occurredOn, JINGMEN_SCHEME.calendar)) own.set(key, (own.get(key) ?? 0) + entry.points);
  }
  members.forEach((member, m) => {
    for (const [key, total] of totals[m]) {
      put('tallies', storedTally(member, key, { total }, JINGMEN_SCHEME));
      member.tallyKeys.push(key);
    }
    totals[m].clear();
    put('members', member);
  });

  // Everyone paid a year of dues in June: the monthly job has a position.monthly to credit each.
  for (const m of members) {
    if (m.category === null) continue;
    const dues: DuesRecord = {
      _id: `d${m._id}`,
      memberId: m._id,
      paidOn: '2026-06-15',
      years: 1,
      tier: m.category,
      fromMonth: '2026-06',
      toMonth: '2027-05',
      recordedBy: 'bench',
      createdAt: '2026-06-15T04:00:00.000Z',
    };
    put('dues', dues);
  }
  flush();
  loadIndexes(cloud.store, path.join(REPO, 'deploy', 'database.json'));
}





async function openCloud(root: string, data: Dataset): Promise<LocalCloud> {
  const cloud = new LocalCloud({ dir: null, functionsRoot: root, manifest: null, functionEnv: { ADMIN_OPENIDS: 'bench-admin' } });
  cloud.db.now = () => new Date(NOW);
  const started = Date.now();
  seed(cloud, data);
  console.log(`seeded ${data.members} members and ${data.entries} entries in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  // Collect the seeding's garbage now, so that no measurement pays for it.
  (globalThis as { gc?: () => void }).gc?.();
  memory('after seeding');
  return cloud;
}

/** Claims waiting for final review, made through the api: a self-report endorsed by a branch leader. */
async function pendingFinals(cloud: LocalCloud, count: number, members: number): Promise<{ claimId: string; reviewer: string }[]> {
  const out: { claimId: string; reviewer: string }[] = [];
  for (let k = 0; k < count; k++) {
    const i = 1000 + k * 37 < members ? 1000 + k * 37 : 100 + k;
    const claimant = memberId(i);
    const submitted = expectOk<{ claim: { _id: string; waitingFor: { memberIds: string[] } } }>(
      await cloud.invoke('api', { action: 'claim.submit', payload: { itemId: 'honor.county', occurredOn: '2026-11-20', note: 'bench' } }, { openid: openidOf(claimant), timeoutMs: 600_000 }),
      'claim.submit',
    );
    const endorser = submitted.claim.waitingFor.memberIds[0];
    const endorsed = expectOk<{ claim: { waitingFor: { memberIds: string[] } } }>(
      await cloud.invoke('api', { action: 'claim.decide', payload: { claimId: submitted.claim._id, decision: 'approve' } }, { openid: openidOf(endorser), timeoutMs: 600_000 }),
      'endorse',
    );
    out.push({ claimId: submitted.claim._id, reviewer: endorsed.claim.waitingFor.memberIds[0] });
  }
  return out;
}

async function approvals(cloud: LocalCloud, count: number, members: number): Promise<Sample[]> {
  const pending = await pendingFinals(cloud, count, members);
  const samples: Sample[] = [];
  for (const { claimId, reviewer } of pending) {
    const sample = await measure(cloud, 'api', { action: 'claim.decide', payload: { claimId, decision: 'approve' } }, openidOf(reviewer));
    expectOk(sample.result, 'claim.decide');
    samples.push(sample);
  }
  return samples;
}

async function main(): Promise<void> {
  const big: Dataset = { members: env('BENCH_MEMBERS', 100_000), entries: env('BENCH_ENTRIES', 1_000_000) };
  const small: Dataset = { members: Math.min(1000, big.members), entries: 10_000 };
  const runs = env('BENCH_RUNS', 30);
  const naiveRuns = env('BENCH_NAIVE_RUNS', 3);
  console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}`);
  await buildFunctions();
  const root = functionsRoot();

  // Cold start: the bundle's load beside the SDK's, each in fresh processes, alternating.
  const cold = coldLoad(env('BENCH_COLD_RUNS', 15), median);
  console.log(`cold load: wx-server-sdk p50 ${cold.sdkMs.toFixed(0)} ms, api bundle p50 ${cold.bundleMs.toFixed(0)} ms, ratio ${cold.ratio.toFixed(2)} (target ≤ ${COLD_LOAD_TARGET})`);

  // The changzhou template first: its store is gone before 荆门's is seeded.
  const party = await changzhouPhase(root, big.members, runs);
  (globalThis as { gc?: () => void }).gc?.();

  // 积分超市: 20,000 households redeeming at once against 500 rewards (bench-shop.ts).
  const shop = await shopPhase(root);
  (globalThis as { gc?: () => void }).gc?.();

  // Approvals on a small history first, to compare with the large one.
  let cloud = await openCloud(root, small);
  const smallApprovals = await approvals(cloud, 30, small.members);
  cloud.close();

  cloud = await openCloud(root, big);
  const caller = openidOf(memberId(big.members - 7)); // an ordinary member, usually below the top rows
  const boards = [
    { label: 'month/association', payload: { period: 'month', key: MONTH } },
    { label: 'month/branch', payload: { period: 'month', key: MONTH, scope: { branchId: 'b03' } } },
    { label: 'year/association', payload: { period: 'year', key: YEAR } },
    { label: 'year/branch', payload: { period: 'year', key: YEAR, scope: { branchId: 'b03' } } },
    { label: 'all/association', payload: { period: 'all' } },
    { label: 'all/branch', payload: { period: 'all', scope: { branchId: 'b03' } } },
  ];
  const indexedAll: number[] = [];
  const naiveAll: number[] = [];
  let docsReadMax = 0;
  let requestsMax = 0;
  console.log('\nboard                  indexed p50   p95    reqs  docs read  | ledger-sum p50   speedup');
  const speedups: number[] = [];
  for (const board of boards) {
    const { samples, rows } = await sampleBoard(cloud, { ...board.payload, limit: BOARD_ROWS }, caller, runs);
    const naive: number[] = [];
    for (let r = 0; r < naiveRuns; r++) {
      const p = board.payload as { period: string; key?: string; scope?: { branchId?: string } };
      const sample = await measure(cloud, 'naive-board', { period: p.period, key: p.key, branchId: p.scope?.branchId, limit: BOARD_ROWS }, undefined, 600_000);
      naive.push(sample.ms);
    }
    const p50 = median(samples.map((s) => s.ms));
    const docsRead = Math.max(...samples.map((s) => s.examined));
    const requests = Math.max(...samples.map((s) => s.requests));
    if (docsRead > rows + 1) throw new Error(`${board.label}: read ${docsRead} documents for ${rows} rows`);
    docsReadMax = Math.max(docsReadMax, docsRead);
    requestsMax = Math.max(requestsMax, requests);
    indexedAll.push(...samples.map((s) => s.ms));
    naiveAll.push(...naive);
    speedups.push(median(naive) / p50);
    console.log(
      `${board.label.padEnd(22)} ${p50.toFixed(2).padStart(8)} ms ${percentile(samples.map((s) => s.ms), 0.95).toFixed(2).padStart(6)} ${String(requests).padStart(6)} ${String(docsRead).padStart(6)}/${rows + 1}  | ${median(naive).toFixed(0).padStart(9)} ms ${(median(naive) / p50).toFixed(0).padStart(9)}×`,
    );
  }

  memory('after the boards');

  const bigApprovals = await approvals(cloud, 30, big.members);
  const requestsOf = (samples: Sample[]) => median(samples.map((s) => s.requests));
  console.log(
    `\nclaim.decide (final approve): ${small.entries} entries p50 ${median(smallApprovals.map((s) => s.ms)).toFixed(2)} ms, ${requestsOf(smallApprovals)} db requests; ` +
      `${big.entries} entries p50 ${median(bigApprovals.map((s) => s.ms)).toFixed(2)} ms p95 ${percentile(bigApprovals.map((s) => s.ms), 0.95).toFixed(2)} ms, ${requestsOf(bigApprovals)} db requests`,
  );
  if (requestsOf(bigApprovals) !== requestsOf(smallApprovals)) throw new Error('approval database requests grew with history');

  // The monthly job, invoked as the platform would after each slice, each under the 60 s limit.
  const cronLimitMs = JSON.parse(fs.readFileSync(path.join(REPO, 'cloudfunctions', 'cron', 'config.json'), 'utf8')).timeout * 1000;
  let invocations = 0;
  const cronTimes: number[] = [];
  for (;;) {
    invocations++;
    const sample = await measure(cloud, 'cron', { job: 'monthly', month: MONTH, chain: false });
    const result = expectOk<{ done: boolean; totals: { entries: number; processed: number } }>(sample.result, 'cron');
    cronTimes.push(sample.ms);
    if (sample.ms > cronLimitMs) throw new Error(`cron invocation ${invocations} took ${sample.ms} ms, over ${cronLimitMs} ms`);
    if (result.done) {
      console.log(
        `monthly job: ${result.totals.processed} dues records, ${result.totals.entries} entries, ${invocations} invocations, ` +
          `each ${cronTimes.map((t) => (t / 1000).toFixed(1)).join(' / ')} s (limit ${cronLimitMs / 1000} s)`,
      );
      break;
    }
    if (invocations > 100) throw new Error('monthly job did not finish in 100 invocations');
  }
  memory('after the monthly job');
  cloud.close();


  const peakRssMb = peakRss();
  const speedup = median(naiveAll) / median(indexedAll);
  console.log(`\nworst board speedup ${Math.min(...speedups).toFixed(0)}×, board db requests ≤ ${requestsMax}`);
  console.log(
    `ranking_speedup=${speedup.toFixed(0)} ranking_p50_ms=${median(indexedAll).toFixed(2)} docs_read_per_board=${docsReadMax} ` +
      `approve_p50_ms=${median(bigApprovals.map((s) => s.ms)).toFixed(2)} approve_db_requests=${requestsOf(bigApprovals)} ` +
      `cron_invocations=${invocations} cold_load_ratio=${cold.ratio.toFixed(2)} changzhou_board_p50_ms=${party.boardP50Ms.toFixed(2)} ` +
      `changzhou_docs_read_per_board=${party.docsReadPerBoard} quarter_close_invocations=${party.closeInvocations} quarter_close_max_ms=${party.closeMaxMs.toFixed(0)} ` +
      `shop_redeem_wall_s=${(shop.wallMs / 1000).toFixed(1)} shop_redeem_p50_ms=${shop.p50Ms.toFixed(0)} shop_reserved=${shop.reserved} shop_conflicts=${shop.conflicts} shop_drift=${shop.drift} ` +
      `peak_rss_mb=${peakRssMb}`,
  );
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
