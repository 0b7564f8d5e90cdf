/**
 * What the 积分超市 page shows (seeds/004 第三篇 四(五)1②: 每1积分按人民币1元计算; 兑换奖品后扣除相应积分，
 * 但累计积分不清零): the household's balance and cumulative total in plain words, when rewards are
 * handed over, the rewards with what one reservation may take, and each reservation of 我的兑换 in
 * words. Pure: the page and the tests read it. Readings: docs/rules.md S1, S6, S7, S9, S12, S20, S21.
 */
import type { DataOf, Redemption, RewardView, ShopDays } from '../../../typings/api';
import { addDays, shortDayLabel } from '../../format/dates';
import { percentOf } from './reward-form';

type Listing = DataOf<'shop.list'>;

export interface RewardRowView {
  rewardId: string;
  name: string;
  costText: string;
  stockText: string;
  keeper: string;
  /** Why it cannot be reserved now ('已兑完', '积分不足'); '' when it can. */
  blocked: string;
  /** '财政补助 50%' for the shop's managers, who alone are sent the share (S23); '' for a household. */
  subsidyText: string;
}

export interface RedemptionRowView {
  id: string;
  title: string;
  pointsText: string;
  keeper: string;
  status: Redemption['status'];
  statusText: string;
  /** The pickup code while it waits to be collected; '' otherwise. */
  code: string;
  /** A reservation still to collect may be cancelled (S12). */
  cancellable: boolean;
}

/**
 * The balance line's words: what can be spent, what was earned, and why they differ (S1, S17). An
 * official with no ledger of their own (a 村干部 managing the shop, its keeper; H24) has nothing to
 * spend: no figures, and what they do here instead.
 */
export function balanceViewOf(listing: Pick<Listing, 'balance' | 'total' | 'ledger' | 'manager' | 'keeper'>) {
  if (!listing.ledger) {
    const does = [listing.manager ? '新增、修改和下架商品' : '', listing.keeper ? '在兑换日凭取货码发放商品' : ''].filter(Boolean).join('，');
    return { balanceText: '', totalText: '', explain: `您没有本人的积分台账，不能兑换商品${does ? `；您负责${does}` : ''}。` };
  }
  return {
    balanceText: String(listing.balance),
    totalText: String(listing.total),
    explain: '可用积分用于兑换商品，1 积分兑换 1 元商品，兑换后扣减；累计积分是挣得的积分总数，兑换不会减少，年终评比按累计积分。',
  };
}

/** '今天是兑换日…' or '下一个兑换日：12月15日…', and how long a reservation waits (S6, S7). */
export function daysTextOf(days: ShopDays, today: string, now?: Date): string {
  const when = days.next === today ? '今天是兑换日，可凭取货码到店领取' : `下一个兑换日：${shortDayLabel(days.next, now)}，凭取货码到店领取`;
  return `${when}。预约后 ${days.reservationDays} 天内未领取的，积分和库存自动退回。`;
}

/** The most one reservation of `reward` may take now: the template's, the stock, and the balance (S4, S9). */
export function mostOf(reward: Pick<RewardView, 'cost' | 'stock'>, balance: number, days: ShopDays): number {
  return Math.max(0, Math.min(days.maxQuantity, reward.stock, Math.floor(balance / reward.cost)));
}

export function rewardRowOf(reward: RewardView, balance: number, days: ShopDays): RewardRowView {
  const blocked = reward.stock === 0 ? '已兑完' : mostOf(reward, balance, days) === 0 ? '积分不足' : '';
  return {
    rewardId: reward.rewardId,
    name: reward.name,
    costText: `${reward.cost} 积分`,
    stockText: reward.stock === 0 ? '已兑完' : `库存 ${reward.stock} 件`,
    keeper: reward.keeper,
    blocked,
    subsidyText: reward.subsidyShare === undefined ? '' : `财政补助 ${percentOf(reward.subsidyShare)}%`,
  };
}

/**
 * What the reservation dialog says of collecting: the next redemption day and the last day, which
 * the server keeps at least until that redemption day (S6, S21).
 */
export function pickupNoteOf(days: ShopDays, today: string, now?: Date): string {
  const window = addDays(today, days.reservationDays);
  const last = days.next > window ? days.next : window;
  const kept = last === days.next ? '' : `，预约保留到 ${shortDayLabel(last, now)}`;
  return `请在兑换日 ${shortDayLabel(days.next, now)} 领取${kept}，过期未领取积分自动退回。`;
}

/** The status of a reservation in words (S6, S12): 待取货 with its last day, 已领取 with its day, 已取消, 已过期 with the points returned. */
export function statusTextOf(r: Redemption, today: string, nextDay: string, now?: Date): string {
  switch (r.status) {
    case 'reserved':
      if (today > r.expiresOn) return `已过领取期限（${shortDayLabel(r.expiresOn, now)}），${r.points} 积分将退回`;
      // The next redemption day after its last day: it cannot be collected and will come back (S21).
      if (nextDay > r.expiresOn) return `待取货 · ${shortDayLabel(r.expiresOn, now)} 前领取；下一个兑换日在此之后，到期积分自动退回`;
      return `待取货 · 请在 ${shortDayLabel(r.expiresOn, now)} 前领取`;
    case 'fulfilled':
      return `已领取 · ${shortDayLabel(r.fulfilledOn ?? r.reservedOn, now)}`;
    case 'cancelled':
      return `已取消 · ${r.points} 积分已退回`;
    case 'expired':
      return `已过期未领取 · ${r.points} 积分已退回`;
  }
}

/** `nextDay`: the next redemption day (shop.list's days.next). */
export function redemptionRowOf(r: Redemption, today: string, nextDay: string, now?: Date): RedemptionRowView {
  const open = r.status === 'reserved' && today <= r.expiresOn;
  return {
    id: r._id,
    title: `${r.rewardName} × ${r.quantity}`,
    pointsText: `${r.points} 积分`,
    keeper: r.keeper,
    status: r.status,
    statusText: statusTextOf(r, today, nextDay, now),
    code: open ? r.code : '',
    cancellable: open,
  };
}

/** The pickup code shown after reserving: where and by when to collect it. */
export function reservedViewOf(r: Redemption, days: ShopDays, now?: Date) {
  return {
    code: r.code,
    title: `${r.rewardName} × ${r.quantity}，已扣 ${r.points} 积分`,
    where: `请在兑换日（下一个是 ${shortDayLabel(days.next, now)}）凭取货码到${r.keeper}领取，最晚 ${shortDayLabel(r.expiresOn, now)}。`,
  };
}
