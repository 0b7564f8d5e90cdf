/**
 * 第十六条 排名: competition ranking (equal measures share a rank: 1, 2, 2, 4), a deterministic order
 * within a tie, the caller's own rank. Members who left are not ranked (第十七条). A board ranks by
 * points, or by score on the cycle of a template with a composition (SCHEMES.md §3 Scores).
 */
import type { RankingRow } from '../typings/api';
import type { MemberStatus } from '../typings/models';

/** One account on a board: what the tally holds of it. */
export interface Competitor {
  memberId: string;
  name: string;
  branchName: string | null;
  total: number;
  score?: number;
  status?: MemberStatus;
}

/** What a board ranks by. */
export type Measure = 'total' | 'score';

const measureOf = (c: Competitor, by: Measure): number => (by === 'score' ? (c.score ?? 0) : c.total);

/**
 * Board order: the measure descending, then name, then memberId, by plain code-unit comparison so
 * the database's sort and this one agree.
 */
export function compareCompetitors(a: Competitor, b: Competitor, by: Measure = 'total'): number {
  const [x, y] = [measureOf(a, by), measureOf(b, by)];
  if (x !== y) return y - x;
  if (a.name !== b.name) return a.name < b.name ? -1 : 1;
  if (a.memberId !== b.memberId) return a.memberId < b.memberId ? -1 : 1;
  return 0;
}

/** Rank of a measure when `higher` ranked members have a strictly greater one. */
export function competitionRank(higher: number): number {
  return higher + 1;
}

/**
 * Ranks competitors (in any order) and returns the first `limit` rows. Ranks count every active
 * member above, so a tie straddling the limit still shows the right rank.
 */
export function rankBoard(competitors: readonly Competitor[], limit = Infinity, by: Measure = 'total'): RankingRow[] {
  const ranked = competitors.filter((c) => c.status !== 'left').sort((a, b) => compareCompetitors(a, b, by));
  const rows: RankingRow[] = [];
  for (let i = 0; i < ranked.length && rows.length < limit; i++) {
    const { memberId, name, branchName, total } = ranked[i];
    const same = i > 0 && measureOf(ranked[i - 1], by) === measureOf(ranked[i], by);
    const row: RankingRow = { memberId, name, branchName, total, rank: same ? rows[i - 1].rank : competitionRank(i) };
    if (by === 'score') row.score = ranked[i].score ?? 0;
    rows.push(row);
  }
  return rows;
}

/**
 * The caller's own rank and total on a board of all its competitors: null rank when they are not on
 * it (no points in the period, or they left); total 0 when they have no tally.
 */
export function ownRank(competitors: readonly Competitor[], memberId: string, by: Measure = 'total'): { rank: number | null; total: number } {
  const mine = competitors.find((c) => c.memberId === memberId);
  if (!mine) return { rank: null, total: 0 };
  if (mine.status === 'left') return { rank: null, total: mine.total };
  const higher = competitors.filter((c) => c.status !== 'left' && measureOf(c, by) > measureOf(mine, by)).length;
  return { rank: competitionRank(higher), total: mine.total };
}
