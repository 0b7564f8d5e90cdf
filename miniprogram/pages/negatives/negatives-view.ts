/**
 * What the 零分、负分名单 page shows of admin.negatives.list (seeds/004 第一篇 六、4: 个人积分为零或负分
 * 时，个人应申请自动离职，或申请一次不离职的机会): the ended months to pick, what the list means, and
 * each person listed with their department, their total at the month's end and whether they have had
 * their one reprieve. Pure: the page and the tests read it.
 */
import type { DataOf, NegativeRow, SchemeTerms } from '../../../typings/api';
import { endedKeys, periodLabel } from '../../format/periods';
import { chinaDay, dayLabel } from '../../format/dates';

type Listing = DataOf<'admin.negatives.list'>;

/** How many ended months the picker offers. */
const PICKABLE = 6;

export interface NegativeRowView {
  id: string;
  name: string;
  /** The department, or the organisation's own people. */
  unit: string;
  totalText: string;
  /** '已于 2026年9月 获得不离职的机会：本人申请…', or '' while they have none. */
  reprieveText: string;
  /** Whether a reprieve may still be recorded for them. */
  canReprieve: boolean;
}

/** The ended months, newest first: the last six before the current one. */
export function endedMonthsOf(today: string): { key: string; label: string }[] {
  return endedKeys('month', today, 1, PICKABLE);
}

/** The caption: what the list is and what a person on it may do. */
export function negativesIntroOf(listing: Pick<Listing, 'month' | 'atOrBelow' | 'rows'>, terms: SchemeTerms): string {
  const label = periodLabel('month', listing.month);
  const line = listing.atOrBelow === 0 ? '为零或负分' : `不高于 ${listing.atOrBelow} 分`;
  const rule = `个人积分${line}时，本人应申请自动离职，或申请一次不离职的机会（六、4）`;
  if (listing.rows.length === 0) return `${label}月末没有积分${line}的${terms.words.member}。${rule}。`;
  return `${label}月末积分${line}的 ${listing.rows.length} 人。${rule}；每人只有一次，记录后不能再次申请。`;
}

export function negativeRowOf(row: NegativeRow, terms: SchemeTerms): NegativeRowView {
  const reprieve = row.reprieve;
  return {
    id: row.memberId,
    name: row.name,
    unit: row.branchName ?? terms.words.direct,
    totalText: `${row.total} 分`,
    reprieveText: reprieve ? `已于${periodLabel('month', reprieve.month)}获得不离职的机会（${dayLabel(chinaDay(new Date(reprieve.recordedAt)))}记录）：${reprieve.note}` : '',
    canReprieve: reprieve === null,
  };
}
