/**
 * One ledger entry on a line: what it was for, when, and the points (红 for gains, 绿 for deductions
 * and reversals). Entries are never edited; a correction is its own reversing entry (第十七条), shown
 * with a 冲正 tag.
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

Component({
  options: { addGlobalClass: true },

  properties: {
    entry: { type: Object, value: null as unknown as LedgerEntry },
    /** Leaders reading a branch's ledger see whose entry it is. */
    showMember: { type: Boolean, value: false },
  },

  data: {
    view: null as EntryView | null,
  },

  observers: {
    'entry, showMember'(entry: LedgerEntry | null, showMember: boolean) {
      this.setData({ view: entryViewOf(entry, showMember) });
    },
  },
});
