import { compareCompetitors as compareStandings, competitionRank, ownRank, rankBoard, type Competitor as Standing } from '../../domain/ranking';

const standing = (memberId: string, total: number, extra: Partial<Standing> = {}): Standing => ({
  memberId,
  name: memberId,
  branchName: null,
  total,
  ...extra,
});

describe('competition ranking (第十六条)', () => {
  const board = [standing('d', 50), standing('a', 90), standing('c', 70), standing('b', 70), standing('e', 10)];

  it('shares a rank between equal totals and skips the ranks they take: 1, 2, 2, 4', () => {
    expect(rankBoard(board).map((r) => [r.memberId, r.total, r.rank])).toEqual([
      ['a', 90, 1],
      ['b', 70, 2],
      ['c', 70, 2],
      ['d', 50, 4],
      ['e', 10, 5],
    ]);
  });

  it('orders a tie by name, then member id, whatever the input order', () => {
    const tie = [standing('m2', 5, { name: '王五' }), standing('m1', 5, { name: '王五' }), standing('m3', 5, { name: '李四' })];
    const expected = ['m3', 'm1', 'm2'];
    expect(rankBoard(tie).map((r) => r.memberId)).toEqual(expected);
    expect(rankBoard([...tie].reverse()).map((r) => r.memberId)).toEqual(expected);
    expect(rankBoard(tie).every((r) => r.rank === 1)).toBe(true);
  });

  it('keeps the shared rank where the limit cuts through a tie', () => {
    expect(rankBoard(board, 3).map((r) => r.rank)).toEqual([1, 2, 2]);
  });

  it('does not rank members who left, nor let them take a rank (第十七条)', () => {
    const withLeaver = [...board, standing('gone', 80, { status: 'left' })];
    const rows = rankBoard(withLeaver);
    expect(rows.map((r) => r.memberId)).not.toContain('gone');
    expect(rows.find((r) => r.memberId === 'b')?.rank).toBe(2);
  });

  it('returns the row shape of ranking.get', () => {
    expect(rankBoard([standing('a', 1, { name: '张三', branchName: '东区分会', status: 'active' })])).toEqual([
      { memberId: 'a', name: '张三', branchName: '东区分会', total: 1, rank: 1 },
    ]);
  });

  it('ranks a total by how many are strictly above it', () => {
    expect(competitionRank(0)).toBe(1);
    expect(competitionRank(3)).toBe(4);
    expect(compareStandings(standing('a', 2), standing('b', 1))).toBeLessThan(0);
  });
});

describe('the caller’s own rank (第十六条, ranking.get me)', () => {
  const board = [standing('a', 90), standing('b', 70), standing('c', 70), standing('gone', 95, { status: 'left' })];

  it('is their shared rank and total', () => {
    expect(ownRank(board, 'c')).toEqual({ rank: 2, total: 70 });
    expect(ownRank(board, 'a')).toEqual({ rank: 1, total: 90 });
  });

  it('is unranked with 0 for a member without points in the period', () => {
    expect(ownRank(board, 'z')).toEqual({ rank: null, total: 0 });
  });

  it('is unranked for a member who left, keeping their total (第十七条)', () => {
    expect(ownRank(board, 'gone')).toEqual({ rank: null, total: 95 });
  });
});
