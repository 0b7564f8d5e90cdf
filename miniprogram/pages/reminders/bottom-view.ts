/**
 * What the 排名靠后 page shows of reminder.list (第十九条): each member at the bottom of the year's
 * board with their rank, points (or score) and the 通报 and 谈话提醒 recorded for the year, and the
 * lines that say whose list it is and how it was drawn (docs/rules.md B2).
 */
import type { BottomRow, DataOf, Reminder } from '../../../typings/api';
import { timeLabel } from '../../format/dates';
import { countWord } from '../../format/terms';

export type BottomList = DataOf<'reminder.list'>;

export const METHOD_NAMES: Record<Reminder['method'], string> = { notice: '通报', talk: '谈话提醒' };
/** The action sheet's order: a talk is the usual first step. */
export const METHODS: Reminder['method'][] = ['talk', 'notice'];

export interface ReminderLine {
  id: string;
  head: string;
  note: string;
}

export interface BottomRowView {
  id: string;
  name: string;
  branchName: string;
  rank: string;
  measure: string;
  unranked: boolean;
  reminders: ReminderLine[];
}

export function reminderLineOf(reminder: Reminder): ReminderLine {
  return { id: reminder._id, head: `${timeLabel(reminder.recordedAt).slice(0, 10)} ${METHOD_NAMES[reminder.method]} · ${reminder.recordedBy.name}`, note: reminder.note };
}

export function bottomRowOf(row: BottomRow, list: Pick<BottomList, 'ranked' | 'byScore' | 'terms'>): BottomRowView {
  return {
    id: row.memberId,
    name: row.name,
    branchName: row.branchName ?? list.terms.words.direct,
    rank: `第 ${row.rank} 名（共 ${list.ranked} ${countWord(list.terms)}）`,
    measure: list.byScore ? `得分 ${row.score ?? 0}` : `${row.total} 分`,
    unranked: row.unranked,
    reminders: row.reminders.map(reminderLineOf),
  };
}

/** '2026年 全会 排名后 10%（至少 3 人，同分并列一并列出）：61 人中的 7 人'. */
export function bottomSummaryOf(list: Pick<BottomList, 'year' | 'ranked' | 'rows' | 'terms'>, scopeName: string): string {
  const member = list.terms.words.member;
  if (list.ranked === 0) return `${list.year}年${scopeName}还没有${member}`;
  return `${list.year}年${scopeName}排名后十分之一（至少 3 ${countWord(list.terms)}，同分并列的一并列出）：${list.ranked} 名${member}中的 ${list.rows.length} 名`;
}

/** Templates whose year ends in 考评公示 with warnings (常州's 双色预警): those stay the formal ones (B5). */
export function warningNoteOf(list: Pick<BottomList, 'terms'>): string {
  if (!list.terms.warnings?.length) return '';
  const names = list.terms.warnings.map((w) => w.name).join('、');
  return `本方案年度的${names}以考评公示为准；这里记录的谈话提醒和通报与之并存。`;
}

/** The years offered: the one shown first (this year) and the one before. */
export function yearChoicesOf(current: string): string[] {
  return [current, String(Number(current) - 1)];
}
