import type { CalendarDef, TallyKey } from '../../domain/calendar';
import type { CompositionDef } from '../../domain/composition';
import { scoreOf } from '../../domain/composition';
import { applyEntry, type PostedLine, type PostingRules, type TallyFigures } from '../../domain/posting';

const calendar: CalendarDef = { cycle: { kind: 'annual', startMonth: 1 }, periods: ['month', 'quarter', 'cycle'] };
const composition: CompositionDef = {
  components: [
    { id: 'basic', name: '基础分', max: 70 },
    { id: 'feature', name: '特色分', max: 20 },
    { id: 'review', name: '评议分', max: 10 },
  ],
  capGroups: [{ id: 'study', name: '政治学习', perMonth: 15 }],
};
const rules: PostingRules = { calendar, composition };

/** Posts lines one after the other, as the ledger would, and returns every tally's figures. */
function post(lines: PostedLine[], withRules: PostingRules = rules): Map<TallyKey, TallyFigures> {
  const tallies = new Map<TallyKey, TallyFigures>();
  for (const line of lines) for (const [key, figures] of applyEntry(line, tallies, withRules)) tallies.set(key, figures);
  return tallies;
}
const study = (occurredOn: string, points = 10): PostedLine => ({ points, occurredOn, component: 'basic', capGroup: 'study' });
const basic = (occurredOn: string, points: number): PostedLine => ({ points, occurredOn, component: 'basic' });
const miss = (occurredOn: string, points = -0.5): PostedLine => ({ points, occurredOn, component: 'basic', deduction: true });

describe('posting an entry to the tallies', () => {
  it('adds its points to the month, quarter, cycle and all-time tallies of its day', () => {
    const tallies = post([basic('2026-05-20', 5)]);
    expect([...tallies.keys()]).toEqual(['all', 'c:2026', 'q:2026-Q2', 'm:2026-05']);
    expect([...tallies.values()].map((t) => t.total)).toEqual([5, 5, 5, 5]);
  });

  it('counts a monthly cap group up to its cap: 10 + 10 of 政治学习 in May count 15', () => {
    const tallies = post([study('2026-05-03'), study('2026-05-20'), study('2026-06-02')]);
    expect(tallies.get('m:2026-05')!.capGroups).toEqual({ study: 20 });
    expect(tallies.get('c:2026')!.parts).toEqual({ basic: { earned: 25, deducted: 0 } });
    // The points themselves are all on the ledger and in the totals: the cap is the score's.
    expect(tallies.get('c:2026')!.total).toBe(30);
  });

  it('gives back only what a reversed entry added: 5 of the second study were over the cap', () => {
    const tallies = post([study('2026-05-03'), study('2026-05-20'), study('2026-05-20', -10)]);
    expect(tallies.get('c:2026')!.parts!.basic.earned).toBe(10);
    const again = post([study('2026-05-03'), study('2026-05-20'), study('2026-05-03', -10)]);
    expect(again.get('c:2026')!.parts!.basic.earned).toBe(10);
  });

  it('caps a part at its maximum and lowers the capped value by a deduction of 0.5', () => {
    const tallies = post([basic('2026-03-01', 50), basic('2026-04-01', 30), miss('2026-04-02')]);
    expect(tallies.get('c:2026')!.parts).toEqual({ basic: { earned: 80, deducted: 0.5 } });
    expect(tallies.get('c:2026')!.score).toBe(69.5);
    expect(tallies.get('c:2026')!.total).toBe(79.5);
  });

  it('never takes a part below 0 nor the score outside 0–100', () => {
    expect(post([miss('2026-03-01', -10)]).get('c:2026')!.score).toBe(0);
    const full = post([basic('2026-03-01', 99), { points: 40, occurredOn: '2026-03-01', component: 'feature' }, { points: 10, occurredOn: '2026-12-30', component: 'review' }]);
    expect(full.get('c:2026')!.score).toBe(100);
  });

  it('keeps each cycle apart: the new year starts empty with no reset', () => {
    const tallies = post([basic('2026-12-31', 40), basic('2027-01-01', 5)]);
    expect(tallies.get('c:2026')!.score).toBe(40);
    expect(tallies.get('c:2027')!.score).toBe(5);
  });

  it('starts a deduction-based part full and deducts to 0 at most (扣完为止)', () => {
    const daily: PostingRules = { calendar, composition: { components: [{ id: 'daily', name: '日常考核', max: 70, startsFull: true }] } };
    expect(scoreOf(daily.composition!, undefined)).toBe(70);
    const tallies = post([{ points: -5, occurredOn: '2026-02-01', component: 'daily', deduction: true }], daily);
    expect(tallies.get('c:2026')!.score).toBe(65);
    const emptied = post([{ points: -80, occurredOn: '2026-02-01', component: 'daily', deduction: true }], daily);
    expect(emptied.get('c:2026')!.score).toBe(0);
  });

  it('keeps only totals for a template without a composition', () => {
    const permanent: PostingRules = { calendar: { cycle: { kind: 'permanent' }, periods: ['month', 'year'] } };
    const tallies = post([{ points: 20, occurredOn: '2026-05-20' }], permanent);
    expect([...tallies.entries()]).toEqual([
      ['all', { total: 20 }],
      ['y:2026', { total: 20 }],
      ['m:2026-05', { total: 20 }],
    ]);
  });
});
