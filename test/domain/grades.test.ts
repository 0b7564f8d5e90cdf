import { gradeUnit, starOf, starsFlags, type GradeRules, type Graded, type StarBand } from '../../domain/grades';
import { scaleOf, scoreOf, type CompositionDef } from '../../domain/composition';
import { listOrder } from '../../domain/outcome-rows';
import type { Scheme } from '../../domain/scheme';

// seeds/001 篇一 三、4: 90 以上优秀 (按得分排名确定，最高不超过党员数的 15%), 70–79 合格, 60–69 基本合格,
// 60 以下不合格; 六个月无正当理由不交纳党费或当年受到党政纪处分的直接视作不合格.
const rules: GradeRules = {
  grades: [
    { id: 'excellent', name: '优秀', atLeast: 90 },
    { id: 'qualified', name: '合格', atLeast: 70 },
    { id: 'basic', name: '基本合格', atLeast: 60 },
    { id: 'failing', name: '不合格', atLeast: 0 },
  ],
  quota: { grade: 'excellent', share: 0.15, minimum: 1 },
  disqualified: 'failing',
};

const standing = (accountId: string, score: number, extra: Partial<Graded> = {}): Graded => ({ accountId, score, tiebreak: [], ...extra });
const gradesOf = (result: ReturnType<typeof gradeUnit>) => Object.fromEntries(result.map((r) => [r.accountId, r.grade]));

describe('grades of a branch’s closed year (seeds/001 篇一)', () => {
  it('grades by score bands, 80–89 reading as 合格 (the article skips it; 优秀 starts at 90)', () => {
    const result = gradeUnit([standing('a', 85), standing('b', 72), standing('c', 69.5), standing('d', 60), standing('e', 59.5)], rules);
    expect(gradesOf(result)).toEqual({ a: 'qualified', b: 'qualified', c: 'basic', d: 'basic', e: 'failing' });
  });

  it('gives 优秀 to at most ⌊15% × members⌋ by rank, the rest of 90+ falling to 合格', () => {
    // 20 members: ⌊3⌋ places.
    const branch = Array.from({ length: 20 }, (_, i) => standing(`m${i}`, 99 - i));
    const result = gradeUnit(branch, rules);
    expect(result.filter((r) => r.grade === 'excellent').map((r) => r.accountId)).toEqual(['m0', 'm1', 'm2']);
    expect(gradesOf(result).m3).toBe('qualified');
    expect(result.find((r) => r.accountId === 'm3')?.flags).toEqual(['达到90分，超出优秀名额（3名）']);
  });

  it('keeps at least one 优秀 place in a small branch where someone reaches 90', () => {
    const result = gradeUnit([standing('a', 91), standing('b', 80), standing('c', 75)], rules);
    expect(gradesOf(result).a).toBe('excellent');
  });

  it('gives no 优秀 where nobody reaches 90, whatever the quota', () => {
    const result = gradeUnit(Array.from({ length: 10 }, (_, i) => standing(`m${i}`, 89 - i)), rules);
    expect(result.some((r) => r.grade === 'excellent')).toBe(false);
  });

  it('breaks a tie at the quota line by the daily part, then the 评议 part', () => {
    // 7 members: 1 place; a and b tie on 95, a has the better daily record.
    const branch = [standing('a', 95, { tiebreak: [68, 27] }), standing('b', 95, { tiebreak: [66, 29] }), ...Array.from({ length: 5 }, (_, i) => standing(`m${i}`, 80))];
    const result = gradeUnit(branch, rules);
    expect(gradesOf(result)).toMatchObject({ a: 'excellent', b: 'qualified' });
  });

  it('leaves a tie the parts cannot break to the 支部大会: none of the tied take the last place, each is flagged', () => {
    // 14 members: 2 places; a leads, b and c tie exactly for the second.
    const branch = [standing('a', 98), standing('b', 93, { tiebreak: [65, 28] }), standing('c', 93, { tiebreak: [65, 28] }), ...Array.from({ length: 11 }, (_, i) => standing(`m${i}`, 75))];
    const result = gradeUnit(branch, rules);
    expect(gradesOf(result)).toMatchObject({ a: 'excellent', b: 'qualified', c: 'qualified' });
    for (const id of ['b', 'c']) expect(result.find((r) => r.accountId === id)?.flags).toEqual(['与他人并列争最后一个优秀名额，由支部大会确定']);
  });

  it('counts ties inside the quota as they are: two tied at the top of 14 both take a place', () => {
    const branch = [standing('a', 96), standing('b', 96), ...Array.from({ length: 12 }, (_, i) => standing(`m${i}`, 92 - i * 0.5))];
    const result = gradeUnit(branch, rules);
    expect(result.filter((r) => r.grade === 'excellent').map((r) => r.accountId).sort()).toEqual(['a', 'b']);
  });

  it('makes a member 不合格 whatever the score when disqualified (six months of dues, a sanction), without taking a place', () => {
    const branch = [standing('a', 97, { disqualifiedBy: '六个月未交纳党费' }), standing('b', 94), ...Array.from({ length: 5 }, (_, i) => standing(`m${i}`, 70))];
    const result = gradeUnit(branch, rules);
    expect(gradesOf(result)).toMatchObject({ a: 'failing', b: 'excellent' });
    expect(result.find((r) => r.accountId === 'a')?.flags).toEqual(['六个月未交纳党费：直接视作不合格']);
  });

  it('ranks the branch by score, ties sharing a rank', () => {
    const result = gradeUnit([standing('a', 80), standing('b', 90), standing('c', 80)], rules);
    expect(result.map((r) => [r.accountId, r.rank])).toEqual([['b', 1], ['a', 2], ['c', 2]]);
  });
});

// seeds/001 篇十五: 五星 ≥ 90, 四星 80–89, 三星 70–79, 二星 60–69, 一星 < 60.
const stars: StarBand[] = [
  { stars: 5, atLeast: 90 },
  { stars: 4, atLeast: 80 },
  { stars: 3, atLeast: 70 },
  { stars: 2, atLeast: 60 },
  { stars: 1, atLeast: 0 },
];

describe('stars of a closed year (seeds/001 篇十五)', () => {
  it('stars by score band', () => {
    expect([100, 90, 89.5, 80, 79, 70, 69.5, 60, 59.5, 0].map((score) => starOf(score, stars))).toEqual([5, 5, 4, 4, 3, 3, 2, 2, 1, 1]);
  });

  it('flags three years in a row below 三星, counting this year', () => {
    expect(starsFlags({ stars: 2, earlier: [1, 2], probationary: false })).toEqual(['连续三年低于三星级：换届时原则上不得提名为村党组织领导班子成员候选人']);
    expect(starsFlags({ stars: 2, earlier: [3, 2], probationary: false })).toEqual([]);
    expect(starsFlags({ stars: 2, earlier: [2], probationary: false })).toEqual([]);
  });

  it('flags a 预备党员 at 一星, and any 一星 as 不合格 to be educated over six months', () => {
    expect(starsFlags({ stars: 1, earlier: [], probationary: true })).toEqual([
      '一星级：定为不合格党员，进行为期6个月的教育转化',
      '预备党员一星级：按组织程序延长预备期或取消预备党员资格',
    ]);
    expect(starsFlags({ stars: 4, earlier: [], probationary: true })).toEqual([]);
  });
});

describe('a weighted score (seeds/001 篇二: 日常考核 and 年度评议 each of 100, weighted 8:2, 动态管理 at most 10)', () => {
  const composition: CompositionDef = {
    components: [
      { id: 'daily', name: '日常考核积分', max: 100, startsFull: true, weight: 0.8 },
      { id: 'review', name: '年度评议积分', max: 100, weight: 0.2 },
      { id: 'dynamic', name: '动态管理积分', max: 10, bonus: true },
    ],
  };

  it('is out of 100 and counts each part by its weight', () => {
    expect(scaleOf(composition)).toBe(100);
    // 100 − 12.5 deducted = 87.5 daily; 评议 90; bonus 4: 70 + 18 + 4.
    expect(scoreOf(composition, { daily: { earned: 0, deducted: 12.5 }, review: { earned: 90, deducted: 0 }, dynamic: { earned: 4, deducted: 0 } })).toBe(92);
  });

  it('stops deductions at 0 (扣完为止) and the bonus at its cap', () => {
    expect(scoreOf(composition, { daily: { earned: 0, deducted: 130 }, review: { earned: 100, deducted: 0 }, dynamic: { earned: 25, deducted: 0 } })).toBe(30);
  });
});

describe('the order of a 支部’s list (G3)', () => {
  const scheme = { outcomes: { grades: { grades: [{ id: 'excellent' }, { id: 'qualified' }, { id: 'basic' }, { id: 'failed' }] } } } as unknown as Scheme;

  it('puts the one the parts placed 优秀 before the one tied with them past the quota line', () => {
    const rows = [
      { name: '孙国栋', score: 94.2, grade: 'qualified' },
      { name: '李明辉', score: 99.4, grade: 'excellent' },
      { name: '赵丽萍', score: 94.2, grade: 'excellent' },
      { name: '许佳怡', score: 87.6, grade: 'qualified' },
    ];
    expect(listOrder(rows, scheme).map((r) => r.name)).toEqual(['李明辉', '赵丽萍', '孙国栋', '许佳怡']);
  });

  it('keeps the store’s order of a template without grades', () => {
    const rows = [
      { name: '乙', score: 5, grade: null },
      { name: '甲', score: 5, grade: null },
    ];
    expect(listOrder(rows, {} as Scheme).map((r) => r.name)).toEqual(['乙', '甲']);
  });
});
