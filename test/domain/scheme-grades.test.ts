import { parseScheme, type Scheme } from '../../domain/scheme';
import { GRADED_SCHEME } from '../support/graded-scheme';
import { domainErrorOf } from './builders';

/** The graded scheme with one change, for the validator to judge. */
function variant(change: (scheme: Scheme) => void): Scheme {
  const scheme = structuredClone(GRADED_SCHEME);
  change(scheme);
  return scheme;
}
const problemsOf = (change: (scheme: Scheme) => void) => domainErrorOf(() => parseScheme(variant(change))).message;

describe('a scheme’s grades and vetoes are validated (seeds/001 篇一 三、4, 篇二十一)', () => {
  it('accepts grades with a quota, tie-breaking parts, vetoes and the chain that decides them', () => {
    expect(parseScheme(structuredClone(GRADED_SCHEME))).toEqual(GRADED_SCHEME);
  });

  it('refuses vetoes without a chain to decide them, and a chain without vetoes', () => {
    expect(problemsOf((s) => delete s.review.chains.veto)).toContain('有一票否决条件，须有一票否决的审核链');
    expect(problemsOf((s) => delete s.outcomes!.vetoes)).toContain('有一票否决的审核链，但没有一票否决条件');
  });

  it('refuses a veto chain of two steps: one body decides a veto', () => {
    expect(problemsOf((s) => (s.review.chains.veto = [{ kind: 'roles', roles: ['branch_secretary'] }, { kind: 'roles', roles: ['party_committee'] }]))).toContain('一票否决由一个环节认定');
  });

  it('refuses a veto that fails the member where the template has no grades', () => {
    expect(problemsOf((s) => delete s.outcomes!.grades)).toContain('一票否决条件“六个月无正当理由不交纳党费”直接视作不合格，须设等次');
  });

  it('names an unknown tie-breaking part, quota grade or failing grade', () => {
    expect(problemsOf((s) => (s.outcomes!.grades!.tiebreak = ['daily', 'bonus']))).toContain('等次并列时比较的组成部分 bonus 不存在');
    expect(problemsOf((s) => (s.outcomes!.grades!.quota!.grade = 'best'))).toContain('名额限制的等次 best 不在等次之中');
    expect(problemsOf((s) => (s.outcomes!.grades!.disqualified = 'bad'))).toContain('不合格等次 bad 不在等次之中');
  });

  it('refuses grades that leave a score without one, or a quota with no grade below it', () => {
    expect(problemsOf((s) => (s.outcomes!.grades!.grades = s.outcomes!.grades!.grades.filter((g) => g.atLeast > 0)))).toContain('须有一个等次从 0 分起');
    expect(problemsOf((s) => (s.outcomes!.grades!.quota!.grade = 'failing'))).toContain('等次“不合格”有名额限制，其下须还有等次');
  });

  it('refuses an unknown effect and a share of more than all', () => {
    expect(problemsOf((s) => ((s.outcomes!.vetoes![0] as { effect: string }).effect = 'halve'))).toContain('outcomes.vetoes.0.effect: 效果应为 zero（积分归零）、fail（直接视作不合格）或 bar（仍可积分但不参与积分兑换）');
    expect(problemsOf((s) => (s.outcomes!.grades!.quota!.share = 1.5))).toContain('名额比例不能超过 1');
  });
});
