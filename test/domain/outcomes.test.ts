import { assess, lookBack, type OutcomeRules } from '../../domain/outcomes';

// seeds/002 七(二).
const rules: OutcomeRules = {
  warnings: [
    { below: 60, id: 'red', name: '红色预警', consequence: '取消本年度评先评优资格' },
    { below: 70, id: 'yellow', name: '黄色预警' },
  ],
  categoryWarnings: [
    {
      category: 'probationary',
      bands: [
        { below: 60, id: 'extend', name: '预备党员低于60分', consequence: '预备党员低于60分：视情延长预备期' },
        { below: 70, id: 'talk', name: '预备党员低于70分', consequence: '预备党员低于70分：支部书记约谈提醒' },
      ],
    },
  ],
  repeats: [{ warning: 'red', cycles: 2, flag: '连续两年低于60分：由支部书记按规定处理' }],
};
const standing = (accountId: string, score: number, category: string | null = 'full') => ({ accountId, score, category });

describe('warnings of a closed year (seeds/002 七(二))', () => {
  it('warns yellow from 60 to 69.5 and red below 60, and none from 70', () => {
    const result = assess([standing('a', 70), standing('b', 69.5), standing('c', 60), standing('d', 59.5), standing('e', 0)], rules);
    expect(result.map((r) => r.warning)).toEqual([null, 'yellow', 'yellow', 'red', 'red']);
  });

  it('takes 评先评优 eligibility away with a red warning', () => {
    expect(assess([standing('d', 59)], rules)[0].flags).toEqual(['取消本年度评先评优资格']);
  });

  it('talks to a probationary member below 70 and may extend their probation below 60', () => {
    const [talk, extend, fine] = assess([standing('p1', 65, 'probationary'), standing('p2', 55, 'probationary'), standing('p3', 75, 'probationary')], rules);
    expect(talk.flags).toEqual(['预备党员低于70分：支部书记约谈提醒']);
    expect(extend.flags).toEqual(['取消本年度评先评优资格', '预备党员低于60分：视情延长预备期']);
    expect(fine.flags).toEqual([]);
  });

  it('flags a second consecutive year below 60 for the 支部书记, and not a red year after a yellow one', () => {
    const was = (...warnings: (string | null)[]) => warnings.map((warning) => ({ warning, stars: null }));
    const earlier = new Map([
      ['twice', was('red')],
      ['once', was('yellow')],
      ['gap', was(null, 'red')],
    ]);
    const result = assess([standing('twice', 50), standing('once', 50), standing('gap', 50)], rules, earlier);
    expect(result.map((r) => r.flags.includes('连续两年低于60分：由支部书记按规定处理'))).toEqual([true, false, false]);
  });
});

// seeds/001 篇十五.
describe('stars of a closed year (seeds/001 篇十五)', () => {
  const starRules: OutcomeRules = {
    stars: {
      bands: [
        { stars: 5, atLeast: 90 },
        { stars: 4, atLeast: 80 },
        { stars: 3, atLeast: 70 },
        { stars: 2, atLeast: 60 },
        { stars: 1, atLeast: 0 },
      ],
      probationary: 'probationary',
    },
  };
  const had = (...stars: (number | null)[]) => stars.map((s) => ({ warning: null, stars: s }));

  it('gives each row its stars, and looks back two cycles', () => {
    expect(assess([standing('a', 91), standing('b', 65)], starRules).map((r) => r.stars)).toEqual([5, 2]);
    expect(lookBack(starRules)).toBe(2);
    expect(lookBack(rules)).toBe(1);
  });

  it('flags a third year below 三星 in a row, but not after a year with no stars on record', () => {
    const earlier = new Map([
      ['third', had(2, 1)],
      ['unknown', had(2, null)],
    ]);
    const [third, unknown] = assess([standing('third', 65), standing('unknown', 65)], starRules, earlier);
    expect(third.flags).toContain('连续三年低于三星级：换届时原则上不得提名为村党组织领导班子成员候选人');
    expect(unknown.flags).toEqual([]);
  });

  it('flags a 预备党员 at 一星', () => {
    const [probation] = assess([standing('p', 55, 'probationary')], starRules);
    expect(probation.flags).toContain('预备党员一星级：按组织程序延长预备期或取消预备党员资格');
  });
});
