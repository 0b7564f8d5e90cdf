/**
 * What a closed period means for each account (SCHEMES.md §2 OutcomeRule): warnings by score band,
 * with their own thresholds for a category (预备党员), and flags for a warning repeated over
 * consecutive cycles (seeds/002 七(二): 黄色预警 60–69, 红色预警 < 60 and no 评先评优 that year, 连续两年
 * 低于 60 分 for the 支部书记 to handle, 预备党员 below 70 talked to and below 60 their probation
 * possibly extended), and stars by score band with what seeds/001 篇十五 attaches to them. `assess` is
 * pure: the shell loads the standings and the earlier outcomes.
 */
import { starOf, starsFlags, type StarBand } from './grades';

/** A band: scores below `below` (and at or above the next lower band) get it. */
export interface WarningBand {
  below: number;
  id: string;
  name: string;
  /** What follows from it, shown with the outcome (取消评先评优资格). */
  consequence?: string;
}

export interface RepeatRule {
  /** The warning that repeats. */
  warning: string;
  /** How many consecutive cycles, this one included. */
  cycles: number;
  flag: string;
}

export interface OutcomeRules {
  warnings?: WarningBand[];
  /** Thresholds of a category of account (e.g. probationary party members), shown as flags. */
  categoryWarnings?: { category: string; bands: WarningBand[] }[];
  repeats?: RepeatRule[];
  /** 星级 (seeds/001 篇十五): bands by score, and the category whose 一星 is flagged (预备党员). */
  stars?: { bands: StarBand[]; probationary?: string };
}

/** What an account got in an earlier cycle, for the rules that look back. */
export interface EarlierOutcome {
  warning: string | null;
  stars: number | null;
}

/** How many earlier cycles the rules look back over. */
export function lookBack(rules: OutcomeRules): number {
  const repeats = Math.max(1, ...(rules.repeats ?? []).map((r) => r.cycles)) - 1;
  // 三年评定均低于三星级: this cycle and the two before.
  return Math.max(repeats, rules.stars ? 2 : 0);
}

/** An account's score in a closed cycle. */
export interface Scored {
  accountId: string;
  score: number;
  category: string | null;
}

export interface Assessment {
  accountId: string;
  warning: string | null;
  stars: number | null;
  /** Named consequences and flags, in Chinese, for the people who act on them. */
  flags: string[];
}

/** The band a score falls in: the one with the lowest threshold above it. */
export function bandOf(score: number, bands: readonly WarningBand[]): WarningBand | null {
  return [...bands].sort((a, b) => a.below - b.below).find((band) => score < band.below) ?? null;
}

/**
 * Assesses each standing of a closed cycle. `earlier` gives each account's warnings of the cycles
 * before, newest first, for the repeat rules.
 */
export function assess(standings: readonly Scored[], rules: OutcomeRules, earlier: ReadonlyMap<string, EarlierOutcome[]> = new Map()): Assessment[] {
  return standings.map((standing) => {
    const band = rules.warnings ? bandOf(standing.score, rules.warnings) : null;
    const flags: string[] = [];
    if (band?.consequence) flags.push(band.consequence);
    for (const { category, bands } of rules.categoryWarnings ?? []) {
      if (standing.category !== category) continue;
      const own = bandOf(standing.score, bands);
      if (own) flags.push(own.consequence ?? own.name);
    }
    for (const repeat of rules.repeats ?? []) {
      if (band?.id !== repeat.warning) continue;
      const before = (earlier.get(standing.accountId) ?? []).map((e) => e.warning);
      const run = before.slice(0, repeat.cycles - 1);
      if (run.length === repeat.cycles - 1 && run.every((w) => w === repeat.warning)) flags.push(repeat.flag);
    }
    let stars: number | null = null;
    if (rules.stars) {
      stars = starOf(standing.score, rules.stars.bands);
      // A cycle with no stars on record (before the rule, or not assessed) breaks the run of three.
      const before = (earlier.get(standing.accountId) ?? []).map((e) => e.stars ?? 99);
      flags.push(...starsFlags({ stars, earlier: before, probationary: Boolean(rules.stars.probationary) && standing.category === rules.stars.probationary }));
    }
    return { accountId: standing.accountId, warning: band?.id ?? null, stars, flags };
  });
}
