/** Small builders for the 积分超市 pages' tests (shop.test.ts, shop-desk.test.ts). */
import type { DataOf, Redemption, RewardView } from '../../../typings/api';

export function aReward(overrides: Partial<RewardView> = {}): RewardView {
  return { rewardId: 'reward-toothpaste', name: '牙膏', cost: 8, stock: 60, keeper: '村口便民超市', ...overrides };
}

export function aListing(overrides: Partial<DataOf<'shop.list'>> = {}): DataOf<'shop.list'> {
  return {
    rewards: [aReward(), aReward({ rewardId: 'reward-oil', name: '食用油（5升）', cost: 60, stock: 20, keeper: '石板村积分超市' })],
    balance: 100,
    total: 236,
    ledger: true,
    keeper: false,
    manager: false,
    days: { next: '2026-12-15', reservationDays: 30, maxQuantity: 10 },
    ...overrides,
  };
}

export function aRedemption(overrides: Partial<Redemption> = {}): Redemption {
  return {
    _id: 'redemption-1',
    code: 'K7MP3Q',
    status: 'reserved',
    memberId: 'household-1',
    memberName: '张建国户',
    branchId: 'group-1',
    rewardId: 'reward-toothpaste',
    rewardName: '牙膏',
    keeper: '村口便民超市',
    quantity: 2,
    cost: 8,
    points: 16,
    subsidyShare: 0.5,
    // As the server names a household's person acting for it (H10).
    reservedBy: { id: 'household-1', name: '李秀英（张建国户）' },
    reservedAt: '2026-11-30T02:00:00.000Z',
    reservedOn: '2026-11-30',
    expiresOn: '2026-12-30',
    ...overrides,
  };
}
