/**
 * 第十六条 排名: competition ranking (equal totals share a rank: 1, 2, 2, 4), a deterministic order
 * within a tie, the caller's own rank. Members who left are not ranked (第十七条).
 */
import type { RankingRow } from '../typings/api';
import type { MemberStatus } from '../typings/models';

export interface Standing {
  memberId: string;
  name: string;
  branchName: string | null;
  total: number;
  status?: MemberStatus;
}

/**
 * Board order: total descending, then name, then memberId, by plain code-unit comparison so the
 * database's sort and this one agree.
 */
export function compareStandings(a: Standing, b: Standing): number {
  if (a.total !== b.total) return b.total - a.total;
  if (a.name !== b.name) return a.name < b.name ? -1 : 1;
  if (a.memberId !== b.memberId) return a.memberId < b.memberId ? -1 : 1;
  return 0;
}

/** Rank of a total when `higher` ranked members have a strictly greater total. */
export function competitionRank(higher: number): number {
  return higher + 1;
}

/**
 * Ranks standings (in any order) and returns the first `limit` rows. Ranks count every active
 * member above, so a tie straddling the limit still shows the right rank.
 */
export function rankBoard(standings: readonly Standing[], limit = Infinity): RankingRow[] {
  const ranked = standings.filter((s) => s.status !== 'left').sort(compareStandings);
  const rows: RankingRow[] = [];
  for (let i = 0; i < ranked.length && rows.length < limit; i++) {
    const { memberId, name, branchName, total } = ranked[i];
    const rank = i > 0 && ranked[i - 1].total === total ? rows[i - 1].rank : competitionRank(i);
    rows.push({ memberId, name, branchName, total, rank });
  }
  return rows;
}

/**
 * The caller's own rank and total on a board of all its standings: null rank when they are not on
 * it (no points in the period, or they left); total 0 when they have no standing.
 */
export function ownRank(standings: readonly Standing[], memberId: string): { rank: number | null; total: number } {
  const mine = standings.find((s) => s.memberId === memberId);
  if (!mine) return { rank: null, total: 0 };
  if (mine.status === 'left') return { rank: null, total: mine.total };
  const higher = standings.filter((s) => s.status !== 'left' && s.total > mine.total).length;
  return { rank: competitionRank(higher), total: mine.total };
}
