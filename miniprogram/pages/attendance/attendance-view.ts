/**
 * What HR's 出勤录入 page shows and sends (seeds/004 第一篇 五、1 固定积分“根据个人的月度出勤自动录入个人
 * 的积分账户”): the months that may be recorded, a department's people with their monthly 固定积分
 * and the days each worked as recorded (admin.attendance.get; blank: nothing recorded, saved as every
 * required day), the sheets admin.attendance.record takes (at most 100 rows a call) and what was
 * credited. Pure: the page and the tests read it.
 */
import type { Attendance, AttendanceSheetRow, Branch, DataOf, LedgerEntry, SchemeTerms } from '../../../typings/api';
import { periodLabel, recentKeys } from '../../format/periods';

/** admin.attendance.record takes at most this many rows a call (server/api/actions/personnel.ts). */
export const ROWS_PER_CALL = 100;

/** How many months back HR may record: the current one and the five before. */
const MONTHS_BACK = 5;

export interface MonthChoice {
  key: string;
  label: string;
  /** Whether the month has ended: its attendance is credited at once. */
  ended: boolean;
}

/** The unit id admin.attendance.get takes for the organisation's own people (公司机关): the root's. */
export const OWN_PEOPLE = 'root';

export interface Department {
  /** A department's id, or OWN_PEOPLE. */
  id: string;
  name: string;
}

export interface AttendanceRow {
  memberId: string;
  /** The row's number on the sheet, as the server's errors name it (第 3 行). */
  line: number;
  name: string;
  /** '每月 12 分', or '未设固定积分' where no attribute is on file. */
  rateText: string;
  /** Days worked as recorded or typed; '' (nothing recorded) is every required day (满勤). */
  days: string;
  /** Whether the month is recorded for the person: 已记录 / 未记录. */
  recorded: boolean;
  /** What is stored: '20/22 天，已计入 13.64 分', '22/22 天，月末计入'; '' where nothing is. */
  outcome: string;
}

/** The current month and the five before it, newest first (a month not yet begun cannot be recorded). */
export function monthChoicesOf(today: string): MonthChoice[] {
  return recentKeys('month', today, MONTHS_BACK).map(({ key, label }, i) => ({ key, label: i === 0 ? `${label}（本月）` : label, ended: i > 0 }));
}

/** The departments to pick, in the directory's order, and the organisation's own people last. */
export function departmentsOf(branches: readonly Branch[], terms: SchemeTerms): Department[] {
  return [...branches.map((b) => ({ id: b._id, name: b.name })), { id: OWN_PEOPLE, name: terms.words.direct }];
}

/** Monthly points of a person's attributes (the template's table, SchemeTerms.fixedPoints). */
export function monthlyPointsOf(attributes: Readonly<Record<string, string>> | undefined, terms: SchemeTerms): number {
  let total = 0;
  for (const attribute of terms.fixedPoints?.attributes ?? []) {
    total += attribute.values.find((v) => v.id === attributes?.[attribute.id])?.points ?? 0;
  }
  return Math.round(total * 100) / 100;
}

export const rateTextOf = (monthly: number): string => (monthly > 0 ? `每月 ${monthly} 分` : '未设固定积分');

type Recorded = Pick<Attendance, 'days' | 'workdays' | 'pending' | 'credited'>;

/** What a month's record stands at: credited (by HR's saving or the monthly job), or waiting for the job. */
export function outcomeOf(recorded: Recorded, month: MonthChoice): string {
  const days = `${recorded.days}/${recorded.workdays} 天`;
  if (!recorded.pending) return `${days}，已计入 ${recorded.credited ?? 0} 分`;
  return month.ended ? `${days}，待每月任务计入` : `${days}，月末计入`;
}

/** A department's people with the month as recorded: recorded days in the boxes, a blank only where nothing was recorded. */
export function attendanceRowsOf(people: readonly AttendanceSheetRow[], month: MonthChoice): AttendanceRow[] {
  return people.map((p, i) => ({
    memberId: p.memberId,
    line: i + 1,
    name: p.name,
    rateText: rateTextOf(p.monthly),
    days: p.recorded ? String(p.recorded.days) : '',
    recorded: p.recorded !== null,
    outcome: p.recorded ? outcomeOf(p.recorded, month) : '',
  }));
}

/** Under 应出勤天数: how much of the department the month has on file, and with which required days. */
export function recordedSummaryOf(sheet: Pick<DataOf<'admin.attendance.get'>, 'unitName' | 'people' | 'recorded' | 'workdays'>, month: MonthChoice): string {
  const label = periodLabel('month', month.key);
  if (sheet.recorded === 0 || sheet.workdays === null) return `${sheet.unitName}${label}尚未记录出勤`;
  return `${sheet.unitName}${label}已记录 ${sheet.recorded}/${sheet.people} 人，应出勤天数按记录为 ${sheet.workdays} 天`;
}

/**
 * The 应出勤天数 box once a department's month has loaded, and the month its value came from (null:
 * typed by HR): the days as recorded. Where the department has none, what HR typed stays, and so do
 * the days recorded for another department of the same month; another month's are cleared.
 */
export function workdaysBoxOf(recorded: number | null, from: string | null, month: string): { workdays?: string; from: string | null } {
  if (recorded !== null) return { workdays: String(recorded), from: month };
  if (from !== null && from !== month) return { workdays: '', from: null };
  return { from };
}

/** 应出勤天数 as typed, or the Chinese reason it cannot be used. */
export function workdaysOf(text: string): { workdays: number } | { problem: string } {
  const workdays = Number(text.trim());
  if (text.trim() === '' || !Number.isInteger(workdays) || workdays < 1 || workdays > 31) return { problem: '应出勤天数应为 1 到 31 的整数' };
  return { workdays };
}

/** The rows as the action takes them, in sheets of at most 100, each with the line its first row has. */
export function sheetsOf(rows: readonly AttendanceRow[], workdays: number): { first: number; rows: { memberId: string; days: number }[] }[] {
  const sheets: { first: number; rows: { memberId: string; days: number }[] }[] = [];
  for (let i = 0; i < rows.length; i += ROWS_PER_CALL) {
    const rowsOfSheet = rows.slice(i, i + ROWS_PER_CALL).map((r) => ({ memberId: r.memberId, days: r.days.trim() === '' ? workdays : Number(r.days) }));
    sheets.push({ first: i + 1, rows: rowsOfSheet });
  }
  return sheets;
}

/**
 * The server names bad rows by their place in the sheet it was sent (第 3 行); a department sent in
 * several sheets has them renumbered to the page's lines, each with the person's name.
 */
export function rowErrorOf(message: string, first: number, rows: readonly AttendanceRow[]): string {
  return message.replace(/第 (\d+) 行/g, (_, n: string) => {
    const line = first + Number(n) - 1;
    const row = rows[line - 1];
    return row ? `第 ${line} 行（${row.name}）` : `第 ${line} 行`;
  });
}

/** The rows a saving stored before a later sheet was refused: recorded, with what they now stand at. */
export function savedRowsOf(rows: readonly AttendanceRow[], attendance: readonly Attendance[], month: MonthChoice): AttendanceRow[] {
  const byMember = new Map(attendance.map((a) => [a.memberId, a]));
  return rows.map((row) => {
    const saved = byMember.get(row.memberId);
    return saved ? { ...row, recorded: true, outcome: outcomeOf(saved, month) } : row;
  });
}

/** What saving did: '已保存 2026年10月 18 人的出勤，计入固定积分 18 笔共 201.5 分'. */
export function savedSummaryOf(month: MonthChoice, saved: number, entries: readonly LedgerEntry[]): string {
  const head = `已保存${periodLabel('month', month.key)} ${saved} 人的出勤`;
  if (!month.ended) return `${head}；本月结束后，每月任务按出勤计入固定积分`;
  if (entries.length === 0) return `${head}；与已计入的相同，积分不变`;
  const total = Math.round(entries.reduce((sum, e) => sum + e.points, 0) * 100) / 100;
  return `${head}，计入固定积分 ${entries.length} 笔共 ${total} 分`;
}

export interface AttributeField {
  id: string;
  name: string;
  /** Each value with its monthly points: '本科（4 分）'. */
  labels: string[];
  /** The value on file, or -1. */
  index: number;
}

/** The attributes sheet's pickers for a person's values (attribute id → value id). */
export function attributeFieldsOf(attributes: Readonly<Record<string, string>>, terms: SchemeTerms): AttributeField[] {
  return (terms.fixedPoints?.attributes ?? []).map((a) => ({
    id: a.id,
    name: a.name,
    labels: a.values.map((v) => `${v.name}（${v.points} 分）`),
    index: a.values.findIndex((v) => v.id === attributes[a.id]),
  }));
}
