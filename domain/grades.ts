/**
 * Grades and stars of a closed cycle, unit by unit (seeds/001 篇一 三、4 and 篇十五).
 *
 * Grades (等次) go by score bands, with a quota on the top grade: 优秀 "按得分排名确定，最高不超过党员数
 * 的15%" of the unit's members, at least one place where anyone reaches it. A tie at the quota line is
 * broken by the parts the template names (the daily record first: it is the year's conduct, where
 * 评议 is one vote); a tie the parts cannot break takes none of the remaining places, and each tied
 * member is flagged for the 支部大会, which approves the grades anyway ("经党支部大会认可"). Members
 * disqualified by the rules (六个月无正当理由不交纳党费, 当年受到党政纪处分, a 一票否决) get the failing grade
 * whatever their score and take no place. Readings: docs/rules.md G1–G5.
 *
 * Stars (星级) are bands too, with the consequences 篇十五 attaches to them. Both are pure: the shell
 * gives each unit's standings and the earlier cycles' stars.
 */
import { DomainError } from './errors';

export interface GradeBand {
  id: string;
  name: string;
  /** The lowest score of the band. */
  atLeast: number;
}

export interface GradeQuota {
  /** The grade limited (优秀). */
  grade: string;
  /** Its share of the unit's members, rounded down (0.15). */
  share: number;
  /** Places kept however small the unit, where anyone reaches the grade (1). */
  minimum: number;
}

export interface GradeRules {
  /** Highest first. */
  grades: GradeBand[];
  quota?: GradeQuota;
  /** The grade a disqualified member gets whatever the score. */
  disqualified: string;
}

export interface Graded {
  accountId: string;
  score: number;
  /** Part values that break a tie at the quota line, in the template's order (日常, then 评议). */
  tiebreak: number[];
  /** Why the member is failed whatever the score (六个月未交纳党费, 一票否决…). */
  disqualifiedBy?: string | null;
}

export interface GradeResult {
  accountId: string;
  rank: number;
  grade: string;
  flags: string[];
}

const round2 = (n: number) => Math.round(n * 100) / 100;

function bandOf(score: number, grades: readonly GradeBand[]): GradeBand {
  const band = [...grades].sort((a, b) => b.atLeast - a.atLeast).find((g) => score >= g.atLeast);
  if (!band) throw new DomainError('INVALID_INPUT', `得分 ${score} 不在任何等次之内`);
  return band;
}

/** -1 when a ranks before b on the tie-breaking parts, 1 after, 0 when they cannot be told apart. */
function compareTiebreak(a: Graded, b: Graded): number {
  for (let i = 0; i < Math.max(a.tiebreak.length, b.tiebreak.length); i++) {
    const difference = round2((b.tiebreak[i] ?? 0) - (a.tiebreak[i] ?? 0));
    if (difference !== 0) return Math.sign(difference);
  }
  return 0;
}

/** The places of the limited grade in a unit of `members`. */
export function quotaPlaces(quota: GradeQuota, members: number): number {
  return Math.max(quota.minimum, Math.floor(round2(quota.share * members)));
}

/**
 * Grades one unit's standings. Every member of the unit is in `standings` (the quota counts them
 * all); the result is in rank order, ties sharing a rank.
 */
export function gradeUnit(standings: readonly Graded[], rules: GradeRules): GradeResult[] {
  const ordered = [...standings].sort((a, b) => b.score - a.score || compareTiebreak(a, b) || a.accountId.localeCompare(b.accountId));
  const results = new Map<string, GradeResult>();
  let rank = 0;
  ordered.forEach((standing, index) => {
    if (index === 0 || standing.score !== ordered[index - 1].score) rank = index + 1;
    const disqualified = standing.disqualifiedBy;
    const grade = disqualified ? rules.disqualified : bandOf(standing.score, rules.grades).id;
    results.set(standing.accountId, { accountId: standing.accountId, rank, grade, flags: disqualified ? [`${disqualified}：直接视作不合格`] : [] });
  });
  if (rules.quota) applyQuota(ordered, results, rules, rules.quota);
  return ordered.map((s) => results.get(s.accountId) as GradeResult);
}

function applyQuota(ordered: readonly Graded[], results: Map<string, GradeResult>, rules: GradeRules, quota: GradeQuota): void {
  const candidates = ordered.filter((s) => results.get(s.accountId)?.grade === quota.grade);
  const places = quotaPlaces(quota, ordered.length);
  if (candidates.length <= places) return;
  const limited = rules.grades.find((g) => g.id === quota.grade) as GradeBand;
  const next = [...rules.grades].sort((a, b) => b.atLeast - a.atLeast).find((g) => g.atLeast < limited.atLeast);
  if (!next) throw new DomainError('INVALID_INPUT', `等次“${limited.name}”之下没有等次，名额之外的人无处可评`);
  const last = candidates[places - 1];
  const tiedAtLine = (s: Graded) => s.score === last.score && compareTiebreak(s, last) === 0;
  // A tie across the line: everyone tied with the last place is left to the 支部大会.
  const crossing = tiedAtLine(candidates[places]);
  candidates.forEach((standing, index) => {
    const result = results.get(standing.accountId) as GradeResult;
    if (crossing && tiedAtLine(standing)) {
      result.grade = next.id;
      result.flags.push(`与他人并列争最后一个${limited.name}名额，由支部大会确定`);
    } else if (index >= places) {
      result.grade = next.id;
      result.flags.push(`达到${limited.atLeast}分，超出${limited.name}名额（${places}名）`);
    }
  });
}

/** 星级 bands, highest first (篇十五: 90 五星, 80 四星, 70 三星, 60 二星, below 一星). */
export interface StarBand {
  stars: number;
  atLeast: number;
}

export function starOf(score: number, bands: readonly StarBand[]): number {
  const band = [...bands].sort((a, b) => b.atLeast - a.atLeast).find((b) => score >= b.atLeast);
  if (!band) throw new DomainError('INVALID_INPUT', `得分 ${score} 不在任何星级之内`);
  return band.stars;
}

/**
 * What 篇十五 attaches to a member's stars: three years in a row below 三星 (this one and the two
 * before, `earlier` newest first), a 一星 year, and a 预备党员 at 一星.
 */
export function starsFlags(input: { stars: number; earlier: readonly number[]; probationary: boolean }): string[] {
  const flags: string[] = [];
  const run = [input.stars, ...input.earlier.slice(0, 2)];
  if (run.length === 3 && run.every((s) => s < 3)) flags.push('连续三年低于三星级：换届时原则上不得提名为村党组织领导班子成员候选人');
  if (input.stars === 1) flags.push('一星级：定为不合格党员，进行为期6个月的教育转化');
  if (input.stars === 1 && input.probationary) flags.push('预备党员一星级：按组织程序延长预备期或取消预备党员资格');
  return flags;
}
