/**
 * The money side of the 积分超市 (seeds/004 第三篇 五 经费保障: 财政衔接推进乡村振兴补助资金主要用于积分
 * 兑换商品的商品补助，补助标准原则上按照商品单价的50%): a quarter's redemptions handed over, per
 * household, and the subsidy to claim per reward (quantity × unit price × share). Readings: S15–S16.
 * Pure: the export loads the quarter's redemptions and writes the sheet.
 */
import type { Redemption } from '../typings/api';

export interface HouseholdTotals {
  memberId: string;
  name: string;
  branchId: string | null;
  /** 大米 ×2、食用油 ×1. */
  items: string;
  quantity: number;
  points: number;
}

export interface SubsidyRow {
  rewardId: string;
  name: string;
  keeper: string;
  /** Unit price in yuan (1 point = 1 yuan) and share as reserved; one row per price and share where they changed. */
  cost: number;
  subsidyShare: number;
  quantity: number;
  /** quantity × cost: the goods' value in yuan. */
  value: number;
  subsidy: number;
}

const cents = (n: number): number => Math.round(n * 100) / 100;

/** Each household that collected something in the quarter, by name. */
export function householdRows(redemptions: readonly Redemption[]): HouseholdTotals[] {
  const rows = new Map<string, HouseholdTotals & { counts: Map<string, number> }>();
  for (const r of redemptions) {
    const row = rows.get(r.memberId) ?? { memberId: r.memberId, name: r.memberName, branchId: r.branchId, items: '', quantity: 0, points: 0, counts: new Map<string, number>() };
    row.counts.set(r.rewardName, (row.counts.get(r.rewardName) ?? 0) + r.quantity);
    row.quantity += r.quantity;
    row.points = cents(row.points + r.points);
    rows.set(r.memberId, row);
  }
  return [...rows.values()]
    .map(({ counts, ...row }) => ({ ...row, items: [...counts].map(([name, n]) => `${name} ×${n}`).join('、') }))
    .sort((a, b) => a.name.localeCompare(b.name, 'zh') || a.memberId.localeCompare(b.memberId));
}

/** The subsidy per reward (and price and share as reserved), by reward name. */
export function subsidyRows(redemptions: readonly Redemption[]): SubsidyRow[] {
  const rows = new Map<string, SubsidyRow>();
  for (const r of redemptions) {
    const key = `${r.rewardId}|${r.cost}|${r.subsidyShare}`;
    const row = rows.get(key) ?? { rewardId: r.rewardId, name: r.rewardName, keeper: r.keeper, cost: r.cost, subsidyShare: r.subsidyShare, quantity: 0, value: 0, subsidy: 0 };
    row.quantity += r.quantity;
    row.value = cents(row.quantity * row.cost);
    row.subsidy = cents(row.value * row.subsidyShare);
    rows.set(key, row);
  }
  return [...rows.values()].sort((a, b) => a.name.localeCompare(b.name, 'zh') || a.cost - b.cost);
}

export const subsidyTotal = (rows: readonly SubsidyRow[]): number => cents(rows.reduce((sum, r) => sum + r.subsidy, 0));
