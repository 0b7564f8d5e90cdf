/** What the 积分超市's first screen says of its days (domain/shop.ts shopDaysOf; docs/rules.md S6, S7, S9, S20). */
import { shopDaysOf, type ShopDef } from '../../domain/shop';

const shop: ShopDef = { keeperRole: 'shop_keeper', subsidyShare: 0.5, redemptionDays: { day: 15, months: [3, 6, 9, 12] } };

describe('the shop’s days', () => {
  it('names today when today is a redemption day, else the next one, into the next year', () => {
    expect(shopDaysOf('2026-03-15', shop).next).toBe('2026-03-15');
    expect(shopDaysOf('2026-11-30', shop).next).toBe('2026-12-15');
    expect(shopDaysOf('2026-12-16', shop).next).toBe('2027-03-15');
  });

  it('says how long a reservation waits and how many one takes: the template’s, or 30 days and 10', () => {
    expect(shopDaysOf('2026-11-30', shop)).toEqual({ next: '2026-12-15', reservationDays: 30, maxQuantity: 10 });
    expect(shopDaysOf('2026-11-30', { ...shop, reservationDays: 90, maxQuantity: 3 })).toMatchObject({ reservationDays: 90, maxQuantity: 3 });
  });
});
