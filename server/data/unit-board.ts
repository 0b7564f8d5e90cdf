/**
 * The board of units (SCHEMES.md §3 Boards, ranking.get by: 'unit'): each unit's active members'
 * points in the period summed by the database, ranked by that total with the members' board order
 * (ties share a rank, then by name). Every unit has a row, 0 with no points; the average is over the
 * unit's active members on the board (of a category: a 村民小组长 or other official without one has no
 * account, docs/rules.md H11), of points or of the score where the period ranks by score.
 */
import type { UnitRankingRow } from '../../typings/api';
import type { Branch } from '../../typings/models';
import { rankBoard, type Measure } from '../../domain/ranking';
import type { TallyKey } from '../../domain/tally';
import { database } from '../cloud';
import { COLLECTIONS } from './collections';
import { readAll } from './members';

const round2 = (n: number) => Math.round(n * 100) / 100;

async function sumsByUnit(collection: string, match: object, field: string | null): Promise<Map<string, number>> {
  const $ = database().command.aggregate;
  const { list } = await database()
    .collection(collection)
    .aggregate()
    .match(match)
    .group({ _id: '$branchId', sum: field ? $.sum(`$${field}`) : $.sum(1) })
    .limit(1000)
    .end();
  return new Map((list as { _id: string | null; sum: number }[]).filter((g) => g._id).map((g) => [g._id as string, g.sum]));
}

export async function unitBoard(tallyKey: TallyKey, by: Measure): Promise<UnitRankingRow[]> {
  const db = database();
  const unitsOnly = { status: 'active', branchId: db.command.neq(null) };
  const [units, totals, measures, members] = await Promise.all([
    readAll<Branch>(db.collection(COLLECTIONS.branches)),
    sumsByUnit(COLLECTIONS.tallies, { key: tallyKey, ...unitsOnly }, 'total'),
    by === 'score' ? sumsByUnit(COLLECTIONS.tallies, { key: tallyKey, ...unitsOnly }, 'score') : Promise.resolve(null),
    sumsByUnit(COLLECTIONS.members, { ...unitsOnly, category: db.command.neq(null) }, null),
  ]);
  const competitors = units.map((unit) => ({ memberId: unit._id, name: unit.name, branchName: null, total: round2(totals.get(unit._id) ?? 0) }));
  return rankBoard(competitors).map((row) => {
    const count = members.get(row.memberId) ?? 0;
    const sum = measures ? (measures.get(row.memberId) ?? 0) : row.total;
    return { unitId: row.memberId, name: row.name, total: row.total, rank: row.rank, members: count, average: count > 0 ? round2(sum / count) : 0 };
  });
}
