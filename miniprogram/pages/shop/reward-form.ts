/**
 * The form of a reward the shop's managers add or change (shop.reward.save; seeds/004 第三篇 四(五)1②:
 * 每1积分按人民币1元计算, docs/rules.md S2): name, price in whole points, stock as counted on the shelf,
 * who keeps it, and the 财政补助 as a percentage of the unit price (004 第三篇 五: 原则上按照商品单价的
 * 50%; S13, S23). Pure: the editor and the tests read it.
 */
import type { RewardInput, RewardView } from '../../../typings/api';

export interface RewardForm {
  name: string;
  cost: string;
  stock: string;
  keeper: string;
  /** The 财政补助 in percent, as typed ('50'). */
  share: string;
  /** The percent the form opened with: an edit that leaves it sends no share, keeping the reward's own (S13). */
  shareWas: string;
}

/** A share as a clerk says it: 0.5 → '50', 0.375 → '37.5'. */
export function percentOf(share: number): string {
  return String(Math.round(share * 10000) / 100);
}

/** `templateShare`: the template's share, a new reward's and the most any reward may have (S13). */
export function rewardFormOf(reward: RewardView | null, keeper: string, templateShare: number): RewardForm {
  const share = percentOf(reward?.subsidyShare ?? templateShare);
  if (!reward) return { name: '', cost: '', stock: '', keeper, share, shareWas: share };
  return { name: reward.name, cost: String(reward.cost), stock: String(reward.stock), keeper: reward.keeper, share, shareWas: share };
}

const WHOLE = /^\d+$/;
/** A percentage with at most two decimals (37.5, 33.33). */
const PERCENT = /^\d{1,3}(\.\d{1,2})?$/;

/** The input to save, or the first problem in words naming the field. `templateShare` caps the share. */
export function rewardInputOf(form: RewardForm, rewardId: string | null, templateShare: number): { input: RewardInput } | { error: string } {
  const name = form.name.trim();
  const keeper = form.keeper.trim();
  const share = form.share.trim();
  if (!name) return { error: '请填写商品名称' };
  if (!WHOLE.test(form.cost.trim()) || Number(form.cost) < 1) return { error: '所需积分应为不小于 1 的整数（1 积分 = 1 元）' };
  if (!WHOLE.test(form.stock.trim())) return { error: '库存应为不小于 0 的整数' };
  if (!keeper) return { error: '请填写兑换点（如本村积分超市或合作商店）' };
  // The server's own words (subsidyShareOf), so the page and the api say the same.
  if (!PERCENT.test(share) || Number(share) > templateShare * 100) return { error: `财政补助比例应在 0 到 ${percentOf(templateShare)}% 之间` };
  const changed = Number(share) !== Number(form.shareWas) ? { subsidyShare: Math.round(Number(share) * 100) / 10000 } : {};
  return { input: { ...(rewardId ? { rewardId } : {}), name, cost: Number(form.cost), stock: Number(form.stock), keeper, ...changed } };
}
