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
