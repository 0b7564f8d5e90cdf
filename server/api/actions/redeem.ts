/**
 * Redemption in the 积分超市 (seeds/004 第三篇 四(五)1②; 001 篇十七 14): reserve a reward at any time
 * (redeem.request: one transaction checks the balance and the stock together, spends the points, takes
 * the stock from the reward's shards and a pickup code), the keeper hands it over on a redemption day
 * (redeem.fulfil, after redeem.lookup shows what the code holds), the household cancels what it has not collected
 * (redeem.cancel: points and stock return), and lists its reservations (redeem.mine). Readings:
 * docs/rules.md S1–S22.
 */
import { z } from 'zod';
import type { Redemption, Veto } from '../../../typings/api';
import { DomainError } from '../../../domain/errors';
import { shanghaiDate } from '../../../domain/periods';
import { assertCancellable, assertCodeForm, assertFulfillable, balanceOf, keepsShop, lastPickupDay, managesShop, normalizeCode, reservationCost, shopOf } from '../../../domain/shop';
import { vetoId, vetoKeyOn } from '../../../domain/vetoes';
import { defineAction } from '../action';
import type { RequestContext } from '../context';
import { cursor, id } from '../validation';
import { getOrNull } from '../../cloud';
import { COLLECTIONS } from '../../data/collections';
import { allTally, closeRedemption, newRedemptionId, openByCode, openCodeIn, postSpend, readRedemption, readReward, redemptionsOf, takeCode, writeRedemption } from '../../data/shop';
import { drawStock, takeStock } from '../../data/shop-stock';

const code = z.string().max(40, '过长').transform(normalizeCode);

export const redeemRequest = defineAction('redeem.request', {
  schema: z.object({ rewardId: id, quantity: z.number().int('须为整数').min(1, '至少 1 件').max(100, '过多') }).strict(),
  access: 'anyone',
  writes: true,
  async handle(ctx, payload) {
    const scheme = await ctx.scheme();
    const shop = shopOf(scheme);
    const member = await ctx.requireMember();
    // Who of the household reserved: 陈桂兰（刘长春户）, for the keeper and the household's others (H10).
    const actor = await ctx.actor();
    const today = shanghaiDate(ctx.now);
    return ctx.transact(async (tx) => {
      const veto = await getOrNull<Veto>(tx.collection(COLLECTIONS.vetoes).doc(vetoId(vetoKeyOn(today, scheme.calendar), member._id)));
      const reward = await readReward(tx, payload.rewardId);
      const redemptionId = newRedemptionId(ctx.requestKey);
      // The stock as this transaction's snapshot holds it, over the reward's shards (S22).
      const stock = await drawStock(tx, reward, payload.quantity, redemptionId);
      const tally = await allTally(tx, member._id);
      const points = reservationCost({ reward, available: stock.available, quantity: payload.quantity, balance: balanceOf(tally), veto: veto?.effect === 'bar' ? veto : null }, shop);
      const redemption: Redemption = {
        _id: redemptionId,
        code: await takeCode(tx, redemptionId),
        status: 'reserved',
        memberId: member._id,
        memberName: member.name,
        branchId: member.branchId,
        rewardId: reward._id,
        rewardName: reward.name,
        keeper: reward.keeper,
        quantity: payload.quantity,
        cost: reward.cost,
        points,
        subsidyShare: reward.subsidyShare ?? shop.subsidyShare,
        reservedBy: { id: actor._id, name: actor.name },
        reservedAt: ctx.now.toISOString(),
        reservedOn: today,
        expiresOn: lastPickupDay(today, shop),
      };
      await writeRedemption(tx, redemption);
      await takeStock(tx, reward, stock);
      await postSpend(tx, redemption, member, tally, scheme, ctx.now);
      return { redemption };
    });
  },
});

export const redeemFulfil = defineAction('redeem.fulfil', {
  schema: z.object({ code }).strict(),
  access: 'anyone',
  writes: true,
  async handle(ctx, payload) {
    const scheme = await ctx.scheme();
    const shop = shopOf(scheme);
    const keeper = await requireKeeper(ctx);
    const today = shanghaiDate(ctx.now);
    const code = assertCodeForm(payload.code);
    return ctx.transact(async (tx) => {
      // Looked up inside the transaction, after its requestId check: a retried handing over answers as the first did.
      const held = await openCodeIn(tx, code);
      if (!held) throw new DomainError('NOT_FOUND', `取货码 ${code} 没有待领取的兑换`);
      const redemption = await readRedemption(tx, held);
      assertFulfillable(redemption, today, shop);
      const fulfilled: Redemption = { ...redemption, status: 'fulfilled', fulfilledOn: today, fulfilledBy: { id: keeper._id, name: keeper.name } };
      await writeRedemption(tx, fulfilled);
      await tx.collection(COLLECTIONS.pickupCodes).doc(redemption.code).remove();
      return { redemption: fulfilled };
    });
  },
});

export const redeemLookup = defineAction('redeem.lookup', {
  schema: z.object({ code }).strict(),
  access: 'anyone',
  writes: false,
  async handle(ctx, payload) {
    await requireKeeper(ctx);
    const found = await openByCode(assertCodeForm(payload.code));
    if (!found) throw new DomainError('NOT_FOUND', `取货码 ${payload.code} 没有待领取的兑换`);
    return { redemption: found };
  },
});

export const redeemCancel = defineAction('redeem.cancel', {
  schema: z.object({ redemptionId: id }).strict(),
  access: 'anyone',
  writes: true,
  async handle(ctx, payload) {
    const scheme = await ctx.scheme();
    shopOf(scheme);
    const member = await ctx.member();
    const manager = managesShop(member, await ctx.isSecretariat(), scheme.organisation);
    if (!manager) await ctx.requireMember();
    const by = manager ? await ctx.secretariatActor() : await ctx.actor().then((actor) => ({ id: actor._id, name: actor.name }));
    const today = shanghaiDate(ctx.now);
    return ctx.transact(async (tx) => {
      const redemption = await readRedemption(tx, payload.redemptionId);
      if (!manager && redemption.memberId !== member!._id) throw new DomainError('FORBIDDEN', '只能取消自己户的兑换');
      assertCancellable(redemption, today);
      return { redemption: await closeRedemption(tx, redemption, 'cancelled', by, ctx.now, today, scheme) };
    });
  },
});

export const redeemMine = defineAction('redeem.mine', {
  schema: z.object({ cursor }).strict().optional(),
  access: 'anyone',
  writes: false,
  async handle(ctx, payload) {
    shopOf(await ctx.scheme());
    const member = await ctx.requireMember();
    return redemptionsOf(member._id, payload?.cursor);
  },
});

/** The caller as the template's shop keeper (S8): a template without a shop is refused first. */
async function requireKeeper(ctx: RequestContext): Promise<{ _id: string; name: string }> {
  const scheme = await ctx.scheme();
  const shop = shopOf(scheme);
  const member = await ctx.requireMember();
  if (!keepsShop(member, shop)) {
    const role = scheme.organisation.roles.find((r) => r.id === shop.keeperRole)?.name ?? '店员';
    throw new DomainError('FORBIDDEN', `只有${role}可以核对取货码和发放兑换商品`);
  }
  return member;
}
