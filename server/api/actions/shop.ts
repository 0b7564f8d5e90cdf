/**
 * 积分超市 (seeds/004 第三篇 四(五)1②): the first screen (shop.list: the rewards and the caller's
 * balance, one call) and the administrators' rewards (shop.reward.save: add or change a reward, its
 * price in points, stock, keeper and subsidy share). Readings: docs/rules.md S1–S23.
 */
import { z } from 'zod';
import type { Reward } from '../../../typings/api';
import { DomainError } from '../../../domain/errors';
import { shanghaiDate } from '../../../domain/periods';
import { hasLedger } from '../../../domain/ledgers';
import { balanceOf, keepsShop, managesShop, shopDaysOf, shopOf, subsidyShareOf } from '../../../domain/shop';
import { defineAction } from '../action';
import type { RequestContext } from '../context';
import { id } from '../validation';
import { activeRewards, allTally, newRewardId, readReward, writeReward } from '../../data/shop';
import { setStock, stocksOf } from '../../data/shop-stock';

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
    // Each reward's stock is its shards added up (S22).
    const stocks = await stocksOf(rewards);
    const manager = managesShop(account, secretariat, scheme.organisation);
    // The 财政补助 share is the managers' business (S13, S23): each reward's own, and the template's for a new one.
    const share = (r: Pick<Reward, 'subsidyShare'>) => (manager ? { subsidyShare: r.subsidyShare ?? shop.subsidyShare } : {});
    return {
      rewards: rewards.map((r) => ({ rewardId: r._id, name: r.name, cost: r.cost, stock: stocks.get(r._id) ?? 0, keeper: r.keeper, ...share(r) })),
      balance: balanceOf(tally),
      total: tally?.total ?? 0,
      // The shop's officials (a 村干部 managing it, its keeper) may hold no ledger of their own (H24).
      ledger: account !== null && hasLedger(account),
      keeper: keepsShop(account, shop),
      manager,
      days: shopDaysOf(shanghaiDate(ctx.now), shop),
      ...(manager ? { subsidyShare: shop.subsidyShare } : {}),
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
    // Bounded by the template's share, with its message (subsidyShareOf: 财政补助比例应在 0 到 50% 之间).
    subsidyShare: z.number().finite().optional(),
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
    // An edit that does not name the share keeps the reward's own (S13): the page sends it only when changed (S23).
    const asked = payload.subsidyShare === undefined ? undefined : subsidyShareOf(payload.subsidyShare, shop);
    return ctx.transact(async (tx) => {
      const earlier = payload.rewardId ? await readReward(tx, payload.rewardId) : null;
      const subsidyShare = asked ?? earlier?.subsidyShare ?? shop.subsidyShare;
      const rewardId = earlier?._id ?? newRewardId();
      // The stock as counted on the shelf, spread again over the shards in this transaction (S22).
      const shards = await setStock(tx, rewardId, payload.stock, earlier);
      const { stock, ...stored }: Reward = {
        _id: rewardId,
        name: payload.name,
        cost: payload.cost,
        stock: payload.stock,
        keeper: payload.keeper,
        subsidyShare,
        active: payload.active ?? earlier?.active ?? true,
        updatedAt: ctx.now.toISOString(),
      };
      await writeReward(tx, { ...stored, shards });
      return { reward: { ...stored, stock } };
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
