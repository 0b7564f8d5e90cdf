/**
 * The 积分超市's rules (domain/shop.ts, domain/subsidy.ts, spending in domain/posting.ts; docs/rules.md
 * S1–S19), without a database.
 */
import type { Redemption, Reward, Veto } from '../../typings/api';
import { applyEntry, type TallyFigures } from '../../domain/posting';
import { parseScheme } from '../../domain/scheme';
import {
  assertCancellable,
  assertCodeForm,
  assertFulfillable,
  balanceOf,
  expired,
  lastPickupDay,
  newPickupCode,
  nextRedemptionDay,
  normalizeCode,
  reservationCost,
  subsidyShareOf,
  type ShopDef,
} from '../../domain/shop';
import { householdRows, subsidyRows, subsidyTotal } from '../../domain/subsidy';
import { SHOP_SCHEME } from '../support/shop-scheme';
import { domainErrorOf } from './builders';

const shop: ShopDef = { keeperRole: 'shopkeeper', subsidyShare: 0.5, redemptionDays: { day: 15, months: [3, 6, 9, 12] } };
const rice: Reward = { _id: 'r1', name: '大米', cost: 40, stock: 3, keeper: '村积分超市', active: true, updatedAt: '' };
const cost = (quantity: number, balance: number, reward = rice, veto: Veto | null = null) => reservationCost({ reward, quantity, balance, veto }, shop);
const message = (action: () => unknown) => domainErrorOf(action).message;

const redemption = (overrides: Partial<Redemption> = {}): Redemption => ({
  _id: 'x1',
  code: 'ABC234',
  status: 'reserved',
  memberId: 'h1',
  memberName: '张家',
  branchId: null,
  rewardId: 'r1',
  rewardName: '大米',
  keeper: '村积分超市',
  quantity: 2,
  cost: 40,
  points: 80,
  subsidyShare: 0.5,
  reservedBy: { id: 'h1', name: '张家' },
  reservedAt: '2026-03-02T02:00:00.000Z',
  reservedOn: '2026-03-02',
  expiresOn: '2026-04-01',
  ...overrides,
});

describe('reserving (S4, S5, S9, S14)', () => {
  it('costs quantity × points per item, up to the whole balance', () => {
    expect(cost(2, 80)).toBe(80);
  });

  it('refuses a balance short by one point, more than the stock, and more than ten at once', () => {
    expect(message(() => cost(2, 79))).toBe('积分余额不足：兑换需 80 分，可用余额 79 分');
    expect(message(() => cost(4, 1000))).toBe('“大米”库存不足，仅剩 3 件');
    expect(message(() => cost(1, 1000, { ...rice, stock: 0 }))).toBe('“大米”已兑完');
    expect(message(() => cost(11, 1000, { ...rice, stock: 100 }))).toBe('每次最多兑换 10 件');
    expect(message(() => cost(1, 1000, { ...rice, active: false }))).toBe('“大米”已下架');
  });

  it('refuses a household barred by a veto, naming the condition and the reason', () => {
    const veto = { key: '2026', conditionName: '出现违法违纪问题', reason: '参与赌博' } as Veto;
    expect(message(() => cost(1, 1000, rice, veto))).toBe('因一票否决（出现违法违纪问题：参与赌博），2026 年度暂停积分兑换，积分照常累计');
  });
});

describe('pickup codes (S10)', () => {
  it('are six characters none of which reads like another', () => {
    let n = 0;
    const code = newPickupCode((size) => n++ % size);
    expect(code).toBe('ABCDEF');
    expect(newPickupCode((size) => size - 1)).toBe('999999');
    expect(newPickupCode(() => 0)).toMatch(/^[^01OIL]{6}$/);
  });

  it('read the same typed with spaces, dashes or lower case', () => {
    expect(normalizeCode(' ab c-2 34 ')).toBe('ABC234');
    expect(assertCodeForm(normalizeCode('abc 234'))).toBe('ABC234');
    expect(message(() => assertCodeForm('ABC2O4'))).toBe('取货码应为 6 位字母或数字，请核对后重新输入');
    expect(message(() => assertCodeForm('ABC23'))).toBe('取货码应为 6 位字母或数字，请核对后重新输入');
  });
});

describe('expiry (S6)', () => {
  it('keeps a reservation through the 30th day after it was made', () => {
    expect(lastPickupDay('2026-03-02', shop)).toBe('2026-04-01');
    expect(lastPickupDay('2026-12-15', { ...shop, reservationDays: 20 })).toBe('2027-01-04');
  });

  it('keeps a reservation made between redemption days until the first one it meets (S21)', () => {
    expect(lastPickupDay('2026-03-16', shop)).toBe('2026-06-15');
    expect(lastPickupDay('2026-05-20', shop)).toBe('2026-06-19');
    expect(lastPickupDay('2026-12-16', shop)).toBe('2027-03-15');
  });

  it('expires a reservation the day after its last pickup day', () => {
    expect(expired(redemption(), '2026-04-01')).toBe(false);
    expect(expired(redemption(), '2026-04-02')).toBe(true);
    expect(expired(redemption({ status: 'fulfilled' }), '2026-05-01')).toBe(false);
  });
});

describe('handing over and cancelling (S7, S8, S12)', () => {
  it('hands over on a redemption day only, naming the next one', () => {
    expect(() => assertFulfillable(redemption(), '2026-03-15', shop)).not.toThrow();
    expect(message(() => assertFulfillable(redemption(), '2026-03-16', shop))).toBe('今天不是兑换日，不能领取；下一个兑换日是 2026-06-15');
    expect(nextRedemptionDay('2026-12-16', shop)).toBe('2027-03-15');
  });

  it('refuses a reservation handed over, cancelled, or past its last day', () => {
    expect(message(() => assertCancellable(redemption({ status: 'fulfilled', fulfilledOn: '2026-03-15' }), '2026-03-16'))).toBe('该兑换已于 2026-03-15 领取，不能再领取或取消');
    expect(message(() => assertCancellable(redemption({ status: 'cancelled' }), '2026-03-16'))).toBe('该兑换已取消，积分已退回');
    expect(domainErrorOf(() => assertFulfillable(redemption({ expiresOn: '2026-03-14' }), '2026-03-15', shop)).code).toBe('CONFLICT');
  });
});

describe('the balance (S1)', () => {
  const rules = { calendar: SHOP_SCHEME.calendar };
  it('moves with spending and returns on the all-time tally only, never the total', () => {
    const before = new Map<string, TallyFigures | null>([['all', { total: 100 }]]);
    const spent = applyEntry({ points: -80, occurredOn: '2026-03-02', spend: true }, before, rules);
    expect([...spent]).toEqual([['all', { total: 100, spent: 80 }]]);
    expect(balanceOf(spent.get('all')!)).toBe(20);
    const back = applyEntry({ points: 80, occurredOn: '2026-04-02', spend: true }, spent, rules);
    expect(balanceOf(back.get('all')!)).toBe(100);
    expect(balanceOf(null)).toBe(0);
  });

  it('falls with a later reversal of points already spent (S5)', () => {
    const after = applyEntry({ points: -50, occurredOn: '2026-03-05' }, new Map([['all', { total: 100, spent: 80 }]]), rules);
    expect(balanceOf(after.get('all')!)).toBe(-30);
  });
});

describe('the subsidy (S13, S15, S16)', () => {
  it('is each reward’s quantity × unit price × share, at most half the price', () => {
    const oil = { rewardId: 'r2', rewardName: '食用油', cost: 59, subsidyShare: 0.3, keeper: '惠民超市' };
    const rows = subsidyRows([redemption(), redemption({ memberId: 'h2', memberName: '李家', quantity: 1, points: 40 }), redemption({ ...oil, quantity: 3, points: 177 })]);
    expect(rows).toEqual([
      { rewardId: 'r1', name: '大米', keeper: '村积分超市', cost: 40, subsidyShare: 0.5, quantity: 3, value: 120, subsidy: 60 },
      { rewardId: 'r2', name: '食用油', keeper: '惠民超市', cost: 59, subsidyShare: 0.3, quantity: 3, value: 177, subsidy: 53.1 },
    ]);
    expect(subsidyTotal(rows)).toBe(113.1);
    expect(subsidyShareOf(undefined, shop)).toBe(0.5);
    expect(message(() => subsidyShareOf(0.51, shop))).toBe('财政补助比例应在 0 到 50% 之间');
  });

  it('lists each household’s items and points', () => {
    expect(householdRows([redemption(), redemption({ rewardName: '香皂', quantity: 1, points: 5 })])).toEqual([
      { memberId: 'h1', name: '张家', branchId: null, items: '大米 ×2、香皂 ×1', quantity: 3, points: 85 },
    ]);
  });
});

describe('the shop’s settings in a template (scheme-schema.ts)', () => {
  const withShop = (patch: Partial<ShopDef>) => ({ ...SHOP_SCHEME, shop: { ...SHOP_SCHEME.shop!, ...patch } });
  it('validate as written', () => {
    expect(parseScheme(SHOP_SCHEME).shop).toEqual(SHOP_SCHEME.shop);
  });

  it('refuse a subsidy over half the price, a quarter without a redemption day, and a keeper not named for a shop', () => {
    expect(message(() => parseScheme(withShop({ subsidyShare: 0.6 })))).toContain('财政补助不能超过商品单价的 50%');
    expect(message(() => parseScheme(withShop({ redemptionDays: { day: 15, months: [3, 6, 9] } })))).toContain('每季度至少要有一个兑换日');
    expect(message(() => parseScheme(withShop({ keeperRole: 'scorekeeper' })))).toContain('积分超市的店员职务“记分员”的名称应含“店”或“超市”');
    expect(message(() => parseScheme(withShop({ keeperRole: 'nobody' })))).toContain('积分超市的店员职务 nobody 不存在');
  });
});
