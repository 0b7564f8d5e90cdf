import type { DataOf } from '../../typings/api';
import { aHome, noCapabilities } from './support/builders';
import { eventsOf, fail, ok, stubApi } from './support/cloud';
import { restoreClock, setNow } from './support/clock';
import { emit, exists, settle, textOf, textsOf } from './support/load';
import { openPageAt, press } from './support/page';
import { aListing, aRedemption, aReward } from './support/shop';
import { answerModal, argsOf, restoreWx, stubWx } from './support/wx';
import { quickLinksOf } from '../../miniprogram/pages/mine/home-view';
import { pickupNoteOf } from '../../miniprogram/pages/shop/shop-view';

const PAGE = 'pages/shop/index';

const requests = (callFunction: jest.Mock, action: string) => eventsOf(callFunction).filter((e) => e.action === action);

let navigate: jest.Mock;

beforeEach(() => {
  setNow('2026-11-30T04:00:00Z');
  stubWx('stopPullDownRefresh');
  stubWx('showToast');
  navigate = stubWx('navigateTo');
});

afterEach(() => {
  restoreWx();
  restoreClock();
});

async function openShop(stubs: Parameters<typeof stubApi>[0]) {
  const callFunction = stubApi({ 'shop.list': ok(aListing()), ...stubs });
  const page = openPageAt(PAGE);
  await settle();
  return { page, callFunction };
}

describe('积分超市 (seeds/004 第三篇 四(五)1②)', () => {
  it('shows the household’s balance and cumulative total in plain words, the next redemption day and the rewards, in one call', async () => {
    const { page, callFunction } = await openShop({ 'shop.list': ok(aListing({ rewards: [aReward(), aReward({ rewardId: 'r-rice', name: '大米（10斤）', cost: 30, stock: 0 })] })) });

    expect(eventsOf(callFunction).map((e) => e.action)).toEqual(['shop.list']);
    expect(textOf(page, '.balance__value')).toBe('100');
    expect(textOf(page, '.total__value')).toBe('236');
    expect(textsOf(page, '.figure__label')).toEqual(['可用积分', '累计积分']);
    expect(textOf(page, '.explain')).toContain('累计积分是挣得的积分总数，兑换不会减少');
    expect(textOf(page, '.days')).toBe('下一个兑换日：12月15日，凭取货码到店领取。预约后 30 天内未领取的，积分和库存自动退回。');
    expect(textsOf(page, '.reward__name')).toEqual(['牙膏', '大米（10斤）']);
    expect(textsOf(page, '.reward__cost')).toEqual(['8 积分', '30 积分']);
    expect(textsOf(page, '.reward__keeper')).toEqual(['村口便民超市 · 库存 60 件', '村口便民超市 · 已兑完']);
    expect(textsOf(page, '.reward__blocked')).toEqual(['已兑完']);
    expect(exists(page, '.desk-button')).toBe(false);
  });

  it('shows the keeper, an official with no ledger of their own (H24), no figures, no 兑换 and no 我的兑换, but what they do here', async () => {
    const { page } = await openShop({ 'shop.list': ok(aListing({ ledger: false, balance: 0, total: 0, keeper: true })) });

    expect(exists(page, '.figures')).toBe(false);
    expect(textOf(page, '.explain')).toBe('您没有本人的积分台账，不能兑换商品；您负责在兑换日凭取货码发放商品。');
    expect(exists(page, '.tabs')).toBe(false);
    expect(textsOf(page, '.reward__name')).toEqual(['牙膏', '食用油（5升）']);
    expect(exists(page, '.reward__reserve')).toBe(false);
    expect(exists(page, '.reward__blocked')).toBe(false);
    expect(exists(page, '.desk-button')).toBe(true);
  });

  it('says so on a redemption day, and marks a reward the balance cannot pay for', async () => {
    const { page } = await openShop({ 'shop.list': ok(aListing({ balance: 7, days: { next: '2026-11-30', reservationDays: 30, maxQuantity: 10 } })) });
    expect(textOf(page, '.days')).toContain('今天是兑换日，可凭取货码到店领取');
    expect(textsOf(page, '.reward__blocked')).toEqual(['积分不足', '积分不足']);
  });

  it('reserves two with the stepper and the confirmation, and shows the pickup code big with the last day', async () => {
    const { page, callFunction } = await openShop({ 'redeem.request': ({ quantity }) => ok({ redemption: aRedemption({ quantity, points: 8 * quantity }) }) });

    await press(page.querySelector('.reward__reserve'));
    expect(textOf(page, '.reserve__cost')).toBe('共 8 积分，兑换后可用 92 积分');
    expect(textOf(page, '.reserve__note')).toBe('请在兑换日 12月15日 领取，预约保留到 12月30日，过期未领取积分自动退回。');
    await emit(page, '.reserve__stepper', 'change', { value: 2 });
    expect(textOf(page, '.reserve__cost')).toBe('共 16 积分，兑换后可用 84 积分');
    await emit(page, '.reserve-dialog', 'confirm');

    const [request] = requests(callFunction, 'redeem.request');
    expect(request.payload).toEqual({ rewardId: 'reward-toothpaste', quantity: 2 });
    expect(request.requestId).toEqual(expect.any(String));
    expect(textOf(page, '.reserved__code')).toBe('K7MP3Q');
    expect(textOf(page, '.reserved__title')).toBe('牙膏 × 2，已扣 16 积分');
    expect(textOf(page, '.reserved__where')).toBe('请在兑换日（下一个是 12月15日）凭取货码到村口便民超市领取，最晚 12月30日。');
    // The balance and stock reload after the reservation.
    expect(requests(callFunction, 'shop.list')).toHaveLength(2);
  });

  it('lets the stepper go no higher than the stock, the balance and ten at once', async () => {
    const { page } = await openShop({ 'shop.list': ok(aListing({ balance: 100, rewards: [aReward({ stock: 3 }), aReward({ rewardId: 'r-soap', name: '香皂', cost: 5, stock: 99 })] })) });
    await press(page.querySelectorAll('.reward__reserve')[0]);
    expect((page.instance.data as { reserve: { max: number } }).reserve.max).toBe(3);
    await emit(page, '.reserve__stepper', 'change', { value: 4 });
    expect(textOf(page, '.reserve__error')).toBe('兑换数量应为 1–3 件');
    await emit(page, '.reserve-dialog', 'cancel');
    await press(page.querySelectorAll('.reward__reserve')[1]);
    expect((page.instance.data as { reserve: { max: number } }).reserve.max).toBe(10);
  });

  it('tells a household reserving between redemption days that its reservation waits for the next one (S21)', () => {
    expect(pickupNoteOf({ next: '2027-03-15', reservationDays: 30, maxQuantity: 10 }, '2026-12-16', new Date('2026-12-16T04:00:00Z'))).toBe(
      '请在兑换日 2027年3月15日 领取，过期未领取积分自动退回。',
    );
  });

  it.each([
    ['sold out', fail('CONFLICT', '“牙膏”已兑完')],
    ['short of points', fail('INVALID_INPUT', '积分余额不足：兑换需 16 分，可用余额 10 分')],
    ['barred by a 一票否决', fail('FORBIDDEN', '因一票否决（违法生育：超生），2026 年度暂停积分兑换，积分照常累计')],
  ])('shows the server’s refusal (%s) in the dialog as it comes, and shows no code', async (_, refusal) => {
    const { page } = await openShop({ 'redeem.request': refusal });
    await press(page.querySelector('.reward__reserve'));
    await emit(page, '.reserve-dialog', 'confirm');
    expect(textOf(page, '.reserve__error')).toBe((refusal as { error: { message: string } }).error.message);
    expect((page.instance.data as { reserve: { visible: boolean } }).reserve.visible).toBe(true);
    expect(exists(page, '.reserved__code') && textOf(page, '.reserved__code')).toBeFalsy();
  });

  it('says so plainly on a template without a 积分超市, and offers 重试 when the network fails', async () => {
    const { page } = await openShop({ 'shop.list': fail('INVALID_INPUT', '本方案没有积分超市') });
    expect(textOf(page, '.state')).toContain('本方案没有积分超市');
    expect(exists(page, ['.state', '.state-view--empty'])).toBe(true);

    const { page: offline } = await openShop({ 'shop.list': fail('INTERNAL', '网络异常，请稍后重试') });
    expect(exists(offline, ['.state', '.state-view--error'])).toBe(true);
  });

  it('offers the shop keeper the 核销取货码 desk', async () => {
    const { page } = await openShop({ 'shop.list': ok(aListing({ keeper: true })) });
    await press(page.querySelector('.desk-button'));
    expect(argsOf<{ url: string }>(navigate)).toEqual([{ url: '/pages/shop-desk/index' }]);
  });

  it('is a tile of 我的 for those me.get allows', () => {
    const can = { ...noCapabilities(), shop: true };
    expect(quickLinksOf(aHome({ can })).map((link) => link.title)).toContain('积分超市');
    expect(quickLinksOf(aHome({ can: noCapabilities() })).map((link) => link.title)).not.toContain('积分超市');
  });
});

describe('我的兑换', () => {
  const page1: DataOf<'redeem.mine'> = {
    redemptions: [
      aRedemption(),
      aRedemption({ _id: 'r-2', rewardName: '大米（10斤）', quantity: 1, points: 30, status: 'fulfilled', fulfilledOn: '2026-09-15' }),
      aRedemption({ _id: 'r-3', rewardName: '毛巾', quantity: 1, points: 10, status: 'cancelled' }),
    ],
    cursor: 'c-1',
  };
  const page2: DataOf<'redeem.mine'> = { redemptions: [aRedemption({ _id: 'r-4', rewardName: '洗洁精', quantity: 1, points: 10, status: 'expired', expiresOn: '2026-07-01' })], cursor: null };

  it('lists each reservation’s status in words when its tab opens, with the code of one to collect, and pages on', async () => {
    const { page, callFunction } = await openShop({ 'redeem.mine': (payload) => ok(payload?.cursor === 'c-1' ? page2 : page1) });
    await emit(page, '.tabs', 'change', { value: 'mine' });

    expect(textsOf(page, '.redemption__title')).toEqual(['牙膏 × 2', '大米（10斤） × 1', '毛巾 × 1']);
    expect(textsOf(page, '.redemption__status')).toEqual(['待取货 · 请在 12月30日 前领取', '已领取 · 9月15日', '已取消 · 10 积分已退回']);
    expect(textsOf(page, '.redemption__code')).toEqual(['K7MP3Q']);

    await press(page.querySelector('.more'));
    expect(requests(callFunction, 'redeem.mine').map((e) => e.payload)).toEqual([{}, { cursor: 'c-1' }]);
    expect(textsOf(page, '.redemption__status')[3]).toBe('已过期未领取 · 10 积分已退回');
    expect(exists(page, '.more')).toBe(false);
  });

  it('says of one whose last day comes before the next redemption day that its points will come back (S21)', async () => {
    const { page } = await openShop({ 'redeem.mine': ok({ redemptions: [aRedemption({ expiresOn: '2026-12-10' })], cursor: null }) });
    await emit(page, '.tabs', 'change', { value: 'mine' });
    expect(textsOf(page, '.redemption__status')).toEqual(['待取货 · 12月10日 前领取；下一个兑换日在此之后，到期积分自动退回']);
    expect(exists(page, '.redemption__cancel')).toBe(true);
  });

  it('cancels one still to collect after a confirmation: the points come back', async () => {
    const modal = answerModal(true);
    const { page, callFunction } = await openShop({
      'redeem.mine': ok({ redemptions: [aRedemption()], cursor: null }),
      'redeem.cancel': ok({ redemption: aRedemption({ status: 'cancelled' }) }),
    });
    await emit(page, '.tabs', 'change', { value: 'mine' });
    await press(page.querySelector('.redemption__cancel'));

    expect(argsOf<{ content: string }>(modal)[0].content).toBe('取消“牙膏 × 2”？16 积分将退回，取货码作废。');
    expect(requests(callFunction, 'redeem.cancel').map((e) => e.payload)).toEqual([{ redemptionId: 'redemption-1' }]);
    expect(textsOf(page, '.redemption__status')).toEqual(['已取消 · 16 积分已退回']);
    expect(exists(page, '.redemption__cancel')).toBe(false);
    expect(requests(callFunction, 'shop.list')).toHaveLength(2);
  });

  it('cancels nothing when the confirmation is declined, and shows a refusal as it comes', async () => {
    answerModal(false);
    const { page, callFunction } = await openShop({ 'redeem.mine': ok({ redemptions: [aRedemption()], cursor: null }), 'redeem.cancel': fail('CONFLICT', '该兑换已于 2026-12-15 领取，不能再领取或取消') });
    await emit(page, '.tabs', 'change', { value: 'mine' });
    await press(page.querySelector('.redemption__cancel'));
    expect(requests(callFunction, 'redeem.cancel')).toEqual([]);

    restoreWx();
    const modal = answerModal(true);
    await press(page.querySelector('.redemption__cancel'));
    expect(argsOf<{ title: string; content: string }>(modal)[1]).toMatchObject({ title: '未能取消', content: '该兑换已于 2026-12-15 领取，不能再领取或取消' });
  });
});
