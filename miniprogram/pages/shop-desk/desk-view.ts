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

export function deskRedemptionOf(r: Redemption, today: string): DeskRedemptionView {
  const late = r.status === 'reserved' && today > r.expiresOn;
  return {
    code: r.code,
    household: r.memberName,
    // Who of the household reserved it, where the record names a person rather than the household itself.
    reservedBy: r.reservedBy.name === r.memberName ? '' : r.reservedBy.name,
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
  const by = r.reservedBy.name && r.reservedBy.name !== r.memberName ? `（${r.reservedBy.name}）` : '';
  return `已发放 ${r.rewardName} × ${r.quantity} 给 ${r.memberName}${by}`;
}
