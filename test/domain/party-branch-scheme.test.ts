/**
 * The party-branch template (seeds/001 篇一, 篇二, 篇十五, 篇十六, 篇二十一; seeds/004 第二篇) in each of its
 * variants: valid as written, with the weights, bonus, grades, stars and vetoes of its text.
 */
import { partValue, scaleOf, scoreOf } from '../../domain/composition';
import { parseScheme, type Scheme } from '../../domain/scheme';
import { TEMPLATES } from '../../domain/schemes';
import { PARTY_BRANCH_SCHEME, PARTY_BRANCH_VARIANTS, partyBranchScheme, type PartyBranchOptions } from '../../domain/schemes/party-branch';
import { CHINA_WORKING_DAYS } from '../../domain/calendars/china';
import { daysBetween } from '../../domain/periods';
import { addDays, nthWorkingDayAfter } from '../../domain/workdays';

const every: [string, PartyBranchOptions][] = [];
for (const weights of ['7:3', '8:2', '3:1'] as const) {
  for (const stars of [true, false]) {
    for (const quota of [true, false]) {
      for (const bonus of [true, false]) for (const startMonth of [1, 7] as const) every.push([`${weights} stars:${stars} quota:${quota} bonus:${bonus} from ${startMonth}`, { weights, stars, quota, bonus, startMonth }]);
    }
  }
}

describe('the party-branch template', () => {
  it('is registered as party-branch, the variant with stars and the 15% quota at 7:3 (篇一)', () => {
    expect(TEMPLATES['party-branch']).toBe(PARTY_BRANCH_SCHEME);
    expect(PARTY_BRANCH_SCHEME.composition!.components.map((c) => [c.id, c.max, c.weight ?? 1, Boolean(c.bonus)])).toEqual([
      ['daily', 100, 0.7, false],
      ['review', 100, 0.3, false],
      ['bonus', 10, 1, true],
    ]);
    expect(PARTY_BRANCH_SCHEME.outcomes!.grades!.quota).toEqual({ grade: 'excellent', share: 0.15, minimum: 1 });
    expect(PARTY_BRANCH_SCHEME.outcomes!.stars!.probationary).toBe('probationary');
  });

  it.each(Object.entries(PARTY_BRANCH_VARIANTS))('validates the %s variant as written', (_name, options) => {
    const scheme = partyBranchScheme(options);
    expect(parseScheme(structuredClone(scheme))).toEqual(scheme);
  });

  it.each(every)('validates every combination of options: %s', (_name, options) => {
    expect(() => parseScheme(structuredClone(partyBranchScheme(options)))).not.toThrow();
  });

  it('is out of 100 in every variant, the bonus outside it', () => {
    for (const [, options] of every) expect(scaleOf(partyBranchScheme(options).composition!)).toBe(100);
  });

  it('weighs 日常 84 and 评议 90 as 7:3, 8:2 and 3:1', () => {
    const parts = { daily: { earned: 0, deducted: 16 }, review: { earned: 90, deducted: 0 } };
    const score = (weights: PartyBranchOptions['weights']) => scoreOf(partyBranchScheme({ ...PARTY_BRANCH_VARIANTS.demo, weights }).composition!, parts);
    expect([score('7:3'), score('8:2'), score('3:1')]).toEqual([85.8, 85.2, 85.5]);
  });

  it('stops 日常 at 0 (扣完为止), caps the bonus at 10, and lets misconduct count below 0 with the score never under 0', () => {
    const composition = PARTY_BRANCH_SCHEME.composition!;
    const [daily, , bonus] = composition.components;
    expect(partValue(daily, { earned: 0, deducted: 130 })).toBe(0);
    expect(partValue(bonus, { earned: 14, deducted: 0 })).toBe(10);
    // 14 earned counts 10; a 5-point misconduct deduction then leaves 5.
    expect(partValue(bonus, { earned: 14, deducted: 5 })).toBe(5);
    expect(partValue(bonus, { earned: 0, deducted: 10 })).toBe(-10);
    expect(scoreOf(composition, { daily: { earned: 0, deducted: 100 }, bonus: { earned: 0, deducted: 20 } })).toBe(0);
    // A member with nothing recorded has the full 日常 (70) and no 评议 yet.
    expect(scoreOf(composition, {})).toBe(70);
  });

  it('takes its grade bands, quota and vetoes from the text of its weights', () => {
    const grades = (s: Scheme) => s.outcomes!.grades!.grades.map((g) => `${g.name}≥${g.atLeast}`);
    expect(grades(PARTY_BRANCH_SCHEME)).toEqual(['优秀≥90', '合格≥70', '基本合格≥60', '不合格≥0']);
    const zhengyang = partyBranchScheme(PARTY_BRANCH_VARIANTS.zhengyang);
    expect(grades(zhengyang)).toEqual(['优秀≥90', '合格≥80', '基本合格≥65', '不合格≥0']);
    expect(zhengyang.outcomes!.grades!.quota!.share).toBe(0.2);
    expect(zhengyang.calendar.cycle).toEqual({ kind: 'annual', startMonth: 7 });
    expect(zhengyang.items.filter((i) => i.component === 'review').map((i) => i.points)).toEqual([100, 60, 40, 0]);
    expect(zhengyang.outcomes!.vetoes!.every((v) => v.effect === 'fail')).toBe(true);

    const vetoes = PARTY_BRANCH_SCHEME.outcomes!.vetoes!;
    expect(vetoes.filter((v) => v.effect === 'zero')).toHaveLength(8);
    expect(vetoes.filter((v) => v.effect === 'fail').map((v) => v.name)).toEqual(['六个月无正当理由不交纳党费', '当年受到党纪政纪处分']);
    expect(PARTY_BRANCH_SCHEME.review.chains.veto).toEqual([{ kind: 'roles', roles: ['branch_secretary', 'party_committee'] }]);
  });

  it('deducts misconduct from 日常 where the variant has no 动态管理积分 (篇一)', () => {
    const pian1 = partyBranchScheme(PARTY_BRANCH_VARIANTS.pian1);
    expect(pian1.composition!.components.map((c) => c.id)).toEqual(['daily', 'review']);
    expect(pian1.items.find((i) => i.id === 'penalty.conduct')).toMatchObject({ component: 'daily', deduction: true });
  });

  it('gives every item its article, and 日常 only deductions', () => {
    for (const [, options] of every) {
      const scheme = partyBranchScheme(options);
      expect(scheme.items.filter((i) => !i.article)).toEqual([]);
      expect(scheme.items.filter((i) => i.component === 'daily' && !i.deduction)).toEqual([]);
    }
  });

  it('keeps the 公示 at least 7 calendar days with its 7 working days, whenever it is published (篇一 三、3)', () => {
    const n = PARTY_BRANCH_SCHEME.publication!.windowWorkingDays;
    let shortest = Infinity;
    for (let day = '2016-01-01'; day <= '2026-12-31'; day = addDays(day, 1)) shortest = Math.min(shortest, daysBetween(day, nthWorkingDayAfter(day, n, CHINA_WORKING_DAYS)));
    expect(shortest).toBe(7);
    // Six would not do: published on Sunday 2016-01-31, six working days (调休 Saturday 6 February) end after six days.
    expect(daysBetween('2016-01-31', nthWorkingDayAfter('2016-01-31', 6, CHINA_WORKING_DAYS))).toBe(6);
  });

  // Grades and vetoes are validated as the engine's (test/domain/scheme-grades.test.ts); these are the template's own.
  it.each<[string, (raw: Scheme) => void, RegExp]>([
    ['a tiebreak by an unknown part', (raw) => (raw.outcomes!.grades!.tiebreak = ['daily', 'feature']), /组成部分 feature 不存在/],
    ['vetoes without a veto chain', (raw) => delete raw.review.chains.veto, /须有一票否决的审核链/],
    ['a positive floor', (raw) => (raw.composition!.components[2].floor = 5), /floor/],
  ])('refuses %s', (_name, change, message) => {
    const raw = structuredClone(PARTY_BRANCH_SCHEME);
    change(raw);
    expect(() => parseScheme(raw)).toThrow(message);
  });
});
