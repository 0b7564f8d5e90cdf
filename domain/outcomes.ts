/**
 * What a closed period means for each account (SCHEMES.md §2 OutcomeRule): warnings by score band,
 * with their own thresholds for a category (预备党员), and flags for a warning repeated over
 * consecutive cycles (seeds/002 七(二): 黄色预警 60–69, 红色预警 < 60 and no 评先评优 that year, 连续两年
 * 低于 60 分 for the 支部书记 to handle, 预备党员 below 70 talked to and below 60 their probation
 * possibly extended), and stars by score band with what seeds/001 篇十五 attaches to them. `assess` is
 * pure: the shell loads the standings and the earlier outcomes.
 */
import { starOf, starsFlags, type GradeRules, type StarBand } from './grades';
import type { Period } from './calendar';

/**
 * A condition of 一票否决 or disqualification the template lists (seeds/001 篇二十一: 触犯刑律…, the score
 * 归零; 篇一: 六个月无正当理由不交纳党费, 受到党纪处分: 直接视作不合格): `zero` sets the cycle's score to 0
 * and the failing grade, `fail` keeps the score and gives the failing grade, `bar` leaves both and bars
 * the account from the 积分超市 (篇十七 14: 在规定期限内仍可积分但不参与积分兑换奖励).
 */
export interface VetoCondition {
  id: string;
  name: string;
  /** 'bar': the account keeps earning but may not redeem for the year (001 篇十七 四 14; the 积分超市 enforces it). */
  effect: 'zero' | 'fail' | 'bar';
  article: string;
}

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
  /**
   * The periods whose rows are assessed (default: the cycle of an annual template). seeds/003 评比
   * each half-year.
   */
  periods?: Period[];
  /** 等次 within each unit (seeds/001 篇一 三、4), with the parts (component ids) that break a tie at the quota line. */
  grades?: GradeRules & { tiebreak: string[] };
  /** The conditions of a veto (veto.propose) the template knows; a veto needs the `veto` chain. */
  vetoes?: VetoCondition[];
  /**
   * 星级评比 by place rather than score (seeds/003: 结合积分管理建立星级评比机制, with no upper limit to
   * score against): the top `share` of the board gets `stars`, highest first, the rest the last band.
   */
  rankStars?: { stars: number; share: number }[];
  /** 末尾淘汰 (seeds/003): the last `share` of a closed period's board, at least `least`, ties included. */
  bottom?: { share: number; least: number };
  /** 挂牌公示 (seeds/003): the first `top` accounts of each of these categories (会员单位, 理事单位, 会长单位). */
  plaques?: { categories: string[]; top: number };
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
