/**
 * A quarter of the 积分超市 through the api (seeds/004 第三篇; 001 篇十七 14; docs/rules.md S1–S19), on
 * the shop scheme of test/support/shop-scheme.ts: rewards kept by the 管理员, reservations with pickup
 * codes, handing over on the redemption day (15 March), cancellation, expiry by the daily job at
 * midnight in Shanghai, a vetoed household refused, and the quarter's subsidy export. Every refusal
 * writes nothing.
 */
import ExcelJS from 'exceljs';
import type { Redemption } from '../../typings/api';
import { reconcileIn } from '../../scripts/reconcile';
import { ADMIN_OPENID } from '../support/api';
import { noon, partyOpenid as as, partyWorld } from '../support/party';
import { addShopPeople, adoptShopScheme } from '../support/shop-scheme';

const world = partyWorld('2026-03-02', adoptShopScheme);
const rewards: Record<string, string> = {};

beforeAll(async () => {
  await addShopPeople(world.h);
  // a earns 100, b 40 (seeds/004: 1 point = 1 yuan of goods).
  await world.h.ok(as('k1'), 'award.propose', { itemId: 'review.points', occurredOn: '2026-03-02', recipients: [{ memberId: world.party.id('a') }], count: 100, note: '' });
  await world.h.ok(as('k1'), 'award.propose', { itemId: 'review.points', occurredOn: '2026-03-02', recipients: [{ memberId: world.party.id('b') }], count: 40, note: '' });
}, 60_000);

async function refused(openid: string, action: Parameters<typeof world.h.fails>[1], payload: unknown) {
  const before = world.h.snapshot();
  const error = await world.h.fails(openid, action, payload);
  expect(world.h.snapshot()).toBe(before);
  return error;
}

const at = (iso: string) => world.h.setNow(new Date(iso));
const shop = (key: string) => world.h.ok(as(key), 'shop.list', {});
const reserve = (key: string, reward: string, quantity = 1) => world.h.ok(as(key), 'redeem.request', { rewardId: rewards[reward], quantity });
const tally = (key: string) => (world.h.cloud.store.dump().tallies ?? []).find((t) => t._id === `${world.party.id(key)}:all`) as unknown as { total: number; spent?: number };

describe('rewards (S2, S13)', () => {
  it('are added by the 积分超市管理员 and the secretariat, each with its keeper and subsidy share', async () => {
    const rice = await world.h.ok(as('manager'), 'shop.reward.save', { name: '大米 10 斤', cost: 40, stock: 5, keeper: '村积分超市' });
    expect(rice.reward).toMatchObject({ cost: 40, stock: 5, keeper: '村积分超市', subsidyShare: 0.5, active: true });
    rewards.rice = rice.reward._id;
    rewards.oil = (await world.h.ok(ADMIN_OPENID, 'shop.reward.save', { name: '食用油 5 升', cost: 60, stock: 1, keeper: '惠民超市', subsidyShare: 0.3 })).reward._id;
    rewards.soap = (await world.h.ok(ADMIN_OPENID, 'shop.reward.save', { name: '香皂', cost: 5, stock: 100, keeper: '村积分超市' })).reward._id;
  });

  it('keep their own subsidy share through an edit that does not name one (S13)', async () => {
    const edited = await world.h.ok(as('manager'), 'shop.reward.save', { rewardId: rewards.oil, name: '食用油 5 升', cost: 60, stock: 1, keeper: '惠民超市' });
    expect(edited.reward).toMatchObject({ subsidyShare: 0.3, stock: 1 });
  });

  it('refuses a 党员 or the 店员, a subsidy over half the unit price, and a price that is not whole points', async () => {
    expect(await refused(as('a'), 'shop.reward.save', { name: '毛巾', cost: 8, stock: 10, keeper: '村积分超市' })).toEqual({ code: 'FORBIDDEN', message: '只有积分超市的管理人员或秘书处可以管理兑换商品' });
    expect(await refused(as('keeper'), 'shop.reward.save', { name: '毛巾', cost: 8, stock: 10, keeper: '村积分超市' })).toMatchObject({ code: 'FORBIDDEN' });
    expect(await refused(ADMIN_OPENID, 'shop.reward.save', { name: '毛巾', cost: 8, stock: 10, keeper: '村积分超市', subsidyShare: 0.6 })).toEqual({ code: 'INVALID_INPUT', message: '财政补助比例应在 0 到 50% 之间' });
    // A percent typed as a number (60 for 60%) and a negative share get the same words (S23).
    for (const subsidyShare of [60, -0.1]) {
      expect(await refused(ADMIN_OPENID, 'shop.reward.save', { name: '毛巾', cost: 8, stock: 10, keeper: '村积分超市', subsidyShare })).toEqual({ code: 'INVALID_INPUT', message: '财政补助比例应在 0 到 50% 之间' });
    }
    expect(await refused(ADMIN_OPENID, 'shop.reward.save', { name: '毛巾', cost: 8.5, stock: 10, keeper: '村积分超市' })).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('所需积分') });
    expect(await refused(ADMIN_OPENID, 'shop.reward.save', { name: '毛巾', cost: 8, stock: -1, keeper: '村积分超市' })).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('库存') });
  });

  it('show on the first screen with the caller’s balance, in one call', async () => {
    expect(await shop('a')).toMatchObject({
      balance: 100,
      total: 100,
      keeper: false,
      rewards: [
        { rewardId: rewards.rice, name: '大米 10 斤', cost: 40, stock: 5 },
        { rewardId: rewards.oil, name: '食用油 5 升', cost: 60, stock: 1 },
        { rewardId: rewards.soap, name: '香皂', cost: 5, stock: 100 },
      ],
    });
    expect((await shop('keeper')).keeper).toBe(true);
  });

  it('tell the shop’s managers each reward’s subsidy share and the template’s, and a 党员 neither (S23)', async () => {
    const managed = await shop('manager');
    expect(managed.subsidyShare).toBe(0.5);
    expect(managed.rewards.map((r) => [r.name, r.subsidyShare])).toEqual([['大米 10 斤', 0.5], ['食用油 5 升', 0.3], ['香皂', 0.5]]);
    const member = await shop('a');
    expect(member).not.toHaveProperty('subsidyShare');
    expect(member.rewards.every((r) => !('subsidyShare' in r))).toBe(true);
  });

  it('say when rewards are handed over: the next redemption day, the days a reservation waits, how many at once (S20)', async () => {
    expect((await shop('a')).days).toEqual({ next: '2026-03-15', reservationDays: 30, maxQuantity: 10 });
  });
});

describe('reserving (S1, S3–S5, S9)', () => {
  let first: Redemption;

  it('spends the balance and takes the stock, never the cumulative total, and shows on 明细', async () => {
    at('2026-03-02T15:00:00+08:00');
    first = (await reserve('a', 'rice', 2)).redemption;
    expect(first).toMatchObject({ status: 'reserved', quantity: 2, points: 80, reservedOn: '2026-03-02', expiresOn: '2026-04-01' });
    expect(first.code).toMatch(/^[A-Z2-9]{6}$/);
    expect(await shop('a')).toMatchObject({ balance: 20, total: 100, rewards: [{ stock: 3 }, { stock: 1 }, { stock: 100 }] });
    expect((await world.h.ok(as('a'), 'home.get', {})).standings?.all).toMatchObject({ total: 100, balance: 20 });
    const board = await world.h.ok(as('a'), 'ranking.get', { period: 'cycle' });
    expect(board.me).toMatchObject({ total: 100 });
    const { entries } = await world.h.ok(as('a'), 'ledger.list', {});
    expect(entries.map((e) => [e.itemName, e.points])).toEqual([
      ['积分兑换：大米 10 斤 ×2', -80],
      ['年度民主评议得分（每分）', 100],
    ]);
    expect(entries[0].redemption).toEqual({ id: first._id, rewardName: '大米 10 斤', quantity: 2 });
  });

  it('refuses more than the balance, more than the stock, and more than ten at once', async () => {
    expect(await refused(as('a'), 'redeem.request', { rewardId: rewards.rice, quantity: 1 })).toEqual({ code: 'INVALID_INPUT', message: '积分余额不足：兑换需 40 分，可用余额 20 分' });
    expect(await refused(as('b'), 'redeem.request', { rewardId: rewards.rice, quantity: 4 })).toEqual({ code: 'CONFLICT', message: '“大米 10 斤”库存不足，仅剩 3 件' });
    expect(await refused(as('a'), 'redeem.request', { rewardId: rewards.soap, quantity: 11 })).toEqual({ code: 'INVALID_INPUT', message: '每次最多兑换 10 件' });
    expect(await refused(as('a'), 'redeem.request', { rewardId: rewards.soap, quantity: 0 })).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('兑换数量') });
    expect(await refused(as('a'), 'redeem.request', { rewardId: 'no-such-reward', quantity: 1 })).toEqual({ code: 'NOT_FOUND', message: '没有这件兑换商品' });
    expect(await refused('a-stranger', 'redeem.request', { rewardId: rewards.soap, quantity: 1 })).toMatchObject({ code: 'NOT_BOUND' });
  });

  it('lists the household’s reservations with their codes', async () => {
    const { redemptions } = await world.h.ok(as('a'), 'redeem.mine', {});
    expect(redemptions.map((r) => [r.code, r.status])).toEqual([[first.code, 'reserved']]);
    expect((await world.h.ok(as('b'), 'redeem.mine', {})).redemptions).toEqual([]);
  });

  it('is not handed over outside a redemption day, with the next one named (S7)', async () => {
    expect(await refused(as('keeper'), 'redeem.fulfil', { code: first.code })).toEqual({ code: 'OUT_OF_WINDOW', message: '今天不是兑换日，不能领取；下一个兑换日是 2026-03-15' });
  });

  it('is handed over by the 店员 on the 15th, the code typed in lower case with spaces (S8, S10)', async () => {
    at('2026-03-15T09:00:00+08:00');
    const typed = ` ${first.code.slice(0, 3).toLowerCase()} ${first.code.slice(3).toLowerCase()} `;
    expect(await refused(as('a'), 'redeem.fulfil', { code: typed })).toEqual({ code: 'FORBIDDEN', message: '只有积分超市店员可以核对取货码和发放兑换商品' });
    expect((await world.h.ok(as('keeper'), 'redeem.lookup', { code: typed })).redemption).toMatchObject({ memberName: '陈党员', rewardName: '大米 10 斤', quantity: 2 });
    const { redemption } = await world.h.ok(as('keeper'), 'redeem.fulfil', { code: typed });
    expect(redemption).toMatchObject({ status: 'fulfilled', fulfilledOn: '2026-03-15', fulfilledBy: { name: '何店员' } });
    expect(await refused(as('keeper'), 'redeem.fulfil', { code: first.code })).toEqual({ code: 'NOT_FOUND', message: `取货码 ${first.code} 没有待领取的兑换` });
    expect(await refused(as('keeper'), 'redeem.fulfil', { code: 'ab!' })).toMatchObject({ code: 'INVALID_INPUT', message: '取货码应为 6 位字母或数字，请核对后重新输入' });
  });

  it('cannot be cancelled once handed over (S12)', async () => {
    expect(await refused(as('a'), 'redeem.cancel', { redemptionId: first._id })).toEqual({ code: 'CONFLICT', message: '该兑换已于 2026-03-15 领取，不能再领取或取消' });
  });
});

describe('cancelling (S12)', () => {
  it('returns the points and the stock, for the household itself, not another', async () => {
    const { redemption } = await reserve('b', 'soap', 2);
    expect(await shop('b')).toMatchObject({ balance: 30, rewards: [{}, {}, { stock: 98 }] });
    expect(await refused(as('a'), 'redeem.cancel', { redemptionId: redemption._id })).toEqual({ code: 'FORBIDDEN', message: '只能取消自己户的兑换' });
    const cancelled = await world.h.ok(as('b'), 'redeem.cancel', { redemptionId: redemption._id });
    expect(cancelled.redemption).toMatchObject({ status: 'cancelled', closedBy: { name: '刘党员' } });
    expect(await shop('b')).toMatchObject({ balance: 40, total: 40, rewards: [{}, {}, { stock: 100 }] });
    const { entries } = await world.h.ok(as('b'), 'ledger.list', {});
    expect(entries.map((e) => [e.itemName, e.points])).toEqual(
      expect.arrayContaining([
        ['积分兑换：香皂 ×2', -10],
        ['兑换退回（已取消）：香皂 ×2', 10],
      ]),
    );
  });
});

describe('expiry by the daily job (S6)', () => {
  let late: Redemption;
  const expire = async () => (await world.h.cloud.invoke('cron', { Type: 'Timer', TriggerName: 'expiry' })) as { ok: boolean; data: { expired: number } };

  it('keeps a reservation made the day after a redemption day until the next one, a quarter away (S21)', async () => {
    at('2026-03-16T10:00:00+08:00');
    const { redemption } = await reserve('b', 'soap', 1);
    expect(redemption.expiresOn).toBe('2026-06-15');
    await world.h.ok(as('b'), 'redeem.cancel', { redemptionId: redemption._id });
  });

  it('keeps a reservation through its 30th day after the one it was made on, in Shanghai', async () => {
    at('2026-03-15T18:00:00+08:00');
    late = (await reserve('b', 'soap', 2)).redemption;
    expect(late.expiresOn).toBe('2026-04-14');
    at('2026-04-14T23:59:00+08:00');
    expect((await expire()).data.expired).toBe(0);
    expect(await shop('b')).toMatchObject({ balance: 30 });
  });

  it('expires it at midnight, returning points and stock, once however often the job runs', async () => {
    at('2026-04-15T00:00:30+08:00');
    expect(await expire()).toMatchObject({ ok: true, data: { expired: 1 } });
    expect(await expire()).toMatchObject({ ok: true, data: { expired: 0 } });
    expect(await shop('b')).toMatchObject({ balance: 40, rewards: [{}, {}, { stock: 100 }] });
    expect((await world.h.ok(as('b'), 'redeem.mine', {})).redemptions.find((r) => r._id === late._id)).toMatchObject({ status: 'expired' });
    expect(await refused(as('b'), 'redeem.cancel', { redemptionId: late._id })).toMatchObject({ code: 'CONFLICT', message: '该兑换已过领取期限（2026-04-14），积分和库存已退回' });
  });
});

describe('一票否决 in force (001 篇十七 14, S14)', () => {
  it('bars the household from redeeming, with the reason, while it keeps earning', async () => {
    const { claim } = await world.h.ok(as('k1'), 'veto.propose', { memberId: world.party.id('b'), key: '2026', condition: 'law', reason: '参与赌博被治安处罚' });
    await world.h.ok(as('s1'), 'claim.decide', { claimId: claim._id, decision: 'approve' });
    expect(await refused(as('b'), 'redeem.request', { rewardId: rewards.soap, quantity: 1 })).toEqual({
      code: 'FORBIDDEN',
      message: '因一票否决（出现违法违纪问题：参与赌博被治安处罚），2026 年度暂停积分兑换，积分照常累计',
    });
    await world.h.ok(as('k1'), 'award.propose', { itemId: 'review.points', occurredOn: '2026-04-15', recipients: [{ memberId: world.party.id('b') }], count: 5, note: '' });
    expect(await shop('b')).toMatchObject({ balance: 45, total: 45 });
  });
});

describe('the quarter’s money (S15, S16)', () => {
  it('exports the redemptions handed over per household and the subsidy to claim per reward', async () => {
    at('2026-04-20T10:00:00+08:00');
    expect(await refused(as('a'), 'shop.export', { quarter: '2026-Q1' })).toMatchObject({ code: 'FORBIDDEN' });
    const result = await world.h.ok(as('manager'), 'shop.export', { quarter: '2026-Q1' });
    // 2 × 大米 at 40, half subsidised: 40 yuan.
    expect(result).toMatchObject({ households: 1, subsidy: 40 });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(world.h.cloud.storage.read(result.fileID)! as unknown as ArrayBuffer);
    const claim = book.getWorksheet('补助申报')!;
    expect(claim.getRow(3).values).toEqual([undefined, '大米 10 斤', '村积分超市', 40, 2, 80, 0.5, 40]);
    expect(book.getWorksheet('分户汇总')!.getRow(3).values).toEqual([undefined, '陈党员', '大米 10 斤 ×2', 2, 80]);
    expect((await world.h.ok(as('manager'), 'shop.export', { quarter: '2026-Q2' })).subsidy).toBe(0);
  });

  it('leaves tallies and balances equal to the ledger', async () => {
    expect((await reconcileIn(world.h.cloud)).drift).toEqual([]);
    expect(tally('a')).toMatchObject({ total: 100, spent: 80 });
    expect(tally('b')).toMatchObject({ total: 45, spent: 0 });
  });
});
