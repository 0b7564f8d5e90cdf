/**
 * The export's 薪酬积分 sheet (seeds/004 第一篇 六、1、2: 与年、季、月度奖金、福利挂钩): every active
 * person, by department, with their month, quarter, year and all-time totals for the month, quarter
 * and year that hold the exported period's last day, so HR feeds one sheet to payroll whatever the
 * bonus period. Figures are the tallies as they stand at the export (docs/rules.md E17).
 */
import type { Workbook } from 'exceljs';
import type { BoardScope } from '../../../typings/api';
import { periodKeyOf, PERIOD_NAMES, tallyKeyOf } from '../../../domain/calendar';
import { unitWord, type Scheme } from '../../../domain/scheme';
import { database } from '../../cloud';
import { COLLECTIONS } from '../../data/collections';
import type { StoredTally } from '../../data/ledger';
import { readAll, type StoredMember } from '../../data/members';

export interface PayrollRow {
  branchName: string;
  name: string;
  /** Totals by column, in the order of `columns`. */
  totals: number[];
}

export interface PayrollFigures {
  columns: string[];
  rows: PayrollRow[];
}

const PERIODS = ['month', 'quarter', 'year', 'all'] as const;

/** Every active person of the scope (a unit, or all) with the totals of the periods holding `day`. */
export async function payrollFigures(day: string, scope: BoardScope | undefined, scheme: Scheme): Promise<PayrollFigures> {
  const db = database();
  const _ = db.command;
  const keys = PERIODS.map((p) => ({ period: p, key: periodKeyOf(p, day, scheme.calendar) }));
  const where: Record<string, unknown> = { status: 'active' };
  if (scope?.branchId) where.branchId = scope.branchId;
  const people = await readAll<StoredMember>(db.collection(COLLECTIONS.members).where(where));
  const tallyKeys = keys.map(({ period, key }) => tallyKeyOf(period, key));
  const tallyWhere: Record<string, unknown> = { key: _.in(tallyKeys), status: 'active' };
  if (scope?.branchId) tallyWhere.branchId = scope.branchId;
  const tallies = await readAll<StoredTally>(db.collection(COLLECTIONS.tallies).where(tallyWhere));
  const totalOf = new Map(tallies.map((t) => [`${t.memberId}|${t.key}`, t.total]));
  const direct = scheme.words.direct;
  const rows = people
    .map((m) => ({ branchName: m.branchName ?? direct, name: m.name, totals: tallyKeys.map((k) => totalOf.get(`${m._id}|${k}`) ?? 0) }))
    .sort((a, b) => a.branchName.localeCompare(b.branchName, 'zh') || a.name.localeCompare(b.name, 'zh'));
  const columns = keys.map(({ period, key }) => (period === 'all' ? '累计积分' : `${key} ${PERIOD_NAMES[period]}积分`));
  return { columns, rows };
}

export function addPayrollSheet(book: Workbook, figures: PayrollFigures, scheme: Scheme): void {
  const sheet = book.addWorksheet('薪酬积分', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [
    { header: unitWord(scheme), key: 'branch', width: 16 },
    { header: '姓名', key: 'name', width: 14 },
    ...figures.columns.map((header, i) => ({ header, key: `t${i}`, width: 18 })),
  ];
  for (const row of figures.rows) {
    sheet.addRow({ branch: row.branchName, name: row.name, ...Object.fromEntries(row.totals.map((t, i) => [`t${i}`, t])) });
  }
  sheet.getRow(1).font = { bold: true };
}
