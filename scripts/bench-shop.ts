/**
 * The 积分超市 phase of `npm run bench` (issue 15 Performance; docs/rules.md S4): 20,000 households
 * redeeming at once against 500 rewards through the real `api` function. Every `redeem.request` is
 * sent before any is answered; afterwards no balance is below zero, no reward is reserved beyond its
 * stock, every open reservation holds its own code, and the tallies (balances included) equal the
 * ledger (reconcile).
 *
 * All 20,000 are sent at once and all run at once (20,000 interleaved transactions in one process);
 * BENCH_SHOP_CONCURRENCY caps how many run at a time (the rest queue), as a function's instance limit
 * would. Each reward's stock is spread over its shards (docs/rules.md S20), so the 40 households
 * asking for one reward write different documents; BENCH_SHOP_LAYOUT=single keeps every reward's
 * stock in its own document instead (the layout of rewards saved before shards), for comparison:
 * there the 40 conflict on that document round after round, and unbounded the run outlasts the
 * function's time limit.
 *
 * The households and their points are written in bulk (one ledger entry each, its tallies exactly as
 * posting makes them); the rewards through `shop.reward.save`. Stock is short on purpose (12,500
 * items for 20,000 households asking one or two each) and so are some balances, so both refusals
 * happen under contention.
 */
import * as path from 'path';
import type { Redemption, Reward } from '../typings/api';
import type { LedgerEntry } from '../typings/models';
import { applyEntry, type TallyFigures } from '../domain/posting';
import type { Scheme } from '../domain/scheme';
import { CHANGZHOU_SCHEME } from '../domain/schemes/changzhou';
import { postedLine, storedTally } from '../server/data/ledger';
import type { StoredMember } from '../server/data/members';
import { loadIndexes, LocalCloud } from '../localcloud/runtime';
import type { Mutation } from '../localcloud/store/store';
import { reconcileIn } from './reconcile';
import type { StoredReward } from '../server/data/shop-stock';
import { buildFunctions } from './build';
import { env, expectOk, functionsRoot, median, memory, percentile, random, REPO } from './bench-support';

const NOW = new Date('2026-03-02T04:00:00Z');
const ADMIN = 'bench-admin';
const STOCK = 25;
const SEED_BATCH = 20_000;

/** A template with a 积分超市: 常州's organisation with a shop keeper and the shop's settings. */
const SHOP_BENCH_SCHEME: Scheme = {
  ...CHANGZHOU_SCHEME,
  template: 'shop-bench',
  organisation: { ...CHANGZHOU_SCHEME.organisation, roles: [...CHANGZHOU_SCHEME.organisation.roles, { id: 'shopkeeper', name: '积分超市店员', at: 'root', rights: [] }] },
  shop: { keeperRole: 'shopkeeper', subsidyShare: 0.5, redemptionDays: { day: 15, months: [3, 6, 9, 12] } },
};

export interface ShopFigures {
  households: number;
  rewards: number;
  layout: 'shards' | 'single';
  concurrency: number;
  wallMs: number;
  p50Ms: number;
  p95Ms: number;
  reserved: number;
  outOfStock: number;
  shortOfPoints: number;
  conflicts: number;
  /** Commits the database refused for a conflict (each retried by the SDK or by transact). */
  commitConflicts: number;
  drift: number;
}

const householdId = (i: number) => `h${String(i).padStart(6, '0')}`;

async function seed(cloud: LocalCloud, households: number, rewards: number): Promise<string[]> {
  expectOk(await cloud.invoke('api', { action: 'admin.scheme.adopt', payload: { template: 'changzhou' } }, { openid: ADMIN }), 'admin.scheme.adopt');
  const v1 = (cloud.store.dump().schemes ?? []).find((doc) => doc._id === 'v1')!;
  cloud.store.commit([{ collection: 'schemes', id: 'v1', doc: { ...v1, scheme: SHOP_BENCH_SCHEME } }]);
  const rnd = random(20260302);
  const batch: Mutation[] = [];
  const put = <T extends { _id: string }>(collection: string, doc: T) => {
    batch.push({ collection, id: doc._id, doc } as Mutation);
    if (batch.length >= SEED_BATCH) {
      cloud.store.commit(batch);
      batch.length = 0;
    }
  };
  const at = NOW.toISOString();
  for (let i = 0; i < households; i++) {
    const member: StoredMember = {
      _id: householdId(i),
      name: `农户${i}`,
      branchId: null,
      branchName: null,
      category: 'full',
      roles: [],
      profession: null,
      socialRoles: [],
      status: 'active',
      secretariat: false,
      phone: null,
      openid: `bench-${householdId(i)}`,
      inviteCode: `S${String(i).padStart(7, '0')}`,
      tallyKeys: [],
      createdAt: at,
      updatedAt: at,
    } as StoredMember;
    // Between 0 and 150 points: some cannot pay for what they ask.
    const entry: LedgerEntry = {
      _id: `e${householdId(i)}`,
      memberId: member._id,
      memberName: member.name,
      itemId: 'feature.volunteer',
      itemName: '参加志愿服务',
      points: 5 * Math.floor(rnd() * 31),
      occurredOn: '2026-02-20',
      schemeVersion: 1,
      claimId: null,
      reviewers: [],
      createdAt: at,
    };
    put('ledger', entry);
    const figures = applyEntry(postedLine(entry, SHOP_BENCH_SCHEME), new Map<string, TallyFigures | null>(), SHOP_BENCH_SCHEME);
    for (const [key, f] of figures) {
      put('tallies', storedTally(member, key, f, SHOP_BENCH_SCHEME));
      member.tallyKeys!.push(key);
    }
    put('members', member);
  }
  cloud.store.commit(batch);
  loadIndexes(cloud.store, path.join(REPO, 'deploy', 'database.json'));
  const ids: string[] = [];
  for (let r = 0; r < rewards; r++) {
    const cost = 10 + 5 * Math.floor(rnd() * 11);
    const saved = expectOk<{ reward: Reward }>(
      await cloud.invoke('api', { action: 'shop.reward.save', payload: { name: `商品${r}`, cost, stock: STOCK, keeper: '村积分超市' } }, { openid: ADMIN }),
      'shop.reward.save',
    );
    ids.push(saved.reward._id);
  }
  return ids;
}

/** Every reward's stock back in its own document, its shards removed: the layout before S20. */
function singleDocumentStock(cloud: LocalCloud): void {
  const dump = cloud.store.dump();
  const rewards = (dump.rewards ?? []) as unknown as StoredReward[];
  const back: Mutation[] = rewards.map(({ shards: _shards, ...reward }) => ({ collection: 'rewards', id: reward._id, doc: { ...reward, stock: STOCK } }) as Mutation);
  const removed: Mutation[] = (dump.rewardStock ?? []).map((shard) => ({ collection: 'rewardStock', id: shard._id as string, doc: null }) as Mutation);
  cloud.store.commit([...back, ...removed]);
}

/** Each reward's stock as the store holds it (its shards added up, or its own `stock`), and how many of those documents are below zero. */
function stockByReward(dump: ReturnType<LocalCloud['store']['dump']>): { stock: Map<string, number>; negative: number } {
  const holders = [
    ...((dump.rewards ?? []) as unknown as StoredReward[]).filter((r) => r.shards === undefined).map((r) => ({ rewardId: r._id, stock: r.stock ?? 0 })),
    ...(dump.rewardStock ?? []).map((shard) => ({ rewardId: shard.rewardId as string, stock: Number(shard.stock) })),
  ];
  const stock = new Map<string, number>();
  for (const { rewardId, stock: n } of holders) stock.set(rewardId, (stock.get(rewardId) ?? 0) + n);
  return { stock, negative: holders.filter((h) => h.stock < 0).length };
}

export async function shopPhase(root: string): Promise<ShopFigures> {
  const households = env('BENCH_SHOP_HOUSEHOLDS', 20_000);
  const rewardCount = env('BENCH_SHOP_REWARDS', 500);
  const layout = process.env.BENCH_SHOP_LAYOUT === 'single' ? 'single' : 'shards';
  const cloud = new LocalCloud({ dir: null, functionsRoot: root, manifest: null, functionEnv: { ADMIN_OPENIDS: ADMIN } });
  const seeded = Date.now();
  // The clock stands at NOW, so the server's 30-second limit on an open transaction is not applied: in
  // one process, a transaction lives as long as the thousands of others sharing the CPU take, not as
  // long as the database would. BENCH_SHOP_REAL_CLOCK=1 runs the clock from NOW at the real pace.
  const realClock = process.env.BENCH_SHOP_REAL_CLOCK === '1';
  cloud.db.now = () => new Date(realClock ? NOW.getTime() + (Date.now() - seeded) : NOW.getTime());
  const rewards = await seed(cloud, households, rewardCount);
  if (layout === 'single') singleDocumentStock(cloud);
  console.log(`\nshop: seeded ${households} households and ${rewardCount} rewards (stock ${STOCK} each, ${layout === 'single' ? 'in the reward\'s document' : 'in shards'}) in ${((Date.now() - seeded) / 1000).toFixed(1)} s`);

  const rnd = random(15);
  const asks = Array.from({ length: households }, (_, i) => ({ openid: `bench-${householdId(i)}`, rewardId: rewards[Math.floor(rnd() * rewards.length)], quantity: rnd() < 0.8 ? 1 : 2 }));
  // Every request is sent at once; with BENCH_SHOP_CONCURRENCY, at most that many run at a time (as a
  // function's instance limit would) and the rest queue.
  const concurrency = Math.min(env('BENCH_SHOP_CONCURRENCY', households), households);
  cloud.db.transactions.conflicts = 0;
  const times: number[] = [];
  const results: { ok: boolean; error?: { code: string; message: string } }[] = new Array(households);
  let next = 0;
  const started = Date.now();
  const instance = async () => {
    for (let i = next++; i < households; i = next++) {
      const ask = asks[i];
      const t = process.hrtime.bigint();
      results[i] = (await cloud.invoke('api', { action: 'redeem.request', payload: { rewardId: ask.rewardId, quantity: ask.quantity } }, { openid: ask.openid, timeoutMs: 600_000 })) as (typeof results)[number];
      times.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, instance));
  const wallMs = Date.now() - started;
  const commitConflicts = cloud.db.transactions.conflicts;
  const failures = results.flatMap((r) => (r.ok ? [] : [r.error!]));
  const unexpected = failures.filter((e) => !/已兑完|库存不足|余额不足|操作冲突/.test(e.message));
  if (unexpected.length > 0) throw new Error(`shop: unexpected refusals: ${JSON.stringify(unexpected.slice(0, 5))}`);

  // The checks: balances, stock, codes, and tallies against the ledger.
  const dump = cloud.store.dump();
  const negative = (dump.tallies ?? []).filter((t) => t.key === 'all' && Number(t.total) - Number(t.spent ?? 0) < 0);
  if (negative.length > 0) throw new Error(`shop: ${negative.length} negative balances`);
  const reservations = (dump.redemptions ?? []) as unknown as Redemption[];
  const taken = new Map<string, number>();
  for (const r of reservations) taken.set(r.rewardId, (taken.get(r.rewardId) ?? 0) + r.quantity);
  const { stock, negative: belowZero } = stockByReward(dump);
  if (belowZero > 0) throw new Error(`shop: ${belowZero} stocks or shards below zero`);
  for (const reward of (dump.rewards ?? []) as unknown as Reward[]) {
    const reserved = taken.get(reward._id) ?? 0;
    const left = stock.get(reward._id) ?? 0;
    if (reserved > STOCK || left !== STOCK - reserved) throw new Error(`shop: ${reward.name} stock ${left} with ${reserved} reserved of ${STOCK}`);
  }
  if (new Set(reservations.map((r) => r.code)).size !== reservations.length || (dump.pickupCodes ?? []).length !== reservations.length) throw new Error('shop: two open reservations share a code');
  const report = await reconcileIn(cloud);
  if (report.drift.length > 0) throw new Error(`shop: tallies drift from the ledger: ${JSON.stringify(report.drift.slice(0, 3))}`);
  memory('after the shop');
  cloud.close();

  const figures: ShopFigures = {
    households,
    rewards: rewardCount,
    layout,
    concurrency,
    wallMs,
    p50Ms: median(times),
    p95Ms: percentile(times, 0.95),
    reserved: reservations.length,
    outOfStock: failures.filter((e) => /已兑完|库存不足/.test(e.message)).length,
    shortOfPoints: failures.filter((e) => /余额不足/.test(e.message)).length,
    conflicts: failures.filter((e) => /操作冲突/.test(e.message)).length,
    commitConflicts,
    drift: report.drift.length,
  };
  console.log(
    `shop (stock ${layout === 'single' ? 'in one document' : 'in shards'}): ${households} redeem.request at once (${concurrency} running at a time) in ${(wallMs / 1000).toFixed(1)} s (${Math.round(households / (wallMs / 1000))}/s), each p50 ${figures.p50Ms.toFixed(0)} ms p95 ${figures.p95Ms.toFixed(0)} ms; ` +
      `${figures.reserved} reserved (${reservations.reduce((n, r) => n + r.quantity, 0)} items of ${STOCK * rewardCount}), ${figures.outOfStock} out of stock, ${figures.shortOfPoints} short of points, ${figures.conflicts} gave up on conflicts (${figures.commitConflicts} commits refused for a conflict and retried); ` +
      `no negative balance, no oversold stock, codes distinct, reconcile drift ${figures.drift}`,
  );
  return figures;
}

/** `npx tsx scripts/bench-shop.ts`: this phase alone. */
if (require.main === module) {
  (async () => {
    await buildFunctions();
    await shopPhase(functionsRoot());
  })().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
