/**
 * The rows of a closed period (SCHEMES.md §3: one row per active account, with score, grade, warning,
 * stars and veto): the score is the cycle's composition score (every account has one, 0 or its full
 * parts with no entries), or for a shorter period its points; the cycle's rows are assessed by the
 * template's outcome rules (outcomes.ts), with the accounts' earlier cycles for the repeat rules.
 */
import type { OutcomeView, Period } from '../typings/api';
import type { MemberRecord } from '../typings/models';
import { scoreOf, scoreParts } from './composition';
import { assess, type EarlierOutcome } from './outcomes';
import type { TallyFigures } from './posting';
import type { Scheme } from './scheme';

/** A row as stored: the contract's view of it (OutcomeView, by `_id`) and what it is filed under. */
export interface OutcomeRow extends Omit<OutcomeView, 'outcomeId'> {
  /** `${period}:${key}:${memberId}`. */
  _id: string;
  publication: string;
  period: Period;
  key: string;
  branchId: string | null;
  category: string | null;
}

export const outcomeId = (period: Period, key: string, memberId: string): string => `${period}:${key}:${memberId}`;

export type Account = Pick<MemberRecord, '_id' | 'name' | 'branchId' | 'branchName' | 'category'>;

/**
 * Whether a period's rows are assessed: a period the template's outcome rules name (`periods`; by
 * default the cycle: seeds/003 评比 each half-year too) of an annual template with outcome rules.
 */
export function assessed(period: Period, scheme: Scheme): boolean {
  if (!scheme.outcomes || scheme.calendar.cycle.kind !== 'annual') return false;
  return (scheme.outcomes.periods ?? ['cycle']).includes(period);
}

export function draftRows(
  accounts: readonly Account[],
  figures: ReadonlyMap<string, TallyFigures | null>,
  earlier: ReadonlyMap<string, EarlierOutcome[]>,
  target: { period: Period; key: string; publication: string },
  scheme: Scheme,
): OutcomeRow[] {
  const scored = target.period === 'cycle' && scheme.composition && scheme.calendar.cycle.kind === 'annual' ? scheme.composition : null;
  const rows = accounts.map((account): OutcomeRow => {
    const tally = figures.get(account._id) ?? null;
    return {
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
  });
  if (!assessed(target.period, scheme)) return rows;
  const assessments = assess(
    rows.map((r) => ({ accountId: r.memberId, score: r.score, category: r.category })),
    scheme.outcomes!,
    earlier,
  );
  return rows.map((row, i) => ({ ...row, warning: assessments[i].warning, stars: assessments[i].stars, flags: assessments[i].flags }));
}
