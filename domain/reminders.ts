/**
 * 第十九条: 对年度积分排名靠后的会员，采取通报、谈话提醒等方式传压力、提动力、激活力. Which accounts are
 * the bottom of a year's board (docs/rules.md B2), the ways a reminder is given, and what a record
 * of one must say.
 */
import type { BottomRow as BottomRowView } from '../typings/api';
import { DomainError } from './errors';
import { compareCompetitors, type Competitor, type Measure } from './ranking';
import type { Scheme } from './scheme';

/** The ways 第十九条 names; 等方式 is read as these two (B3). */
export const REMINDER_METHODS = { notice: '通报', talk: '谈话提醒' } as const;
export type ReminderMethod = keyof typeof REMINDER_METHODS;

/** B2: the last tenth of the board's ranked accounts, rounded up, and never fewer than three. */
export const BOTTOM_SHARE = 0.1;
export const BOTTOM_LEAST = 3;

/** How much of a board its bottom is: a share of the ranked accounts (rounded up), at least `least`. */
export interface BottomRule {
  share: number;
  least: number;
}

const REMINDER_BOTTOM: BottomRule = { share: BOTTOM_SHARE, least: BOTTOM_LEAST };

export function bottomSize(ranked: number, rule: BottomRule = REMINDER_BOTTOM): number {
  return Math.min(ranked, Math.max(rule.least, Math.ceil(ranked * rule.share)));
}

/** A row of the bottom: its rank on the whole board, and whether the account earned nothing that year. */
export type BottomRow = Omit<BottomRowView, 'reminders'>;

const measureOf = (c: Competitor, by: Measure): number => (by === 'score' ? (c.score ?? 0) : c.total);

/**
 * The bottom of a board of `ranked` accounts, lowest first, from `lowest`: the board's lowest
 * accounts (at least as many as the bottom holds, and every one tied with its last). Accounts tied
 * with the last of the bottom are in it too: they share its rank. `unranked` names the accounts with
 * no tally for the year (every active member counts, B2). `rule` is 第十九条's tenth and three unless a
 * template's 末尾淘汰 says otherwise (seeds/003, docs/rules.md Q13).
 */
export function bottomOfBoard(
  lowest: readonly Competitor[],
  ranked: number,
  by: Measure,
  unranked: ReadonlySet<string> = new Set(),
  rule: BottomRule = REMINDER_BOTTOM,
): BottomRow[] {
  // Lowest first; within a tie by name, as the board lists it.
  const ascending = [...lowest].sort((a, b) => measureOf(a, by) - measureOf(b, by) || compareCompetitors(a, b, by));
  const size = Math.min(bottomSize(ranked, rule), ascending.length);
  if (size === 0) return [];
  const line = measureOf(ascending[size - 1], by);
  const shown = ascending.filter((c) => measureOf(c, by) <= line);
  return shown.map((c) => {
    const m = measureOf(c, by);
    // Competition rank: one more than the accounts strictly above; every account at or below m is shown.
    const atOrBelow = shown.filter((other) => measureOf(other, by) <= m).length;
    const row: BottomRow = {
      memberId: c.memberId,
      name: c.name,
      branchName: c.branchName,
      total: c.total,
      rank: ranked - atOrBelow + 1,
      unranked: unranked.has(c.memberId),
    };
    if (by === 'score') row.score = c.score ?? 0;
    return row;
  });
}

/** A year whose board may carry reminders: one that has begun (B4). */
export function assertReminderYear(year: string, currentYear: string): void {
  if (year > currentYear) throw new DomainError('INVALID_INPUT', `年度不能晚于今年（${currentYear}）`);
}

/** Who is refused the bottom of the board is told who may see it (the template's heads of units, B1). */
export function reminderRefusal(scheme: Scheme): DomainError {
  const heads = scheme.organisation.roles.filter((r) => r.rights.includes('remind')).map((r) => r.name);
  const who = heads.length ? `秘书处和${heads.join('、')}` : '秘书处';
  return new DomainError('FORBIDDEN', `年度排名靠后的${scheme.words.member}名单只有${who}可以查看和记录提醒`);
}
