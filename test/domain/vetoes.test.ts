import type { Period, Veto } from '../../typings/api';
import { draftRows, gradeChanges, gradedFields, type Account, type OutcomeRow } from '../../domain/outcome-rows';
import type { TallyFigures } from '../../domain/posting';
import { publicationId, type Publication } from '../../domain/publication';
import { CHANGZHOU_SCHEME } from '../../domain/schemes/changzhou';
import { assertVetoCycle, conditionOf, mayProposeVeto, readsVetoes, vetoConditions } from '../../domain/vetoes';
import { GRADED_SCHEME } from '../support/graded-scheme';
import { domainErrorOf, member } from './builders';

// The graded scheme: 日常考核 starts full at 100 (×0.7), 年度评议 out of 100 (×0.3).
const scheme = GRADED_SCHEME;
const cycle: { period: Period; key: string; publication: string } = { period: 'cycle', key: '2026', publication: publicationId('cycle', '2026', 'b1') };

const account = (id: string, category = 'full'): Account => ({ _id: id, name: `党员${id}`, branchId: 'b1', branchName: '第一党支部', category });
/** A cycle tally with `absent` 日常 deductions and a 评议 of `review`. */
const figures = (absent: number, review: number): TallyFigures => ({ total: review - absent, parts: { daily: { earned: 0, deducted: absent }, review: { earned: review, deducted: 0 } } });

const veto = (memberId: string, condition: string, effect: Veto['effect'], conditionName: string): Veto => ({
  _id: `2026:${memberId}`,
  memberId,
  memberName: `党员${memberId}`,
  branchId: 'b1',
  key: '2026',
  condition,
  conditionName,
  effect,
  reason: '经支部考评小组认定',
  claimId: `veto-2026-${memberId}-1`,
  proposedBy: { id: 'k1', name: '记分员' },
  decidedBy: { id: 's1', name: '书记' },
  decidedAt: '2026-06-01T04:00:00.000Z',
});

function rowsOf(entries: [string, number, number][], vetoes: Veto[] = [], target = cycle): OutcomeRow[] {
  const figureMap = new Map(entries.map(([id, absent, review]) => [id, figures(absent, review)]));
  return draftRows(entries.map(([id]) => account(id)), figureMap, new Map(), target, scheme, new Map(vetoes.map((v) => [v.memberId, v])));
}
const byId = (rows: OutcomeRow[], id: string) => rows.find((r) => r.memberId === id)!;

describe('a veto on a cycle’s row (seeds/001 篇二十一, 篇一 三、4)', () => {
  it('sets a 归零 veto’s score to 0 and fails it, keeping the parts and the total as recorded', () => {
    const row = byId(rowsOf([['c', 0, 100]], [veto('c', 'crime', 'zero', '触犯刑律')]), 'c');
    expect(row).toMatchObject({ score: 0, total: 100, vetoed: true, grade: 'failing', gradeName: '不合格' });
    expect(row.parts?.map((p) => p.points)).toEqual([100, 100]);
    expect(row.veto).toEqual({ condition: 'crime', conditionName: '触犯刑律', reason: '经支部考评小组认定', effect: 'zero' });
  });

  it('assesses stars on the score after the veto: a 归零 year is 一星, with what 篇十五 attaches to it', () => {
    const row = byId(rowsOf([['c', 0, 100]], [veto('c', 'crime', 'zero', '触犯刑律')]), 'c');
    expect(row.stars).toBe(1);
    expect(row.flags).toEqual(['一票否决（触犯刑律）：本年度积分归零', '一星级：定为不合格党员，进行为期6个月的教育转化']);
  });

  it('keeps the score of a veto that fails the member (六个月未交纳党费), with its stars, and fails the grade', () => {
    const row = byId(rowsOf([['p', 0, 90]], [veto('p', 'dues', 'fail', '六个月无正当理由不交纳党费')]), 'p');
    expect(row).toMatchObject({ score: 97, vetoed: false, stars: 5, grade: 'failing', veto: { effect: 'fail' } });
    expect(row.flags).toEqual([]);
  });

  it('leaves a quarter’s rows alone: a veto is of the cycle', () => {
    const quarter = { period: 'quarter' as const, key: '2026-Q2', publication: publicationId('quarter', '2026-Q2', 'b1') };
    const row = byId(rowsOf([['c', 0, 100]], [veto('c', 'crime', 'zero', '触犯刑律')], quarter), 'c');
    expect(row).toMatchObject({ vetoed: false, grade: null });
    expect(row.veto).toBeUndefined();
  });
});

describe('grading a unit’s rows (篇一 三、4; docs/rules.md G6–G19)', () => {
  // 6 members: ⌊0.9⌋ → 1 place. a and b tie on 91; a’s 日常 is whole (100 × 0.7 + 70 × 0.3), b lost 6 (94 × 0.7 + 84 × 0.3).
  const branch: [string, number, number][] = [
    ['a', 0, 70],
    ['b', 6, 84],
    ['s', 0, 60],
    ['k', 0, 50],
    ['c', 0, 100],
    ['p', 0, 90],
  ];
  const vetoes = [veto('c', 'crime', 'zero', '触犯刑律'), veto('p', 'dues', 'fail', '六个月无正当理由不交纳党费')];

  it('gives the one place to the better 日常 of a tie at 91, vetoed members taking none', () => {
    const graded = gradedFields(rowsOf(branch, vetoes), scheme);
    const of = (id: string) => graded.get(`cycle:2026:${id}`)!;
    expect(of('a')).toEqual({ rank: 2, grade: 'excellent', gradeName: '优秀', gradeFlags: [] });
    expect(of('b')).toEqual({ rank: 2, grade: 'qualified', gradeName: '合格', gradeFlags: ['达到90分，超出优秀名额（1名）'] });
    expect(of('p')).toEqual({ rank: 1, grade: 'failing', gradeName: '不合格', gradeFlags: ['六个月无正当理由不交纳党费：直接视作不合格'] });
    expect(of('c')).toMatchObject({ rank: 6, grade: 'failing', gradeFlags: ['一票否决（触犯刑律）：直接视作不合格'] });
    expect(of('s').grade).toBe('qualified');
  });

  it('leaves a tie the parts cannot break to the 支部大会', () => {
    const graded = gradedFields(rowsOf([['x', 0, 80], ['y', 0, 80], ['z', 0, 40]]), scheme);
    for (const id of ['x', 'y']) expect(graded.get(`cycle:2026:${id}`)).toMatchObject({ grade: 'qualified', gradeFlags: ['与他人并列争最后一个优秀名额，由支部大会确定'] });
  });

  it('answers only the rows whose grade fields differ, so a second pass writes nothing', () => {
    const rows = rowsOf(branch, vetoes);
    const first = gradeChanges(rows, scheme);
    expect(first).toHaveLength(6);
    const written = rows.map((row) => ({ ...row, ...first.find((c) => c.row._id === row._id)!.fields }));
    expect(gradeChanges(written, scheme)).toEqual([]);
    // A row drafted again (its grade fields gone) is the only one written again.
    const redrafted = written.map((row) => (row.memberId === 'k' ? rowsOf([['k', 0, 50]])[0] : row));
    expect(gradeChanges(redrafted, scheme).map((c) => c.row.memberId)).toEqual(['k']);
  });

  it('grades nothing where the template has no grades', () => {
    expect(gradedFields(rowsOf(branch), CHANGZHOU_SCHEME).size).toBe(0);
  });
});

describe('proposing a veto (docs/rules.md X1–X9)', () => {
  const publication = (state: Publication['state']): Publication => ({ _id: 'cycle:2026:b1', period: 'cycle', key: '2026', unitId: 'b1', state, drafted: 6, cursor: null, closedAt: '', closedBy: '' });
  const on = (day: string) => new Date(`${day}T12:00:00+08:00`);

  it('names the conditions of the template when asked for another', () => {
    expect(domainErrorOf(() => conditionOf(scheme, 'late'))).toMatchObject({
      code: 'INVALID_INPUT',
      message: '没有一票否决条件“late”，本方案的条件为：触犯刑律、六个月无正当理由不交纳党费、当年受到党纪政纪处分',
    });
  });

  it('says so on a template that keeps no veto', () => {
    expect(domainErrorOf(() => vetoConditions(CHANGZHOU_SCHEME))).toMatchObject({ code: 'INVALID_INPUT', message: '本方案没有一票否决' });
  });

  it('takes a cycle that has begun and is not final, after its end too', () => {
    expect(() => assertVetoCycle('2026', on('2026-01-01'), scheme.calendar, [null, null])).not.toThrow();
    expect(() => assertVetoCycle('2026', on('2027-01-20'), scheme.calendar, [publication('public'), null])).not.toThrow();
    expect(domainErrorOf(() => assertVetoCycle('2027', on('2026-12-31'), scheme.calendar, []))).toMatchObject({ code: 'OUT_OF_WINDOW', message: '2027 年度尚未开始，不能一票否决' });
    expect(domainErrorOf(() => assertVetoCycle('2026', on('2027-02-01'), scheme.calendar, [null, publication('final')]))).toMatchObject({
      code: 'OUT_OF_WINDOW',
      message: '2026 年度考评已确定，不能再一票否决',
    });
  });

  it('lets the unit’s 记分员 and 书记 and the 机关党委 propose, not a 党员 or another unit’s 记分员', () => {
    const organisation = scheme.organisation;
    expect(mayProposeVeto(member({ branchId: 'b1', roles: ['scorekeeper'] }), 'b1', organisation)).toBe(true);
    expect(mayProposeVeto(member({ branchId: 'b1', roles: ['branch_secretary'] }), 'b1', organisation)).toBe(true);
    expect(mayProposeVeto(member({ roles: ['party_committee'] }), 'b1', organisation)).toBe(true);
    expect(mayProposeVeto(member({ branchId: 'b1', roles: [] }), 'b1', organisation)).toBe(false);
    expect(mayProposeVeto(member({ branchId: 'b2', roles: ['scorekeeper'] }), 'b1', organisation)).toBe(false);
    expect(mayProposeVeto(member({ branchId: 'b1', roles: ['scorekeeper'], status: 'left' }), 'b1', organisation)).toBe(false);
  });

  it('shows a unit’s vetoes to its readers (支委委员 too), every unit’s to the 机关党委', () => {
    const organisation = scheme.organisation;
    expect(readsVetoes(member({ branchId: 'b1', roles: ['branch_committee'] }), 'b1', organisation)).toBe(true);
    expect(readsVetoes(member({ branchId: 'b1', roles: ['group_leader'] }), 'b1', organisation)).toBe(false);
    expect(readsVetoes(member({ roles: ['party_committee'] }), 'root', organisation)).toBe(true);
    expect(readsVetoes(member({ branchId: 'b1', roles: ['branch_secretary'] }), 'root', organisation)).toBe(false);
  });
});

describe('a veto that bars redemption (seeds/001 篇十七 四 14; docs/rules.md H19)', () => {
  it('keeps the score and the grade of the row, and shows the veto on it', () => {
    const row = byId(rowsOf([['v', 0, 100]], [veto('v', 'offence', 'bar', '出现违法违纪问题')]), 'v');
    expect(row).toMatchObject({ score: 100, total: 100, vetoed: false, veto: { effect: 'bar', conditionName: '出现违法违纪问题' } });
    expect(row.grade).not.toBe('failing');
  });

  it('takes no place from the graded rows: the barred account keeps its grade', () => {
    const graded = gradedFields(rowsOf([['v', 0, 100], ['w', 0, 60]], [veto('v', 'offence', 'bar', '出现违法违纪问题')]), scheme);
    expect(graded.get('cycle:2026:v')).toMatchObject({ rank: 1, grade: 'excellent' });
  });

  it('is for a calendar year on a permanent template', () => {
    const permanent = { cycle: { kind: 'permanent' as const }, periods: ['quarter' as const, 'year' as const, 'all' as const] };
    expect(() => assertVetoCycle('2026', new Date('2026-05-06T04:00:00Z'), permanent, [])).not.toThrow();
    expect(domainErrorOf(() => assertVetoCycle('2027', new Date('2026-05-06T04:00:00Z'), permanent, [])).message).toBe('2027 年度尚未开始，不能一票否决');
  });
});
