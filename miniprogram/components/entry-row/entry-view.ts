/**
 * What an entry row shows of a ledger entry: what it was for, when (and whose, for a leader), and the
 * signed points. Pure, so the row and the tests share it.
 */
import type { LedgerEntry } from '../../../typings/api';
import { shortDayLabel } from '../../format/dates';
import { signedPoints } from '../../format/points';

export interface EntryView {
  title: string;
  subtitle: string;
  points: string;
  negative: boolean;
  reversal: boolean;
  note: string;
}

export function entryViewOf(entry: LedgerEntry | null, showMember: boolean, now: Date = new Date()): EntryView | null {
  if (!entry) return null;
  const parts = [shortDayLabel(entry.occurredOn, now)];
  if (showMember) parts.unshift(entry.memberName);
  if (!entry.claimId && !entry.reverses) parts.push('系统记入');
  // Volunteer hours are kept beside the points (seeds/004 第五篇; docs/rules.md W3).
  if (entry.hours !== undefined) parts.push(`志愿服务 ${entry.hours} 小时`);
  return {
    title: entry.itemName,
    subtitle: parts.join(' · '),
    points: signedPoints(entry.points),
    negative: entry.points < 0,
    reversal: Boolean(entry.reverses),
    note: entry.note ?? '',
  };
}
