/**
 * seeds/003 半年一评比: stars by place, 挂牌公示 of the leading units and 末尾淘汰 with history
 * (domain/placings.ts; docs/rules.md Q10–Q15).
 */
import type { OutcomeRow } from '../../domain/outcome-rows';
import { earlierKeys, eliminationRows, placeRows, placesOf, PLAQUE_FLAG, starsByPlace } from '../../domain/placings';
import { bottomOfBoard, bottomSize } from '../../domain/reminders';
import { parseScheme } from '../../domain/scheme';
import { QIUXIAN_SCHEME } from '../../domain/schemes';

const rules = QIUXIAN_SCHEME.outcomes!;
const organisation = QIUXIAN_SCHEME.organisation;

function row(memberId: string, score: number, category: string | null = 'member', extra: Partial<OutcomeRow> = {}): OutcomeRow {
  return {
    _id: `half:2026-H1:${memberId}`,
    publication: 'half:2026-H1:root',
    period: 'half',
    key: '2026-H1',
    memberId,
    name: memberId,
    branchId: 'b1',
    branchName: '医疗保障分会',
    category,
    score,
    total: score,
    parts: null,
    grade: null,
    gradeName: null,
    warning: null,
    stars: null,
    vetoed: false,
    flags: [],
    ...extra,
  };
}

/** A board of `n` members scoring n, n-1, …, 1. */
const board = (n: number): OutcomeRow[] => Array.from({ length: n }, (_, i) => row(`m${String(i + 1).padStart(3, '0')}`, n - i));

describe('places on the board', () => {
  it('shares a place between equal scores and leaves out officials without a category', () => {
    const places = placesOf([row('a', 30), row('b', 20), row('c', 20), row('d', 5), row('liaison', 99, null)]);
    expect(Object.fromEntries(places)).toEqual({ a: 1, b: 2, c: 2, d: 4 });
  });
});

describe('星级评比 by place (Q10)', () => {
  it('gives the first tenth five stars, to three tenths four, to six tenths three, to nine tenths two, the rest one', () => {
    const stars = placeRows(board(20), rules, organisation).map((r) => r.stars);
    expect(stars).toEqual([5, 5, 4, 4, 4, 4, 3, 3, 3, 3, 3, 3, 2, 2, 2, 2, 2, 2, 1, 1]);
  });

  it('rounds a band up, so a board of 7 still has a 五星', () => {
    expect(starsByPlace(1, 7, 10, rules.rankStars!)).toBe(5);
    expect(starsByPlace(2, 7, 9, rules.rankStars!)).toBe(4);
  });

  it('gives members tied across a band line the higher band', () => {
    const rows = [row('a', 50), row('b', 40), row('c', 40), row('d', 40), ...board(6)];
    const byId = Object.fromEntries(placeRows(rows, rules, organisation).map((r) => [r.memberId, r.stars]));
    // 10 on the board: one 五星 place; b, c and d share place 2, within three tenths: 四星.
    expect([byId.a, byId.b, byId.c, byId.d]).toEqual([5, 4, 4, 4]);
  });

  it('gives one star to a member who earned nothing, whatever the place', () => {
    const rows = [row('a', 10), row('b', 0), row('c', 0), row('d', 0)];
    expect(placeRows(rows, rules, organisation).map((r) => [r.memberId, r.stars])).toEqual([
      ['a', 5],
      ['b', 1],
      ['c', 1],
      ['d', 1],
    ]);
  });

  it('counts a score far above the others whole: there is no upper limit (积分+)', () => {
    const rows = [row('star', 12_345), ...board(9)];
    const placed = placeRows(rows, rules, organisation);
    expect(placed[0]).toMatchObject({ memberId: 'star', score: 12_345, rank: 1, stars: 5 });
  });
});

describe('挂牌公示 (Q11)', () => {
  it('flags the first three of each unit category by their place among their own kind, ties at the line included', () => {
    const rows = [
      row('u1', 90, 'unit_member'),
      row('u2', 80, 'unit_member'),
      row('u3', 70, 'unit_member'),
      row('u4', 70, 'unit_member'),
      row('u5', 60, 'unit_member'),
      row('d1', 40, 'unit_director'),
      row('p1', 0, 'unit_president'),
      row('person', 500),
    ];
    const flags = Object.fromEntries(placeRows(rows, rules, organisation).map((r) => [r.memberId, r.flags]));
    expect(flags.u1).toEqual(['挂牌公示：会员单位第1名']);
    expect(flags.u3).toEqual(['挂牌公示：会员单位第3名']);
    expect(flags.u4).toEqual(['挂牌公示：会员单位第3名']);
    expect(flags.u5).toEqual([]);
    expect(flags.d1).toEqual(['挂牌公示：理事单位第1名']);
    // A 会长单位 with no point is not hung; a person is never.
    expect(flags.p1).toEqual([]);
    expect(flags.person).toEqual([]);
  });

  it('is idempotent: placing placed rows changes nothing, and keeps flags of other rules', () => {
    const rows = [row('u1', 90, 'unit_member', { flags: ['其他标记'] }), row('u2', 10, 'unit_member'), ...board(5)];
    const once = placeRows(rows, rules, organisation);
    const merged = rows.map((r) => once.find((p) => p._id === r._id) ?? r);
    expect(placeRows(merged, rules, organisation)).toEqual([]);
    expect(merged[0].flags).toEqual(['其他标记', `${PLAQUE_FLAG}会员单位第1名`]);
  });

  it('answers only the rows that changed when a score moves', () => {
    const rows = board(10);
    const placed = rows.map((r) => placeRows(rows, rules, organisation).find((p) => p._id === r._id) ?? r);
    const moved = placed.map((r) => (r.memberId === 'm010' ? { ...r, score: 100, total: 100 } : r));
    const changed = placeRows(moved, rules, organisation).map((r) => r.memberId);
    // m010 goes to the top; everyone it passes moves down one place.
    expect(changed).toEqual(['m001', 'm002', 'm003', 'm004', 'm005', 'm006', 'm007', 'm008', 'm009', 'm010']);
  });
});

describe('末尾淘汰 (Q13–Q15)', () => {
  it('lists the last 5% of the board, at least 5, rounded up', () => {
    expect(bottomSize(700, rules.bottom!)).toBe(35);
    expect(bottomSize(101, rules.bottom!)).toBe(6);
    expect(bottomSize(40, rules.bottom!)).toBe(5);
    expect(bottomSize(3, rules.bottom!)).toBe(3);
    // 第十九条's reminders keep their tenth and three.
    expect(bottomSize(40)).toBe(4);
  });

  it('includes every member tied with the last place, sharing its rank, lowest first', () => {
    const rows = [...board(20), row('t1', 5), row('t2', 5)];
    // 22 on the board: 5 places; the lowest are 1, 2, 3, 4, then 5 three times (m016, t1, t2).
    const list = eliminationRows(rows, rules.bottom!, []);
    expect(list.map((r) => [r.name, r.total, r.rank])).toEqual([
      ['m020', 1, 22],
      ['m019', 2, 21],
      ['m018', 3, 20],
      ['m017', 4, 19],
      ['m016', 5, 16],
      ['t1', 5, 16],
      ['t2', 5, 16],
    ]);
  });

  it('gives each its total and place in the earlier periods, null where it was not on that board', () => {
    const earlier = [
      { key: '2025-H2', rows: [row('a', 30), row('b', 10), row('c', 20)] },
      { key: '2025-H1', rows: [row('a', 5), row('c', 1)] },
    ];
    const list = eliminationRows([row('a', 1), row('b', 2), row('c', 3), row('d', 9), row('e', 9), row('f', 50)], rules.bottom!, earlier);
    expect(list.find((r) => r.memberId === 'a')!.history).toEqual([
      { key: '2025-H2', total: 30, rank: 1 },
      { key: '2025-H1', total: 5, rank: 1 },
    ]);
    expect(list.find((r) => r.memberId === 'b')!.history).toEqual([
      { key: '2025-H2', total: 10, rank: 3 },
      { key: '2025-H1', total: 0, rank: null },
    ]);
  });

  it('keeps 第十九条 bottom at its tenth and three unless given another rule', () => {
    const competitors = board(40).map((r) => ({ memberId: r.memberId, name: r.name, branchName: null, total: r.total }));
    expect(bottomOfBoard(competitors, 40, 'total')).toHaveLength(4);
    expect(bottomOfBoard(competitors, 40, 'total', new Set(), { share: 0.2, least: 3 })).toHaveLength(8);
  });

  it('reads the earlier periods of the same kind, newest first', () => {
    expect(earlierKeys('half', '2026-H1', 3, QIUXIAN_SCHEME.calendar)).toEqual(['2025-H2', '2025-H1', '2024-H2']);
    expect(earlierKeys('month', '2026-02', 2, QIUXIAN_SCHEME.calendar)).toEqual(['2026-01', '2025-12']);
    expect(earlierKeys('cycle', '2026', 2, QIUXIAN_SCHEME.calendar)).toEqual(['2025', '2024']);
  });
});

describe('the rules as data', () => {
  const withOutcomes = (outcomes: object) => ({ ...QIUXIAN_SCHEME, outcomes: { ...rules, ...outcomes } });

  it('refuses plaques of a category the template does not have', () => {
    expect(() => parseScheme(withOutcomes({ plaques: { categories: ['unit_member', 'unit_sponsor'], top: 3 } }))).toThrow('挂牌公示引用了不存在的类别 unit_sponsor');
  });

  it('refuses stars by place out of order', () => {
    expect(() => parseScheme(withOutcomes({ rankStars: [{ stars: 4, share: 0.3 }, { stars: 5, share: 0.1 }] }))).toThrow('按名次评星须从高星级到低星级、按比例从小到大排列');
  });

  it('refuses a bottom share above the whole board', () => {
    expect(() => parseScheme(withOutcomes({ bottom: { share: 1.5, least: 5 } }))).toThrow();
  });
});
