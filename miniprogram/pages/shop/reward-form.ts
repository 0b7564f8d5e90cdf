/**
 * The form of a reward the shop's managers add or change (shop.reward.save; seeds/004 第三篇 四(五)1②:
 * 每1积分按人民币1元计算, docs/rules.md S2): name, price in whole points, stock as counted on the shelf,
 * and who keeps it. Pure: the editor and the tests read it.
 */
import type { RewardInput, RewardView } from '../../../typings/api';

export interface RewardForm {
  name: string;
  cost: string;
  stock: string;
  keeper: string;
}

export function rewardFormOf(reward: RewardView | null, keeper: string): RewardForm {
  if (!reward) return { name: '', cost: '', stock: '', keeper };
  return { name: reward.name, cost: String(reward.cost), stock: String(reward.stock), keeper: reward.keeper };
}

const WHOLE = /^\d+$/;

/** The input to save, or the first problem in words naming the field. */
export function rewardInputOf(form: RewardForm, rewardId: string | null): { input: RewardInput } | { error: string } {
  const name = form.name.trim();
  const keeper = form.keeper.trim();
  if (!name) return { error: '请填写商品名称' };
  if (!WHOLE.test(form.cost.trim()) || Number(form.cost) < 1) return { error: '所需积分应为不小于 1 的整数（1 积分 = 1 元）' };
  if (!WHOLE.test(form.stock.trim())) return { error: '库存应为不小于 0 的整数' };
  if (!keeper) return { error: '请填写兑换点（如本村积分超市或合作商店）' };
  return { input: { ...(rewardId ? { rewardId } : {}), name, cost: Number(form.cost), stock: Number(form.stock), keeper } };
}
