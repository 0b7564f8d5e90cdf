/**
 * What one ledger entry does to its account's tallies (SPEC §4 Ledger and tallies; SCHEMES.md §2
 * Tally): which tallies it touches, by the template's calendar, and how each changes. Pure: the
 * data layer reads the tallies named here, applies the result and writes them in the same
 * transaction as the entry.
 *
 * Every tally adds the entry's points to its total. Where the template has a composition, the
 * cycle's tally also keeps each part's earnings and deductions and its score (composition.ts), and
 * the month's tally keeps what each monthly cap group earned, so a capped item counts only up to its
 * cap however its entries arrive, reversals included.
 */
import { effectivePeriod, periodKeyOf, tallyKeyOf, tallyKeysOf, type CalendarDef, type TallyKey } from './calendar';
import { cappedDelta, roundPoints, scoreOf, type CompositionDef, type Parts } from './composition';
import { DomainError } from './errors';

/** What the posting needs of an entry: its points and, from its item, where they count. */
export interface PostedLine {
  points: number;
  occurredOn: string;
  /** The part of the composition the item counts toward. */
  component?: string;
  /** The monthly cap group the item belongs to. */
  capGroup?: string;
  /** A deduction item: its (negative) points are deductions of its part; a reversal's are positive. */
  deduction?: boolean;
  /**
   * 积分超市: the line spends (negative points) or returns (positive) points of the balance. It
   * touches the all-time tally's `spent` alone: the cumulative total and the period boards never move
   * (seeds/004 第三篇: 累计积分不清零; docs/rules.md S1).
   */
  spend?: boolean;
}

/** The running figures of one tally. */
export interface TallyFigures {
  total: number;
  /** Cycle tallies of a composition: each part's earnings and deductions. */
  parts?: Parts;
  /** The score of `parts` (cycle tallies of a composition). */
  score?: number;
  /** Month tallies: what each monthly cap group earned before its cap. */
  capGroups?: Record<string, number>;
  /** The all-time tally: points spent in the 积分超市, net of returns; the balance is `total - spent`. */
  spent?: number;
}

export interface PostingRules {
  calendar: CalendarDef;
  composition?: CompositionDef;
}

export const EMPTY_FIGURES: TallyFigures = { total: 0 };

/** The tally keys a line touches: a spending line the all-time tally only. */
export function touchedTallies(line: Pick<PostedLine, 'occurredOn' | 'spend'>, rules: PostingRules): TallyKey[] {
  return line.spend ? ['all'] : tallyKeysOf(line.occurredOn, rules.calendar);
}

/** The key of the tally that holds the score: the cycle's (all time for a permanent template). */
export function scoredTallyKey(occurredOn: string, calendar: CalendarDef): TallyKey {
  const period = effectivePeriod('cycle', calendar);
  return tallyKeyOf(period, periodKeyOf(period, occurredOn, calendar));
}

/**
 * The figures of every tally the line touches after it, given their figures before (a missing tally
 * counts as empty). The result has one entry per touched key.
 */
export function applyEntry(line: PostedLine, before: ReadonlyMap<TallyKey, TallyFigures | null>, rules: PostingRules): Map<TallyKey, TallyFigures> {
  const after = new Map<TallyKey, TallyFigures>();
  if (line.spend) {
    const current = before.get('all') ?? EMPTY_FIGURES;
    after.set('all', { ...current, spent: roundPoints((current.spent ?? 0) - line.points) });
    return after;
  }
  const keys = touchedTallies(line, rules);
  const monthKey = tallyKeyOf('month', periodKeyOf('month', line.occurredOn, rules.calendar));
  const scoredKey = scoredTallyKey(line.occurredOn, rules.calendar);

  // What the line adds to its part, after the monthly cap of its group.
  let partDelta = line.points;
  let monthCaps: Record<string, number> | undefined;
  const group = line.capGroup && !line.deduction ? rules.composition?.capGroups?.find((g) => g.id === line.capGroup) : undefined;
  if (line.capGroup && !line.deduction && !group) throw new DomainError('INTERNAL', `unknown cap group ${line.capGroup}`);
  if (group) {
    if (!keys.includes(monthKey)) throw new DomainError('INTERNAL', 'monthly caps need month tallies');
    const month = before.get(monthKey) ?? EMPTY_FIGURES;
    const raw = month.capGroups?.[group.id] ?? 0;
    partDelta = cappedDelta(group.perMonth, raw, line.points);
    monthCaps = { ...month.capGroups, [group.id]: roundPoints(raw + line.points) };
  }

  for (const key of keys) {
    const current = before.get(key) ?? EMPTY_FIGURES;
    const next: TallyFigures = { ...current, total: roundPoints(current.total + line.points) };
    if (key === monthKey && monthCaps) next.capGroups = monthCaps;
    if (key === scoredKey && rules.composition) {
      const parts: Parts = { ...current.parts };
      if (line.component) {
        const part = parts[line.component] ?? { earned: 0, deducted: 0 };
        parts[line.component] = line.deduction
          ? { earned: part.earned, deducted: roundPoints(part.deducted - line.points) }
          : { earned: roundPoints(part.earned + partDelta), deducted: part.deducted };
      }
      next.parts = parts;
      next.score = scoreOf(rules.composition, parts);
    }
    after.set(key, next);
  }
  return after;
}

/**
 * The parts that one account's entries of a period within one cycle earn on their own (a 考核表 of a
 * month or a quarter): the entries applied in turn from nothing, as posting applies them.
 */
export function partsOfLines(lines: readonly PostedLine[], rules: PostingRules): Parts {
  const figures = new Map<TallyKey, TallyFigures | null>();
  for (const line of lines) {
    for (const [key, next] of applyEntry(line, figures, rules)) figures.set(key, next);
  }
  const cycles = new Set(lines.map((line) => scoredTallyKey(line.occurredOn, rules.calendar)));
  if (cycles.size > 1) throw new DomainError('INTERNAL', 'parts of entries from more than one cycle');
  const [cycle] = cycles;
  return (cycle && figures.get(cycle)?.parts) || {};
}
