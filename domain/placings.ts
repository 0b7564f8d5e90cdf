/**
 * Places on a closed period's board and what follows from them (seeds/003): 星级评比 by place, since
 * 积分+ has no upper limit to score against (docs/rules.md Q10); 挂牌公示 of the first 会员单位、理事单位
 * 和会长单位 (Q11); and 末尾淘汰, the last places listed with their history for the 会长会 (Q13–Q15).
 * These need every row of the publication at once, so they are a pass over its rows once the close
 * has drafted them all (server/data/grading.ts). Pure and idempotent: the pass writes
 * only the rows whose place, stars or flags changed.
 */
import type { EliminationRow } from '../typings/api';
import { periodKeyOf, periodRange, type CalendarDef, type Period } from './calendar';
import type { OrganisationDef } from './organisation';
import type { OutcomeRow } from './outcome-rows';
import type { OutcomeRules } from './outcomes';
import { bottomOfBoard } from './reminders';
import { addDays } from './workdays';

/** Q15: how many earlier periods of its kind a 末尾淘汰 row shows. */
export const HISTORY_PERIODS = 3;

/** The keys of the `count` periods of this kind before `key`, newest first (2026-H1 → 2025-H2, 2025-H1…). */
export function earlierKeys(period: Period, key: string, count: number, calendar: CalendarDef): string[] {
  const keys: string[] = [];
  for (let current = key; keys.length < count; ) {
    current = periodKeyOf(period, addDays(periodRange(period, current, calendar).from, -1), calendar);
    keys.push(current);
  }
  return keys;
}

/** What placing reads of a row. */
export type Placed = Pick<OutcomeRow, 'memberId' | 'name' | 'branchName' | 'category' | 'score' | 'total'>;

/** The flags this pass writes start so, and only they are replaced when it runs again. */
export const PLAQUE_FLAG = '挂牌公示：';

/**
 * Accounts on the board: members of a category. An official without one (a 统战部 liaison) is not
 * one of the members the rules rank (as 第十九条's bottom, docs/rules.md B2).
 */
export const onBoard = <T extends Pick<Placed, 'category'>>(rows: readonly T[]): T[] => rows.filter((r) => r.category !== null);

/** Competition places by score, highest first (equal scores share a place: 1, 2, 2, 4). */
export function placesOf(rows: readonly Placed[]): Map<string, number> {
  const scores = onBoard(rows).map((r) => r.score).sort((a, b) => b - a);
  const first = new Map<number, number>();
  scores.forEach((score, i) => first.has(score) || first.set(score, i + 1));
  return new Map(onBoard(rows).map((row) => [row.memberId, first.get(row.score)!]));
}

/**
 * Q10: the stars of a place among `ranked` accounts: the first band whose share of the board, rounded
 * up, reaches the place; beyond every band, the last. An account that earned nothing in the period
 * has the last band wherever its place falls.
 */
export function starsByPlace(place: number, ranked: number, score: number, bands: NonNullable<OutcomeRules['rankStars']>): number {
  const last = bands[bands.length - 1].stars;
  if (score <= 0) return last;
  return bands.find((band) => place <= Math.ceil(band.share * ranked))?.stars ?? last;
}

/**
 * Q11: the plaques of the rows: within each named category, the accounts whose place among that
 * category's accounts is within `top` (ties at the line included), with a point at least.
 */
export function plaquesOf(rows: readonly Placed[], plaques: NonNullable<OutcomeRules['plaques']>, organisation: OrganisationDef): Map<string, string> {
  const out = new Map<string, string>();
  for (const category of plaques.categories) {
    const name = organisation.categories.find((c) => c.id === category)?.name ?? category;
    const own = rows.filter((r) => r.category === category);
    for (const [memberId, place] of placesOf(own)) {
      const row = own.find((r) => r.memberId === memberId)!;
      if (place <= plaques.top && row.score > 0) out.set(memberId, `${PLAQUE_FLAG}${name}第${place}名`);
    }
  }
  return out;
}

/**
 * The rows of an assessed period placed: each member's place on the board (`rank`), its stars by
 * place and its plaque flag, where the rules have them. Answers only the rows that changed.
 */
export function placeRows(rows: readonly OutcomeRow[], rules: OutcomeRules, organisation: OrganisationDef): OutcomeRow[] {
  if (!rules.rankStars && !rules.plaques && !rules.bottom) return [];
  const places = placesOf(rows);
  const ranked = places.size;
  const plaques = rules.plaques ? plaquesOf(rows, rules.plaques, organisation) : new Map<string, string>();
  const changed: OutcomeRow[] = [];
  for (const row of rows) {
    const place = places.get(row.memberId);
    const stars = rules.rankStars && place !== undefined ? starsByPlace(place, ranked, row.score, rules.rankStars) : row.stars;
    const plaque = plaques.get(row.memberId);
    const flags = [...row.flags.filter((f) => !f.startsWith(PLAQUE_FLAG)), ...(plaque ? [plaque] : [])];
    const next: OutcomeRow = { ...row, stars, flags };
    if (place !== undefined) next.rank = place;
    else delete next.rank;
    if (next.stars !== row.stars || next.rank !== row.rank || flags.join('\n') !== row.flags.join('\n')) changed.push(next);
  }
  return changed;
}

/** An earlier period of the same kind: its key and its rows (none where it was never closed). */
export interface EarlierBoard {
  key: string;
  rows: readonly Placed[];
}

/**
 * Q13–Q15 末尾淘汰: the last places of a closed period's board, the last `share` of the ranked
 * accounts rounded up and at least `least`, every account tied with the last included, lowest
 * first; each with its total and place in the earlier periods given (newest first; place null where
 * it was not on that board).
 */
export function eliminationRows(rows: readonly Placed[], bottom: { share: number; least: number }, earlier: readonly EarlierBoard[]): EliminationRow[] {
  const members = onBoard(rows);
  const competitors = members.map((r) => ({ memberId: r.memberId, name: r.name, branchName: r.branchName, total: r.total, score: r.score }));
  const last = bottomOfBoard(competitors, members.length, 'score', new Set(), bottom);
  const byId = new Map(members.map((r) => [r.memberId, r]));
  const before = earlier.map(({ key, rows: earlierRows }) => ({ key, places: placesOf(earlierRows), rows: new Map(earlierRows.map((r) => [r.memberId, r])) }));
  return last.map((row) => ({
    memberId: row.memberId,
    name: row.name,
    branchName: row.branchName,
    category: byId.get(row.memberId)!.category,
    total: row.total,
    rank: row.rank,
    history: before.map(({ key, places, rows: was }) => ({ key, total: was.get(row.memberId)?.total ?? 0, rank: places.get(row.memberId) ?? null })),
  }));
}
