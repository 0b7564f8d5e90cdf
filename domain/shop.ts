/**
 * 积分超市 (seeds/004 第三篇 四(五)1②, 五; seeds/001 篇十七): rewards bought with points, 1 point = 1
 * yuan of goods. A household reserves a reward at any time and gets a pickup code; the shop keeper
 * hands it over on a redemption day; a reservation not collected within the template's days, or
 * cancelled, returns its points and stock. Spending lowers the balance, never the cumulative total
 * (兑换奖品后扣除相应积分，但累计积分不清零). A 一票否决 in force bars redemption, not earning
 * (篇十七 14). Readings: docs/rules.md S1–S19. Pure: the shell loads, calls and writes.
 */
import type { Redemption, Reward, ShopDays, Veto } from '../typings/api';
import { DomainError } from './errors';
import { holdsRight, type Holder, type OrganisationDef } from './organisation';
import { addDays } from './workdays';
import type { Scheme } from './scheme';

/** A template's 积分超市 (Scheme.shop). */
export interface ShopDef {
  /** The role whose holders hand rewards over (a role whose name says 店 or 超市). */
  keeperRole: string;
  /** Days a reservation waits to be collected before it expires (S6). Absent: 30. */
  reservationDays?: number;
  /** The largest share of a reward's unit price the 财政补助 covers (004 五: 原则上按照商品单价的50%): at most 0.5. */
  subsidyShare: number;
  /** Redemption days (004: 每季度至少组织开展一次积分兑换活动): a day of the month in the months listed. */
  redemptionDays: { day: number; months: number[] };
  /** The most of one reward one reservation takes (S9). Absent: 10. */
  maxQuantity?: number;
}

const DEFAULT_RESERVATION_DAYS = 30;
const DEFAULT_MAX_QUANTITY = 10;

/** The template's shop; refused where it keeps none. */
export function shopOf(scheme: Scheme): ShopDef {
  if (!scheme.shop) throw new DomainError('INVALID_INPUT', '本方案没有积分超市');
  return scheme.shop;
}

/** Letters and digits that cannot be mistaken for one another when read aloud or typed (no 0/O, 1/I/L). */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const CODE_LENGTH = 6;

/** A new pickup code; `pick(n)` draws an integer in [0, n). */
export function newPickupCode(pick: (n: number) => number): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[pick(CODE_ALPHABET.length)];
  return code;
}

/** A code as typed at the counter: spaces and dashes dropped, letters upper-cased (S10). */
export function normalizeCode(typed: string): string {
  return typed.replace(/[\s\-－]/g, '').toUpperCase();
}

/** Whether a typed code has the form of a pickup code; INVALID_INPUT otherwise. */
export function assertCodeForm(code: string): string {
  if (code.length !== CODE_LENGTH || [...code].some((c) => !CODE_ALPHABET.includes(c))) {
    throw new DomainError('INVALID_INPUT', `取货码应为 ${CODE_LENGTH} 位字母或数字，请核对后重新输入`);
  }
  return code;
}

/** The account's spendable balance: the cumulative total less what is spent (S1). */
export function balanceOf(figures: { total: number; spent?: number } | null): number {
  if (!figures) return 0;
  return Math.round((figures.total - (figures.spent ?? 0)) * 100) / 100;
}

/** What a reservation of `quantity` costs, checked against the reward, the balance and a veto in force (S2–S5, S9, S11). */
export function reservationCost(input: { reward: Reward; quantity: number; balance: number; veto: Veto | null }, shop: ShopDef): number {
  const { reward, quantity, balance, veto } = input;
  if (veto) throw new DomainError('FORBIDDEN', `因一票否决（${veto.conditionName}：${veto.reason}），${veto.key} 年度暂停积分兑换，积分照常累计`);
  if (!reward.active) throw new DomainError('NOT_FOUND', `“${reward.name}”已下架`);
  const most = shop.maxQuantity ?? DEFAULT_MAX_QUANTITY;
  if (!Number.isInteger(quantity) || quantity < 1) throw new DomainError('INVALID_INPUT', '兑换数量应为正整数');
  if (quantity > most) throw new DomainError('INVALID_INPUT', `每次最多兑换 ${most} 件`);
  if (reward.stock < quantity) {
    throw new DomainError('CONFLICT', reward.stock === 0 ? `“${reward.name}”已兑完` : `“${reward.name}”库存不足，仅剩 ${reward.stock} 件`);
  }
  const cost = reward.cost * quantity;
  if (cost > balance) throw new DomainError('INVALID_INPUT', `积分余额不足：兑换需 ${cost} 分，可用余额 ${balance} 分`);
  return cost;
}

/**
 * The last day a reservation made on `reservedOn` may be collected: the day itself and the template's
 * days after it (S6), and never before the first redemption day it meets (S21): made a month after a
 * quarter's redemption day, it waits for the next one rather than expiring unseen by any keeper.
 */
export function lastPickupDay(reservedOn: string, shop: ShopDef): string {
  const window = addDays(reservedOn, shop.reservationDays ?? DEFAULT_RESERVATION_DAYS);
  const first = nextRedemptionDay(reservedOn, shop);
  return first > window ? first : window;
}

/** Whether a reservation has expired on `today`: the day after its last pickup day has begun in Shanghai (S6). */
export function expired(redemption: Pick<Redemption, 'status' | 'expiresOn'>, today: string): boolean {
  return redemption.status === 'reserved' && today > redemption.expiresOn;
}

/** Whether `date` ('YYYY-MM-DD') is a redemption day of the template (S7). */
function isRedemptionDay(date: string, shop: ShopDef): boolean {
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  return day === shop.redemptionDays.day && shop.redemptionDays.months.includes(month);
}

/** The first redemption day on or after `date`. */
export function nextRedemptionDay(date: string, shop: ShopDef): string {
  const { day, months } = shop.redemptionDays;
  const sorted = [...months].sort((a, b) => a - b);
  const year = Number(date.slice(0, 4));
  for (const y of [year, year + 1]) {
    for (const m of sorted) {
      const candidate = `${y}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
      if (candidate >= date) return candidate;
    }
  }
  throw new DomainError('INTERNAL', 'no redemption day within a year');
}

/** A reservation the keeper may hand over today (S7, S8): reserved, not expired, on a redemption day. */
export function assertFulfillable(redemption: Redemption, today: string, shop: ShopDef): void {
  assertOpen(redemption, today);
  if (!isRedemptionDay(today, shop)) {
    throw new DomainError('OUT_OF_WINDOW', `今天不是兑换日，不能领取；下一个兑换日是 ${nextRedemptionDay(today, shop)}`);
  }
}

/** A reservation the household (or an administrator) may cancel (S12): reserved and not yet handed over. */
export function assertCancellable(redemption: Redemption, today: string): void {
  assertOpen(redemption, today);
}

function assertOpen(redemption: Redemption, today: string): void {
  if (redemption.status === 'fulfilled') throw new DomainError('CONFLICT', `该兑换已于 ${redemption.fulfilledOn} 领取，不能再领取或取消`);
  if (redemption.status === 'cancelled') throw new DomainError('CONFLICT', '该兑换已取消，积分已退回');
  if (redemption.status === 'expired' || expired(redemption, today)) {
    throw new DomainError('CONFLICT', `该兑换已过领取期限（${redemption.expiresOn}），积分和库存已退回`);
  }
}

/** Who hands rewards over: an active holder of the template's keeper role (S8). */
export function keepsShop(member: { status: string; roles: string[] } | null, shop: ShopDef): boolean {
  return Boolean(member && member.status === 'active' && member.roles.includes(shop.keeperRole));
}

/** A reward's subsidy share: its own, at most the template's (004 五: 原则上按照商品单价的50%), or the template's (S13). */
export function subsidyShareOf(asked: number | undefined, shop: ShopDef): number {
  if (asked === undefined) return shop.subsidyShare;
  if (asked < 0 || asked > shop.subsidyShare) {
    throw new DomainError('INVALID_INPUT', `财政补助比例应在 0 到 ${Math.round(shop.subsidyShare * 100)}% 之间`);
  }
  return asked;
}

/** Who manages rewards and sees every reservation: the secretariat, or a holder of the 'shop' right. */
export function managesShop(member: Holder | null, secretariat: boolean, organisation: OrganisationDef): boolean {
  return secretariat || Boolean(member && holdsRight(member, 'shop', organisation));
}

/** When rewards are handed over, for the 积分超市's first screen: the next redemption day from `today`, how long a reservation waits, how many at once (S7, S6, S9, S20). */
export function shopDaysOf(today: string, shop: ShopDef): ShopDays {
  return {
    next: nextRedemptionDay(today, shop),
    reservationDays: shop.reservationDays ?? DEFAULT_RESERVATION_DAYS,
    maxQuantity: shop.maxQuantity ?? DEFAULT_MAX_QUANTITY,
  };
}
