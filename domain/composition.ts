/**
 * A 100-point composition (SCHEMES.md §2 Composition): a score made of parts, each with its maximum,
 * such as 基础分 70 + 特色分 20 + 评议分 10 (seeds/002 四). Items name the part they count toward.
 *
 * A part's value is what its items earned, capped at its maximum, less what was deducted, never
 * below 0: caps apply to what a part earns, and a deduction lowers the capped value (seeds/002 附件:
 * 扣分 of 0.5 per miss). A part of items that are only deducted (扣完为止, seeds/001 篇一) starts at its
 * maximum. Items may also share a monthly cap (政治学习 15 分/月): their earnings in one month count
 * up to it. The score is the sum of the parts (each times its weight, where parts keep scales of
 * their own), plus a capped bonus outside the scale where the template has one.
 */
import { DomainError } from './errors';

export interface ComponentDef {
  id: string;
  name: string;
  max: number;
  /** Deduction-based: starts at its maximum and items deduct from it (扣完为止). */
  startsFull?: boolean;
  /** A bonus outside the scale (动态管理积分): its maximum is not part of the 100. */
  bonus?: boolean;
  /**
   * The part's share of the score where it is kept on a scale of its own (seeds/001 篇二: 日常考核 and
   * 年度评议 each out of 100, weighted 8:2): it counts `value × weight`. 1 where absent.
   */
  weight?: number;
  /**
   * The lowest value the part may take, 0 where absent. A bonus that also carries deductions for
   * misconduct (seeds/001 篇二 动态管理积分: 奖励性加减分) goes below 0, so a deduction counts against the
   * score whether or not anything was earned; the score itself never goes below 0.
   */
  floor?: number;
}

/** Items sharing a monthly cap: their earnings in one month count up to `perMonth`. */
export interface CapGroupDef {
  id: string;
  name: string;
  perMonth: number;
}

export interface CompositionDef {
  components: ComponentDef[];
  capGroups?: CapGroupDef[];
}

/** What a tally holds of one part: earnings (after monthly caps) and deductions, both ≥ 0 in sum. */
export interface PartTotals {
  earned: number;
  deducted: number;
}

export type Parts = Record<string, PartTotals>;

/** The scale the score is out of: the maxima of the parts that are not bonus. */
export function scaleOf(composition: CompositionDef): number {
  return roundPoints(composition.components.filter((c) => !c.bonus).reduce((sum, c) => sum + c.max * weightOf(c), 0));
}

const weightOf = (part: ComponentDef) => part.weight ?? 1;

/** A part's value in the score: earned (capped at the maximum) less deductions, within its floor (0) and the maximum. */
export function partValue(part: ComponentDef, totals: PartTotals | undefined): number {
  const earned = totals?.earned ?? 0;
  const deducted = totals?.deducted ?? 0;
  const start = part.startsFull ? part.max : 0;
  const value = Math.min(part.max, start + earned) - deducted;
  return roundPoints(Math.min(part.max, Math.max(part.floor ?? 0, value)));
}

/** The score of a tally's parts, never below 0; every account has one, 0 (or the full parts) with no entries. */
export function scoreOf(composition: CompositionDef, parts: Parts | undefined): number {
  return Math.max(0, roundPoints(composition.components.reduce((sum, c) => sum + partValue(c, parts?.[c.id]) * weightOf(c), 0)));
}

/** Each part of a score with its value and maximum, for 我的 and the 考核表. */
export function scoreParts(composition: CompositionDef, parts: Parts | undefined): { id: string; name: string; points: number; max: number }[] {
  return composition.components.map((c) => ({ id: c.id, name: c.name, points: partValue(c, parts?.[c.id]), max: c.max }));
}

/**
 * How much of `points` earned in a month counts, given what the cap group already earned that month:
 * the change of the capped monthly total. A reversal (negative points) gives back what it had added.
 */
export function cappedDelta(perMonth: number, earnedBefore: number, points: number): number {
  const capped = (raw: number) => Math.min(perMonth, Math.max(0, raw));
  return roundPoints(capped(earnedBefore + points) - capped(earnedBefore));
}

export function componentOf(composition: CompositionDef, id: string): ComponentDef {
  const found = composition.components.find((c) => c.id === id);
  if (!found) throw new DomainError('INTERNAL', `unknown component ${id}`);
  return found;
}

/** Points are kept to two decimals (halves and quarters of seeds/001–002 are exact). */
export function roundPoints(value: number): number {
  return Math.round(value * 100) / 100;
}
