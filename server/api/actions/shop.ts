/**
 * 积分超市 (seeds/004 第三篇 四(五)1②): the first screen (shop.list: the rewards and the caller's
 * balance, one call) and the administrators' rewards (shop.reward.save: add or change a reward, its
 * price in points, stock, keeper and subsidy share). Readings: docs/rules.md S1–S19.
 */
import { z } from 'zod';
import type { Reward } from '../../../typings/api';
import { DomainError } from '../../../domain/errors';
import { shanghaiDate } from '../../../domain/periods';
import { balanceOf, keepsShop, managesShop, shopDaysOf, shopOf, subsidyShareOf } from '../../../domain/shop';
import { defineAction } from '../action';
import type { RequestContext } from '../context';
import { id } from '../validation';
import { activeRewards, allTally, newRewardId, readReward, writeReward } from '../../data/shop';

export const shopList = defineAction('shop.list', {
  schema: z.object({}).strict().optional(),
  access: 'anyone',
  writes: false,
  async handle(ctx) {
    const scheme = await ctx.scheme();
    const shop = shopOf(scheme);
    const member = await ctx.member();
    const account = member && member.status === 'active' ? member : null;
    const [rewards, tally, secretariat] = await Promise.all([activeRewards(), account ? allTally(null, account._id) : Promise.resolve(null), ctx.isSecretariat()]);
    return {
      rewards: rewards.map((r) => ({ rewardId: r._id, name: r.name, cost: r.cost, stock: r.stock, keeper: r.keeper })),
      balance: balanceOf(tally),
      total: tally?.total ?? 0,
      keeper: keepsShop(account, shop),
      manager: managesShop(account, secretariat, scheme.organisation),
      days: shopDaysOf(shanghaiDate(ctx.now), shop),
    };
  },
});

const rewardInput = z
  .object({
    rewardId: id.optional(),
    name: z.string().trim().min(1, '不能为空').max(40, '不能超过 40 字'),
    // 1 point = 1 yuan (004: 每1积分按人民币1元计算): prices in whole yuan (S2).
    cost: z.number().int('须为整数').min(1, '至少 1 分').max(100000, '过大'),
    stock: z.number().int('须为整数').min(0, '不能为负').max(1000000, '过大'),
    keeper: z.string().trim().min(1, '不能为空').max(40, '不能超过 40 字'),
    subsidyShare: z.number().min(0, '不能为负').max(1, '不能超过 1').optional(),
    active: z.boolean().optional(),
  })
  .strict();

export const shopRewardSave = defineAction('shop.reward.save', {
  schema: rewardInput,
  access: 'anyone',
  writes: true,
  async handle(ctx, payload) {
    const scheme = await ctx.scheme();
    const shop = shopOf(scheme);
    await requireManager(ctx);
    const subsidyShare = subsidyShareOf(payload.subsidyShare, shop);
    return ctx.transact(async (tx) => {
      const earlier = payload.rewardId ? await readReward(tx, payload.rewardId) : null;
      const reward: Reward = {
        _id: earlier?._id ?? newRewardId(),
        name: payload.name,
        cost: payload.cost,
        stock: payload.stock,
        keeper: payload.keeper,
        subsidyShare,
        active: payload.active ?? earlier?.active ?? true,
        updatedAt: ctx.now.toISOString(),
      };
      await writeReward(tx, reward);
      return { reward };
    });
  },
});

/** The secretariat, or an active holder of the 'shop' right. */
export async function requireManager(ctx: RequestContext): Promise<void> {
  const scheme = await ctx.scheme();
  const member = await ctx.member();
  if (managesShop(member, await ctx.isSecretariat(), scheme.organisation)) return;
  if (!member) await ctx.requireMember();
  throw new DomainError('FORBIDDEN', '只有积分超市的管理人员或秘书处可以管理兑换商品');
}
