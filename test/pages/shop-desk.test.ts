import { eventsOf, fail, ok, stubApi } from './support/cloud';
import { restoreClock, setNow } from './support/clock';
import { exists, settle, textOf, typeInto } from './support/load';
import { openPageAt, press } from './support/page';
import { aRedemption } from './support/shop';
import { restoreWx, stubWx } from './support/wx';

const PAGE = 'pages/shop-desk/index';

const requests = (callFunction: jest.Mock, action: string) => eventsOf(callFunction).filter((e) => e.action === action);

beforeEach(() => {
  setNow('2026-12-15T02:00:00Z');
  stubWx('showToast');
});

afterEach(() => {
  restoreWx();
  restoreClock();
});

async function openDesk(stubs: Parameters<typeof stubApi>[0]) {
  const callFunction = stubApi(stubs);
  const page = openPageAt(PAGE);
  await settle();
  return { page, callFunction };
}

async function lookUp(page: Awaited<ReturnType<typeof openDesk>>['page'], typed: string) {
  await typeInto(page, '.code-input', typed);
  await press(page.querySelector('.lookup'));
}

describe('核销取货码, the shop keeper’s desk (seeds/004 第三篇 四(五)1②)', () => {
  it('looks a typed code up, shows what it holds, hands it over and is ready for the next code', async () => {
    const { page, callFunction } = await openDesk({
      'redeem.lookup': ok({ redemption: aRedemption() }),
      'redeem.fulfil': ok({ redemption: aRedemption({ status: 'fulfilled', fulfilledOn: '2026-12-15' }) }),
    });

    await lookUp(page, 'k7m-p3q ');
    expect(requests(callFunction, 'redeem.lookup').map((e) => e.payload)).toEqual([{ code: 'K7MP3Q' }]);
    expect(textOf(page, '.found__code')).toBe('K7MP3Q');
    expect(textOf(page, '.found__household')).toBe('张建国户');
    expect(textOf(page, '.found__by')).toBe('李秀英');
    expect(textOf(page, '.found__reward')).toBe('牙膏 × 2');
    expect(textOf(page, '.found__points')).toBe('16 积分（每件 8 积分）');
    expect(textOf(page, '.found__expires')).toBe('2026年12月30日');
    expect(textOf(page, '.found__status')).toBe('待取货');

    await press(page.querySelector('.fulfil'));
    const [fulfil] = requests(callFunction, 'redeem.fulfil');
    expect(fulfil.payload).toEqual({ code: 'K7MP3Q' });
    expect(fulfil.requestId).toEqual(expect.any(String));
    expect(textOf(page, '.done__text')).toBe('已发放 牙膏 × 2 给 张建国户（李秀英）');
    expect(exists(page, '.found')).toBe(false);

    await press(page.querySelector('.next'));
    expect(exists(page, '.done')).toBe(false);
    expect((page.instance.data as { code: string }).code).toBe('');
  });

  it.each([
    ['not a redemption day', 'OUT_OF_WINDOW', '今天不是兑换日，不能领取；下一个兑换日是 2027-03-15'],
    ['already handed over', 'CONFLICT', '该兑换已于 2026-12-15 领取，不能再领取或取消'],
    ['past its last day', 'CONFLICT', '该兑换已过领取期限（2026-12-10），积分和库存已退回'],
  ] as const)('refuses to hand over (%s) in the server’s words, and keeps the reservation on the desk', async (_, code, message) => {
    const { page } = await openDesk({ 'redeem.lookup': ok({ redemption: aRedemption() }), 'redeem.fulfil': fail(code, message) });
    await lookUp(page, 'K7MP3Q');
    await press(page.querySelector('.fulfil'));
    expect(textOf(page, '.message__text')).toBe(message);
    expect(exists(page, '.done')).toBe(false);
    expect(textOf(page, '.found__code')).toBe('K7MP3Q');
  });

  it('says an unknown code, or a caller who is not the keeper, in the server’s words', async () => {
    const { page } = await openDesk({ 'redeem.lookup': fail('NOT_FOUND', '取货码 ABCDEF 没有待领取的兑换') });
    await lookUp(page, 'abcdef');
    expect(textOf(page, '.message__text')).toBe('取货码 ABCDEF 没有待领取的兑换');
    expect(exists(page, '.found')).toBe(false);

    const { page: other } = await openDesk({ 'redeem.lookup': fail('FORBIDDEN', '只有超市管理员可以核对取货码和发放兑换商品') });
    await lookUp(other, 'abcdef');
    expect(textOf(other, '.message__text')).toBe('只有超市管理员可以核对取货码和发放兑换商品');
  });

  it('asks for six characters before asking the server', async () => {
    const { page, callFunction } = await openDesk({});
    await lookUp(page, 'K7M');
    expect(textOf(page, '.message__text')).toBe('请输入 6 位取货码');
    expect(eventsOf(callFunction)).toEqual([]);
  });

  it('names the household once where the reservation names no person of it', async () => {
    const { page } = await openDesk({ 'redeem.lookup': ok({ redemption: aRedemption({ reservedBy: { id: 'household-1', name: '张建国户' } }) }) });
    await lookUp(page, 'K7MP3Q');
    expect(textOf(page, '.found__household')).toBe('张建国户');
    expect(exists(page, '.found__by')).toBe(false);
  });

  it('shows a reservation past its last day without 确认发放', async () => {
    const { page } = await openDesk({ 'redeem.lookup': ok({ redemption: aRedemption({ expiresOn: '2026-12-10' }) }) });
    await lookUp(page, 'K7MP3Q');
    expect(textOf(page, '.found__status')).toBe('已过领取期限');
    expect(exists(page, '.fulfil')).toBe(false);
  });

  it('looks up a scanned code', async () => {
    stubWx('scanCode', (options: { success: (r: { result: string }) => void }) => options.success({ result: 'K7MP3Q' }));
    const { page, callFunction } = await openDesk({ 'redeem.lookup': ok({ redemption: aRedemption() }) });
    await press(page.querySelector('.scan'));
    expect(requests(callFunction, 'redeem.lookup').map((e) => e.payload)).toEqual([{ code: 'K7MP3Q' }]);
    expect(textOf(page, '.found__household')).toBe('张建国户');
  });

  it('sends the keeper to typing where scanning fails or the device cannot scan, and says nothing when they cancel', async () => {
    let answer = { errMsg: 'scanCode:fail camera unavailable' };
    stubWx('scanCode', (options: { fail: (e: { errMsg: string }) => void }) => options.fail(answer));
    const { page } = await openDesk({});
    await press(page.querySelector('.scan'));
    expect(textOf(page, '.message__text')).toBe('扫码失败，请直接输入取货码');

    answer = { errMsg: 'scanCode:fail cancel' };
    await typeInto(page, '.code-input', '');
    await press(page.querySelector('.scan'));
    expect(exists(page, '.message')).toBe(false);

    // The browser preview has no camera: wx.scanCode may be missing altogether.
    stubWx('scanCode');
    (globalThis as unknown as { wx: Record<string, unknown> }).wx.scanCode = undefined;
    await press(page.querySelector('.scan'));
    expect(textOf(page, '.message__text')).toBe('此设备不能扫码，请直接输入取货码');
  });
});
