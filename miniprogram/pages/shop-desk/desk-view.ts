/**
 * What the shop keeper's desk shows of a reservation looked up by its pickup code (seeds/004 第三篇
 * 四(五)1②; docs/rules.md S8, S10): the household, who reserved it, the reward and quantity, the points,
 * where it is kept and its last day. Pure: the page and the tests read it.
 */
import type { Redemption } from '../../../typings/api';
import { dayLabel } from '../../format/dates';

export interface DeskRedemptionView {
  code: string;
  household: string;
  /** '' when the reservation names only the household. */
  reservedBy: string;
  reward: string;
  pointsText: string;
  keeper: string;
  expiresText: string;
  statusText: string;
  /** Only a reservation still to collect is handed over. */
  open: boolean;
}

const STATUS_TEXT: Record<Redemption['status'], string> = {
  reserved: '待取货',
  fulfilled: '已领取',
  cancelled: '已取消',
  expired: '已过期',
};

/** A typed or scanned code as the server reads it: spaces and dashes dropped, upper case (S10). */
export function typedCode(text: string): string {
  return text.replace(/[\s\-－]/g, '').toUpperCase();
}

/**
 * Who of the household reserved it: the person, as the server names an actor '陈桂兰（刘长春户）' (H10)
 * with the household shown beside it already; '' where the record names the household itself.
 */
function reserverOf(r: Redemption): string {
  const name = r.reservedBy.name.endsWith(`（${r.memberName}）`) ? r.reservedBy.name.slice(0, -(r.memberName.length + 2)) : r.reservedBy.name;
  return name === r.memberName ? '' : name;
}

export function deskRedemptionOf(r: Redemption, today: string): DeskRedemptionView {
  const late = r.status === 'reserved' && today > r.expiresOn;
  return {
    code: r.code,
    household: r.memberName,
    reservedBy: reserverOf(r),
    reward: `${r.rewardName} × ${r.quantity}`,
    pointsText: `${r.points} 积分（每件 ${r.cost} 积分）`,
    keeper: r.keeper,
    expiresText: dayLabel(r.expiresOn),
    statusText: late ? '已过领取期限' : STATUS_TEXT[r.status],
    open: r.status === 'reserved' && !late,
  };
}

/** What the desk says once it is handed over: '已发放 牙膏 × 1 给 张建国户（张建国）'. */
export function handedOverText(r: Redemption): string {
  const person = reserverOf(r);
  const by = person ? `（${person}）` : '';
  return `已发放 ${r.rewardName} × ${r.quantity} 给 ${r.memberName}${by}`;
}
