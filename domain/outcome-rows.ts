/**
 * The rows of a closed period (SCHEMES.md §3: one row per active account, with score, grade, warning,
 * stars and veto): the score is the cycle's composition score (every account has one, 0 or its full
 * parts with no entries), or for a shorter period its points; the cycle's rows are assessed by the
 * template's outcome rules (outcomes.ts), with the accounts' earlier cycles for the repeat rules and
 * the vetoes in force (vetoes.ts: 归零 before the assessment, so warnings and stars see the 0).
 *
 * Grades and ranks are a second pass over a whole unit's rows once every row is drafted (the quota
 * counts the unit's members): `gradeChanges` answers the rows whose grade, rank or grade flags differ
 * from what is stored. The grade's flags live in `gradeFlags`, apart from the assessment's `flags`,
 * so drafting a row again and grading it again never undo each other; a view shows both.
 */
import type { OutcomeView, Period, Veto } from '../typings/api';
import type { MemberRecord } from '../typings/models';
import { scoreOf, scoreParts } from './composition';
import { gradeUnit } from './grades';
import { assess, type EarlierOutcome } from './outcomes';
import type { TallyFigures } from './posting';
import type { Scheme } from './scheme';
import { disqualification, disqualifies, zeroFlag } from './vetoes';

/** A row as stored: the contract's view of it (OutcomeView, by `_id`) and what it is filed under. */
export interface OutcomeRow extends Omit<OutcomeView, 'outcomeId'> {
  /** `${period}:${key}:${memberId}`. */
  _id: string;
  publication: string;
  period: Period;
  key: string;
  branchId: string | null;
  category: string | null;
  /** The grading pass's flags (超出优秀名额, 并列由支部大会确定, 直接视作不合格); shown after `flags`. */
  gradeFlags?: string[];
}

/** What the grading pass writes on a row. */
export type GradeFields = Required<Pick<OutcomeRow, 'rank' | 'grade' | 'gradeName' | 'gradeFlags'>>;

export const outcomeId = (period: Period, key: string, memberId: string): string => `${period}:${key}:${memberId}`;

/** The flags a row shows: the assessment's, then the grading pass's (docs/rules.md G11). */
export const shownFlags = (row: Pick<OutcomeRow, 'flags' | 'gradeFlags'>): string[] => [...row.flags, ...(row.gradeFlags ?? [])];

export type Account = Pick<MemberRecord, '_id' | 'name' | 'branchId' | 'branchName' | 'category'>;

/**
 * Whether a period's rows are assessed: a period the template's outcome rules name (`periods`; by
 * default the cycle: seeds/003 评比 each half-year too) of an annual template with outcome rules.
 */
export function assessed(period: Period, scheme: Scheme): boolean {
  if (!scheme.outcomes || scheme.calendar.cycle.kind !== 'annual') return false;
  return (scheme.outcomes.periods ?? ['cycle']).includes(period);
}

/**
 * `vetoes`: the vetoes in force for the cycle, by member (only an assessed cycle's rows take them).
 */
export function draftRows(
  accounts: readonly Account[],
  figures: ReadonlyMap<string, TallyFigures | null>,
  earlier: ReadonlyMap<string, EarlierOutcome[]>,
  target: { period: Period; key: string; publication: string },
  scheme: Scheme,
  vetoes: ReadonlyMap<string, Veto> = new Map(),
): OutcomeRow[] {
  const scored = target.period === 'cycle' && scheme.composition && scheme.calendar.cycle.kind === 'annual' ? scheme.composition : null;
  const rows = accounts.map((account): OutcomeRow => {
    const tally = figures.get(account._id) ?? null;
    const row: OutcomeRow = {
      _id: outcomeId(target.period, target.key, account._id),
      publication: target.publication,
      period: target.period,
      key: target.key,
      memberId: account._id,
      name: account.name,
      branchId: account.branchId,
      branchName: account.branchName,
      category: account.category,
      score: scored ? scoreOf(scored, tally?.parts) : (tally?.total ?? 0),
      total: tally?.total ?? 0,
      parts: scored ? scoreParts(scored, tally?.parts) : null,
      grade: null,
      gradeName: null,
      warning: null,
      stars: null,
      vetoed: false,
      flags: [],
    };
    const veto = assessed(target.period, scheme) ? vetoes.get(account._id) : undefined;
    return veto ? withVeto(row, veto, scheme) : row;
  });
  if (!assessed(target.period, scheme)) return rows;
  const assessments = assess(
    rows.map((r) => ({ accountId: r.memberId, score: r.score, category: r.category })),
    scheme.outcomes!,
    earlier,
  );
  return rows.map((row, i) => ({
    ...row,
    warning: assessments[i].warning,
    stars: assessments[i].stars,
    flags: row.vetoed && row.veto ? [zeroFlag(row.veto), ...assessments[i].flags] : assessments[i].flags,
  }));
}

/**
 * A veto in force on a row (X4): 'zero' sets the score to 0 (篇二十一: 积分归零; the parts and the
 * total stay as recorded, the 考核表 shows what was earned), 'fail' keeps it; both give the failing
 * grade whatever the score (篇一: 直接视作不合格), which the grading pass confirms with its flag.
 */
function withVeto(row: OutcomeRow, veto: Veto, scheme: Scheme): OutcomeRow {
  const shown = { condition: veto.condition, conditionName: veto.conditionName, reason: veto.reason, effect: veto.effect };
  // 'bar' (H19): neither 0 nor failed; the row shows it, and redemption is refused elsewhere.
  if (veto.effect === 'bar') return { ...row, veto: shown };
  const grades = scheme.outcomes?.grades;
  const failing = grades?.grades.find((g) => g.id === grades.disqualified);
  return {
    ...row,
    score: veto.effect === 'zero' ? 0 : row.score,
    vetoed: veto.effect === 'zero',
    veto: { condition: veto.condition, conditionName: veto.conditionName, reason: veto.reason, effect: veto.effect },
    grade: failing?.id ?? null,
    gradeName: failing?.name ?? null,
  };
}

/**
 * Grades one unit's rows (every row of the unit in the publication: the quota counts them all) by the
 * template's grades (篇一 三、4; docs/rules.md G1–G5, G6–G19): the place by score, the grade with its
 * quota, a tie at the quota line broken by the parts `grades.tiebreak` names, a veto failing the row.
 */
export function gradedFields(rows: readonly OutcomeRow[], scheme: Scheme): Map<string, GradeFields> {
  const grades = scheme.outcomes?.grades;
  if (!grades) return new Map();
  const names = new Map(grades.grades.map((g) => [g.id, g.name]));
  const standings = rows.map((row) => ({
    accountId: row._id,
    score: row.score,
    tiebreak: grades.tiebreak.map((part) => row.parts?.find((p) => p.id === part)?.points ?? 0),
    disqualifiedBy: row.veto && disqualifies(row.veto) ? disqualification(row.veto) : null,
  }));
  return new Map(
    gradeUnit(standings, grades).map((r) => [r.accountId, { rank: r.rank, grade: r.grade, gradeName: names.get(r.grade) ?? r.grade, gradeFlags: r.flags }]),
  );
}

/**
 * The rows of one unit whose grade, rank or grade flags differ from what they hold: the pass writes
 * only these. `graded`: the unit's fields when already worked out (gradedFields of all its rows).
 */
export function gradeChanges(rows: readonly OutcomeRow[], scheme: Scheme, graded = gradedFields(rows, scheme)): { row: OutcomeRow; fields: GradeFields }[] {
  return rows.flatMap((row) => {
    const fields = graded.get(row._id);
    if (!fields) return [];
    const same = row.rank === fields.rank && row.grade === fields.grade && row.gradeName === fields.gradeName && sameFlags(row.gradeFlags, fields.gradeFlags);
    return same ? [] : [{ row, fields }];
  });
}

const sameFlags = (a: readonly string[] | undefined, b: readonly string[]): boolean => a !== undefined && a.length === b.length && a.every((f, i) => f === b[i]);

/** Whether a period's rows are graded: an assessed cycle of a template with grades. */
export function graded(period: Period, scheme: Scheme): boolean {
  return assessed(period, scheme) && Boolean(scheme.outcomes?.grades);
}

/**
 * The order a unit's list shows its rows in: by score, and within a tie by grade, the higher first
 * (G3: of two tied at 94.2 the one the 日常 placed 优秀 comes before the one past the quota line, so
 * the quota line falls between them). The store orders by score and name; this reorders ties only.
 */
export function listOrder<T extends Pick<OutcomeRow, 'score' | 'grade'>>(rows: readonly T[], scheme: Scheme): T[] {
  const bands = scheme.outcomes?.grades?.grades;
  if (!bands) return [...rows];
  const standing = (row: T) => {
    const index = bands.findIndex((band) => band.id === row.grade);
    return index < 0 ? bands.length : index;
  };
  return rows.map((row, index) => ({ row, index })).sort((a, b) => b.row.score - a.row.score || standing(a.row) - standing(b.row) || a.index - b.index).map(({ row }) => row);
}
