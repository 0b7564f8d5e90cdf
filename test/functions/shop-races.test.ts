/**
 * Reservations racing (docs/rules.md S3–S5): `redeem.request` checks the balance and the stock in one
 * transaction, so however many reservations arrive at once, no balance goes below zero, no reward is
 * reserved beyond its stock, no two open reservations share a code, and the tallies equal the ledger.
 */
import type { ApiResult, DataOf } from '../../typings/api';
import { reconcileIn } from '../../scripts/reconcile';
import { ADMIN_OPENID } from '../support/api';
import { partyOpenid as as, partyWorld } from '../support/party';
import { adoptShopScheme } from '../support/shop-scheme';

const world = partyWorld('2026-03-02', adoptShopScheme);
const HOUSEHOLDS = 24;
const households: string[] = [];

beforeAll(async () => {
  const rows = Array.from({ length: HOUSEHOLDS }, (_, i) => ({ name: `农户${i + 1}`, phone: `1370000${String(1000 + i)}`, branch: '第一党支部' }));
  const imported = await world.h.ok(ADMIN_OPENID, 'admin.members.import', { rows });
  for (const [i, member] of imported.members.entries()) {
    await world.h.ok(as(`h${i}`), 'me.bind', { inviteCode: member.inviteCode });
    households.push(member.memberId);
  }
  // Everyone earns 40 points (seeds/004: 1 point = 1 yuan).
  await world.h.ok(as('k1'), 'award.propose', { itemId: 'review.points', occurredOn: '2026-03-02', recipients: households.map((memberId) => ({ memberId })), count: 40, note: '' });
}, 120_000);

const addReward = async (name: string, cost: number, stock: number) => (await world.h.ok(ADMIN_OPENID, 'shop.reward.save', { name, cost, stock, keeper: '村积分超市' })).reward._id;
const messages = (results: ApiResult<DataOf<'redeem.request'>>[]) => results.flatMap((r) => (r.ok ? [] : [r.error.message])).sort();

describe('racing reservations', () => {
  it('gives the last item to one of two households and tells the other it is gone', async () => {
    const rewardId = await addReward('电饭煲', 30, 1);
    const results = await Promise.all([0, 1].map((i) => world.h.call(as(`h${i}`), 'redeem.request', { rewardId, quantity: 1 })));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(messages(results)).toEqual(['“电饭煲”已兑完']);
    expect((await world.h.ok(as('h0'), 'shop.list', {})).rewards.find((r) => r.rewardId === rewardId)!.stock).toBe(0);
  });

  it('lets a balance just enough for one pay for one of five reservations sent at once', async () => {
    const rewardId = await addReward('洗衣液', 40, 10);
    const results = await Promise.all(Array.from({ length: 5 }, () => world.h.call(as('h5'), 'redeem.request', { rewardId, quantity: 1 })));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(messages(results)).toEqual(Array(4).fill('积分余额不足：兑换需 40 分，可用余额 0 分'));
    expect(await world.h.ok(as('h5'), 'shop.list', {})).toMatchObject({ balance: 0, total: 40 });
  });

  it('reserves exactly the stock when every household asks at once, each with its own code', async () => {
    const rewardId = await addReward('毛巾', 10, 12);
    const contenders = Array.from({ length: HOUSEHOLDS - 6 }, (_, i) => as(`h${i + 6}`));
    const results = await Promise.all(contenders.map((openid) => world.h.call(openid, 'redeem.request', { rewardId, quantity: 1 })));
    const won = results.flatMap((r) => (r.ok ? [r.data.redemption] : []));
    expect(won).toHaveLength(12);
    expect(new Set(won.map((r) => r.code)).size).toBe(12);
    expect(messages(results)).toEqual(Array(contenders.length - 12).fill('“毛巾”已兑完'));
    const dump = world.h.cloud.store.dump();
    expect(dump.pickupCodes ?? []).toHaveLength(1 + 1 + 12);
    for (const tally of (dump.tallies ?? []).filter((t) => t.key === 'all')) expect(Number(tally.total) - Number(tally.spent ?? 0)).toBeGreaterThanOrEqual(0);
    expect((await reconcileIn(world.h.cloud)).drift).toEqual([]);
  });
});

describe("a reward's stock in shards (S22)", () => {
  const stockOf = async (rewardId: string) => (await world.h.ok(as('h0'), 'shop.list', {})).rewards.find((r) => r.rewardId === rewardId)!.stock;
  const shardsOf = (rewardId: string) =>
    (world.h.cloud.store.dump().rewardStock ?? [])
      .filter((s) => s.rewardId === rewardId)
      .sort((a, b) => Number(a.index) - Number(b.index))
      .map((s) => s.stock);
  const reserve = (key: string, rewardId: string, quantity = 1) => world.h.call(as(key), 'redeem.request', { rewardId, quantity });

  beforeAll(async () => {
    await world.h.ok(as('k1'), 'award.propose', { itemId: 'review.points', occurredOn: '2026-03-02', recipients: households.map((memberId) => ({ memberId })), count: 100, note: '' });
  }, 60_000);

  it('spreads the stock set on the shelf over at most eight shards, and shows their sum', async () => {
    const rewardId = await addReward('挂面', 1, 21);
    expect(shardsOf(rewardId)).toEqual([3, 3, 3, 3, 3, 2, 2, 2]);
    expect(await stockOf(rewardId)).toBe(21);
    expect(shardsOf(await addReward('火柴', 1, 3))).toEqual([1, 1, 1]);
    expect(shardsOf(await addReward('蜡烛', 1, 0))).toEqual([0]);
  });

  it('serves every item one by one, whichever shard each request draws first, then says 已兑完', async () => {
    const rewardId = await addReward('肥皂', 1, 8);
    for (let i = 0; i < 8; i++) expect((await reserve(`h${i}`, rewardId)).ok).toBe(true);
    expect(await reserve('h8', rewardId)).toMatchObject({ ok: false, error: { message: '“肥皂”已兑完' } });
    expect(shardsOf(rewardId)).toEqual(Array(8).fill(0));
  });

  it('takes a reservation from several shards when no one of them holds it all', async () => {
    const rewardId = await addReward('抽纸', 1, 8);
    expect((await reserve('h9', rewardId, 3)).ok).toBe(true);
    expect(await stockOf(rewardId)).toBe(5);
    expect(shardsOf(rewardId).filter((n) => n === 0)).toHaveLength(3);
    expect(await reserve('h10', rewardId, 6)).toMatchObject({ ok: false, error: { message: '“抽纸”库存不足，仅剩 5 件' } });
  });

  it('never sells beyond the stock to households asking for one or two at once, and leaves less than a pair', async () => {
    const rewardId = await addReward('酱油', 1, 16);
    const results = await Promise.all(households.map((_, i) => reserve(`h${i}`, rewardId, i % 2 === 0 ? 2 : 1)));
    const sold = results.reduce((n, r) => n + (r.ok ? r.data.redemption.quantity : 0), 0);
    const left = await stockOf(rewardId);
    expect(sold + left).toBe(16);
    expect(left).toBeLessThanOrEqual(1);
    for (const message of messages(results)) expect(['“酱油”已兑完', '“酱油”库存不足，仅剩 1 件']).toContain(message);
    expect(shardsOf(rewardId).every((n) => Number(n) >= 0)).toBe(true);
    expect((await reconcileIn(world.h.cloud)).drift).toEqual([]);
  });

  it('spreads a restock over the shards again, dropping the shards it no longer needs', async () => {
    const rewardId = await addReward('香油', 1, 8);
    await reserve('h11', rewardId, 3);
    const save = (stock: number) => world.h.ok(ADMIN_OPENID, 'shop.reward.save', { rewardId, name: '香油', cost: 1, stock, keeper: '村积分超市' });
    expect((await save(3)).reward.stock).toBe(3);
    expect(shardsOf(rewardId)).toEqual([1, 1, 1]);
    expect(await stockOf(rewardId)).toBe(3);
    await save(20);
    expect(shardsOf(rewardId)).toEqual([3, 3, 3, 3, 2, 2, 2, 2]);
    expect(await stockOf(rewardId)).toBe(20);
  });

  it('puts a cancelled reservation back on a shard, where the next household finds it', async () => {
    const rewardId = await addReward('电水壶', 1, 2);
    const first = await reserve('h12', rewardId);
    await reserve('h13', rewardId);
    expect(await reserve('h14', rewardId)).toMatchObject({ ok: false, error: { message: '“电水壶”已兑完' } });
    if (!first.ok) throw new Error('the first reservation was refused');
    await world.h.ok(as('h12'), 'redeem.cancel', { redemptionId: first.data.redemption._id });
    expect(await stockOf(rewardId)).toBe(1);
    expect((await reserve('h14', rewardId)).ok).toBe(true);
    expect(shardsOf(rewardId)).toEqual([0, 0]);
  });

  it('keeps a reward saved before shards in its own document until it is saved again', async () => {
    world.h.cloud.store.commit([
      { collection: 'rewards', id: 'old-rice', doc: { _id: 'old-rice', name: '旧大米', cost: 1, stock: 2, keeper: '村积分超市', subsidyShare: 0.5, active: true, updatedAt: '2026-03-01T00:00:00.000Z' } },
    ]);
    expect(await stockOf('old-rice')).toBe(2);
    const taken = await reserve('h15', 'old-rice');
    expect(await stockOf('old-rice')).toBe(1);
    if (!taken.ok) throw new Error('the reservation was refused');
    await world.h.ok(as('h15'), 'redeem.cancel', { redemptionId: taken.data.redemption._id });
    expect(await stockOf('old-rice')).toBe(2);
    await world.h.ok(ADMIN_OPENID, 'shop.reward.save', { rewardId: 'old-rice', name: '旧大米', cost: 1, stock: 4, keeper: '村积分超市' });
    expect((world.h.cloud.store.dump().rewards ?? []).find((r) => r._id === 'old-rice')).not.toHaveProperty('stock');
    expect(shardsOf('old-rice')).toEqual([1, 1, 1, 1]);
    expect(await stockOf('old-rice')).toBe(4);
  });
});
