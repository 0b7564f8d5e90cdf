/**
 * 秘书处 exports a board (第十六条) as an .xlsx: sheet 排行榜 holds every ranked member of the board
 * (the rows and order of ranking.get, not only its top 100), sheet 积分明细 each of those members'
 * ledger entries that occurred in the period. The file goes to cloud storage; the caller gets its
 * fileID and a short-lived URL (the 管理 page opens it with wx.downloadFile + wx.openDocument), the
 * only way to read it. Each export is recorded in `exports`, and the daily job deletes it after a day.
 *
 * The same board exported by the same secretary on the same day is the same file and the same record
 * (ids derived from them), so exporting again or retrying replaces it rather than piling up copies.
 *
 * Besides the secretariat, a unit's book-keeper (支部书记, 分会会长, 村民小组长, 部门经理: docs/rules.md F2)
 * exports their own unit's board, and only it: the file then holds that unit's people, its 考核表 and
 * 评定结果. The file is theirs as the secretariat's is theirs (F1: ids follow the caller).
 *
 * Templates with a composition add a 考核表 per unit in the layout of their appendix (assessment-sheet.ts),
 * an export of a closed cycle with outcome rules the year's 评定结果 per unit (results-sheet.ts), and
 * templates tied to pay (seeds/004 六、1、2) a 薪酬积分 sheet (payroll-sheet.ts).
 */
import { z } from 'zod';
import type { BoardScope, Period, RankingRow } from '../../../typings/api';
import type { Branch, LedgerEntry } from '../../../typings/models';
import { effectivePeriod, PERIOD_NAMES, periodKeyOf, periodRange, type CalendarDef } from '../../../domain/calendar';
import { DomainError } from '../../../domain/errors';
import { unitExportReach } from '../../../domain/reach';
import { categoryName } from '../../../domain/glossary';
import { rankBoard, type Measure } from '../../../domain/ranking';
import { unitWord, type Scheme } from '../../../domain/scheme';
import { boardPeriod, ranksByScore, type TallyKey } from '../../../domain/tally';
import { defineAction } from '../action';
import type { RequestContext } from '../context';
import { addAssessmentSheets, type AssessedPerson } from './assessment-sheet';
import { addResultSheets, type ResultRows } from './results-sheet';
import { assessed } from '../../../domain/outcome-rows';
import { addPayrollSheet, payrollFigures, type PayrollFigures } from './payroll-sheet';
import { boardRows, scopeSchema } from './boards';
import { shanghaiDate } from '../../../domain/periods';
import { database } from '../../cloud';
import { COLLECTIONS } from '../../data/collections';
import { publishExport } from '../../data/files';
import type { StoredTally } from '../../data/ledger';
import { readAll, type StoredMember } from '../../data/members';
import { periodRows } from '../../data/outcomes';

const PAGE = 1000;
const MEMBERS_PER_QUERY = 500;
/** Beyond this the file is unwieldy and the function's 20 s are at risk: export a year or a month. */
export const MAX_EXPORT_ENTRIES = 100_000;

const NO_BRANCH = '直属';

export const adminExport = defineAction('admin.export', {
  schema: z
    .object({
      period: z.enum(['month', 'quarter', 'half', 'year', 'cycle', 'all']),
      key: z.string().max(7).optional(),
      scope: scopeSchema.optional(),
    })
    .strict(),
  // The secretariat, or a unit's book-keeper (F2), before the payload is looked at; the unit asked is checked next.
  access: { gate: async (ctx) => void (await exportReach(ctx)) },
  writes: false,
  async handle(ctx, payload) {
    const scheme = await ctx.scheme();
    const reach = await exportReach(ctx);
    if (reach) assertOwnUnit(payload.scope, reach, scheme);
    const { key, tallyKey } = boardPeriod(payload.period, payload.key, ctx.now, scheme);
    const by: Measure = ranksByScore(tallyKey, scheme) ? 'score' : 'total';
    const tallies = await allBoardTallies(tallyKey, payload.scope, by);
    const rows = rankBoard(tallies, Infinity, by);
    const range = periodRange(payload.period, key, scheme.calendar);
    const entries = await entriesOf(rows.map((r) => r.memberId), effectivePeriod(payload.period, scheme.calendar) === 'all' ? null : range);
    const people = scheme.composition && withinOneCycle(range, scheme.calendar) ? await assessedPeople(rows, tallies, payload.scope) : [];
    const results = assessed(payload.period, scheme) && unitScoped(payload.scope) ? await periodRows(payload.period, key, payload.scope?.branchId) : null;
    // 薪酬积分 (seeds/004 六、1、2): the totals of the month, quarter and year holding the period's last day (today for 累计).
    const payroll = scheme.payroll ? await payrollFigures(range.to < shanghaiDate(ctx.now) ? range.to : shanghaiDate(ctx.now), payload.scope, scheme) : null;
    const file = await workbook(tallies, rows, entries, periodLabel(payload.period, key), scheme, people, { results: results && { ...results, key }, payroll });
    return publishExport(ctx, [payload.period, key, payload.scope ?? {}], `${payload.period}-${key}`, file);
  },
});

/** The unit a book-keeper exports: its id and, for the refusal, its name. */
interface OwnUnit {
  unit: string;
  name: string | null;
}

/**
 * F2: the secretariat (null: any board), or a unit's book-keeper (支部书记, 分会会长, 村民小组长,
 * 部门经理: the unit they are held to); nobody else learns more. The gate and the handler both ask it.
 */
async function exportReach(ctx: RequestContext): Promise<OwnUnit | null> {
  if (await ctx.isSecretariat()) return null;
  const [member, scheme] = await Promise.all([ctx.member(), ctx.scheme()]);
  const reach = member ? unitExportReach(member, scheme) : null;
  if (!member || !reach) throw new DomainError('FORBIDDEN', `只有秘书处和${unitWord(scheme)}负责人可以导出积分表`);
  return { unit: reach.unit, name: member.branchName };
}

/**
 * F2: a unit's book-keeper exports only their own unit's board, asked as `scope: { branchId }` and
 * nothing else (a facet within the unit would be a board of other rows).
 */
function assertOwnUnit(scope: BoardScope | undefined, reach: OwnUnit, scheme: Scheme): void {
  if (Object.keys(scope ?? {}).length === 1 && scope?.branchId === reach.unit) return;
  const unit = unitWord(scheme);
  const name = reach.name ? `（${reach.name}）` : '';
  throw new DomainError('FORBIDDEN', `您只能导出本${unit}${name}的积分表，范围请选本${unit}；其他范围的积分表请向秘书处索取`);
}

/** Every tally of the board, in board order, 1000 per read. */
async function allBoardTallies(tallyKey: TallyKey, scope: BoardScope | undefined, by: Measure): Promise<StoredTally[]> {
  const out: StoredTally[] = [];
  for (let skip = 0; ; skip += PAGE) {
    const data = await boardRows(tallyKey, scope, PAGE, skip, by);
    out.push(...data);
    if (data.length < PAGE) return out;
  }
}

/** A 考核表 covers a period within one cycle (a month, a quarter, a calendar year's cycle), as its parts are scored. */
function withinOneCycle(range: { from: string; to: string }, calendar: CalendarDef): boolean {
  return periodKeyOf('cycle', range.from, calendar) === periodKeyOf('cycle', range.to, calendar);
}

/**
 * The people of the 考核表: the board's, then, where the board is the whole organisation or one unit,
 * its active members with nothing in the period (every member has a score, 0 with no entries).
 */
async function assessedPeople(rows: RankingRow[], tallies: StoredTally[], scope: BoardScope | undefined): Promise<AssessedPerson[]> {
  const unitOf = new Map(tallies.map((t) => [t.memberId, t.branchId]));
  const people: AssessedPerson[] = rows.map((r) => ({ memberId: r.memberId, name: r.name, branchId: unitOf.get(r.memberId) ?? null, branchName: r.branchName }));
  const keys = Object.keys(scope ?? {});
  if (keys.some((k) => k !== 'branchId')) return people;
  const db = database();
  const where: Record<string, unknown> = { status: 'active' };
  if (scope?.branchId) where.branchId = scope.branchId;
  const [members, branches] = await Promise.all([
    readAll<StoredMember>(db.collection(COLLECTIONS.members).where(where)),
    readAll<Branch>(db.collection(COLLECTIONS.branches)),
  ]);
  const nameOf = new Map(branches.map((b) => [b._id, b.name]));
  const listed = new Set(people.map((p) => p.memberId));
  for (const m of members) {
    if (!listed.has(m._id)) people.push({ memberId: m._id, name: m.name, branchId: m.branchId, branchName: m.branchId ? (nameOf.get(m.branchId) ?? null) : null });
  }
  return people;
}

/** The members' ledger entries in the period ('YYYY-MM-DD' strings compare as dates), by member (in the order given), then date, then when recorded. */
async function entriesOf(memberIds: string[], range: { from: string; to: string } | null): Promise<LedgerEntry[]> {
  const db = database();
  const _ = db.command;
  const byMember = new Map<string, LedgerEntry[]>(memberIds.map((id) => [id, []]));
  let count = 0;
  for (let i = 0; i < memberIds.length; i += MEMBERS_PER_QUERY) {
    const where: Record<string, unknown> = { memberId: _.in(memberIds.slice(i, i + MEMBERS_PER_QUERY)) };
    if (range) where.occurredOn = (_.gte(range.from) as { and(other: unknown): unknown }).and(_.lte(range.to));
    for (let after: string | null = null; ; ) {
      const page: Record<string, unknown> = after === null ? where : { ...where, _id: _.gt(after) };
      const { data } = await db.collection(COLLECTIONS.ledger).where(page).orderBy('_id', 'asc').limit(PAGE).get();
      const entries = data as LedgerEntry[];
      count += entries.length;
      if (count > MAX_EXPORT_ENTRIES) {
        throw new DomainError('INVALID_INPUT', `积分明细超过 ${MAX_EXPORT_ENTRIES} 条，请按年或按月导出`);
      }
      // Spending in the 积分超市 moves the balance, not the board's total (S1): the sheet lists what was earned.
      for (const entry of entries) if (!entry.redemption) byMember.get(entry.memberId)?.push(entry);
      if (entries.length < PAGE) break;
      after = entries[entries.length - 1]._id;
    }
  }
  const order = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const byDate = (a: LedgerEntry, b: LedgerEntry) =>
    order(a.occurredOn, b.occurredOn) || order(a.createdAt, b.createdAt) || order(a._id, b._id);
  return memberIds.flatMap((id) => byMember.get(id)!.sort(byDate));
}

function periodLabel(period: Period, key: string): string {
  if (period === 'month') return `${key} 月度`;
  if (period === 'year') return `${key} 年度`;
  if (period === 'all') return '累计';
  return `${key} ${PERIOD_NAMES[period]}`;
}

/** The 评定结果 list the whole organisation's or one unit's rows (a board of a category or facet has none). */
function unitScoped(scope: BoardScope | undefined): boolean {
  return Object.keys(scope ?? {}).every((k) => k === 'branchId');
}

async function workbook(
  tallies: StoredTally[],
  rows: RankingRow[],
  entries: LedgerEntry[],
  label: string,
  scheme: Scheme,
  people: AssessedPerson[],
  extra: { results: ResultRows | null; payroll: PayrollFigures | null },
): Promise<Buffer> {
  // Loaded on use: exceljs is large and only this action needs it. A plain require (not import()),
  // which the bundle keeps as an external require of the function's installed dependency.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ExcelJS = require('exceljs') as typeof import('exceljs');
  const book = new ExcelJS.Workbook();
  book.creator = '积分制';
  book.title = `积分排行（${label}）`;
  const unit = unitWord(scheme);
  const tallyOf = new Map(tallies.map((t) => [t.memberId, t]));
  const rankOf = new Map(rows.map((r) => [r.memberId, r]));

  const board = book.addWorksheet('排行榜', { views: [{ state: 'frozen', ySplit: 1 }] });
  board.columns = [
    { header: '排名', key: 'rank', width: 8 },
    { header: '姓名', key: 'name', width: 14 },
    { header: unit, key: 'branch', width: 16 },
    { header: scheme.words.category, key: 'tier', width: 12 },
    { header: '职业', key: 'profession', width: 14 },
    { header: '积分', key: 'total', width: 10 },
    ...(rows.some((r) => r.score !== undefined) ? [{ header: '得分', key: 'score', width: 10 }] : []),
  ];
  for (const row of rows) {
    const tally = tallyOf.get(row.memberId)!;
    board.addRow({
      rank: row.rank,
      name: row.name,
      branch: row.branchName ?? NO_BRANCH,
      tier: categoryName(scheme, tally.category) ?? '',
      profession: tally.profession ?? '',
      total: row.total,
      score: row.score,
    });
  }

  const ledger = book.addWorksheet('积分明细', { views: [{ state: 'frozen', ySplit: 1 }] });
  ledger.columns = [
    { header: '排名', key: 'rank', width: 8 },
    { header: '姓名', key: 'name', width: 14 },
    { header: unit, key: 'branch', width: 16 },
    { header: '日期', key: 'occurredOn', width: 12 },
    { header: '项目', key: 'item', width: 28 },
    { header: '积分', key: 'points', width: 8 },
    { header: '说明', key: 'note', width: 40 },
    { header: '记录编号', key: 'id', width: 36 },
  ];
  for (const entry of entries) {
    const row = rankOf.get(entry.memberId)!;
    ledger.addRow({
      rank: row.rank,
      name: row.name,
      branch: row.branchName ?? NO_BRANCH,
      occurredOn: entry.occurredOn,
      item: entry.itemName,
      points: entry.points,
      note: entry.note ?? '',
      id: entry._id,
    });
  }
  for (const sheet of [board, ledger]) sheet.getRow(1).font = { bold: true };
  addAssessmentSheets(book, scheme, { people, entries, label });
  if (extra.results) addResultSheets(book, scheme, extra.results);
  if (extra.payroll) addPayrollSheet(book, extra.payroll, scheme);
  return Buffer.from(await book.xlsx.writeBuffer());
}
