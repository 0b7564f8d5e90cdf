/**
 * A graded year of two 支部 through the api (seeds/001 篇一 三、4, 篇十五, 篇二十一), on the graded
 * scheme of test/support/graded-scheme.ts (日常考核 from a full 100 × 0.7 + 年度评议 × 0.3; 优秀 ≥ 90
 * for at most 15% of a 支部, at least one place): vetoes proposed and decided during the year, the
 * year closed with each 支部's places and grades, the quota line in a tie broken by 日常 in one 支部
 * and in a tie nothing breaks in the other, and a veto decided between the close and finalize.
 */
import type { OutcomeView } from '../../typings/api';
import { ADMIN_OPENID } from '../support/api';
import { adoptGradedScheme } from '../support/graded-scheme';
import { noon, PARTY, partyOpenid as as, partyWorld } from '../support/party';

const world = partyWorld('2026-01-05', adoptGradedScheme);

/** A 支部's recorder (k1, k2; their 书记 for the 记分员's own) records an item for people by key; it counts at once. */
async function record(recorder: string, day: string, itemId: string, keys: string[], count?: number) {
  world.h.setNow(noon(day));
  const recipients = keys.map((k) => ({ memberId: world.party.id(k) }));
  await world.h.ok(as(recorder), 'award.propose', { itemId, occurredOn: day, recipients, note: '', ...(count ? { count } : {}) });
}
const OWN_RECORDER: Record<string, string> = { k1: 's1', k2: 's2' };
const review = (scorekeeper: 'k1' | 'k2', key: string, points: number) => record(OWN_RECORDER[key] ?? scorekeeper, '2026-12-28', 'review.points', [key], points);

const year = (branch: string) => ({ period: 'cycle', key: '2026', unitId: world.party.unit(branch) }) as const;
async function rowsOf(reader: string, branch: string): Promise<Record<string, OutcomeView>> {
  const list = await world.h.ok(as(reader), 'outcome.list', { period: 'cycle', key: '2026', scope: { branchId: world.party.unit(branch) } });
  return Object.fromEntries(list.rows.map((row) => [PARTY.find((p) => world.party.id(p.key) === row.memberId)!.key, row]));
}

describe('2025 closed for the whole organisation by the secretariat (G6)', () => {
  it('grades each 支部 apart, and the 党员 directly under the 机关党委 as a unit of their own', async () => {
    await record('k1', '2025-12-20', 'review.points', ['a', 'b'], 100);
    world.h.setNow(noon('2026-01-05'));
    expect(await world.h.ok(ADMIN_OPENID, 'admin.period.close', { period: 'cycle', key: '2025' })).toMatchObject({ done: true, publication: { drafted: 10 } });
    const list = await world.h.ok(ADMIN_OPENID, 'outcome.list', { period: 'cycle', key: '2025' });
    const row = (key: string) => list.rows.find((r) => r.memberId === world.party.id(key))!;
    // 第一党支部's one place: a and b tie on 100 in every part, so neither takes it.
    for (const key of ['a', 'b']) expect(row(key)).toMatchObject({ score: 100, rank: 1, gradeName: '合格', flags: ['与他人并列争最后一个优秀名额，由支部大会确定'] });
    expect(row('s1')).toMatchObject({ score: 70, rank: 3, gradeName: '合格', flags: [] });
    expect(row('d')).toMatchObject({ score: 70, rank: 1, gradeName: '合格' });
    expect(row('committee')).toMatchObject({ score: 70, rank: 1, gradeName: '合格' });
    expect(list.quota).toBeUndefined();
    const branch = await world.h.ok(ADMIN_OPENID, 'outcome.list', { period: 'cycle', key: '2025', scope: { branchId: world.party.unit('第一党支部') } });
    expect(branch.quota).toEqual({ grade: 'excellent', name: '优秀', places: 1, members: 6, share: 0.15, minimum: 1 });
  });
});

describe('vetoes decided during 2026 (篇二十一, 篇一 三、4)', () => {
  it('routes a 记分员’s veto to the 支部书记, whose approval puts it in force', async () => {
    world.h.setNow(noon('2026-06-01'));
    const { claim } = await world.h.ok(as('k1'), 'veto.propose', { memberId: world.party.id('c1'), key: '2026', condition: 'crime', reason: '因盗窃被判处刑罚' });
    expect(claim).toMatchObject({ kind: 'veto', lines: [], total: 0, step: 'final', waitingFor: { memberIds: [world.party.id('s1')], label: '支部书记' } });
    expect(claim.veto).toEqual({ condition: 'crime', conditionName: '触犯刑律', effect: 'zero', key: '2026', memberId: world.party.id('c1'), memberName: '李支委' });
    expect((await world.h.ok(as('s1'), 'inbox.list', {})).claims.map((c) => c._id)).toEqual([claim._id]);
    await world.h.ok(as('s1'), 'claim.decide', { claimId: claim._id, decision: 'approve' });
    expect((await world.h.ok(as('s1'), 'veto.list', { key: '2026' })).vetoes).toEqual([
      expect.objectContaining({ memberId: world.party.id('c1'), memberName: '李支委', condition: 'crime', effect: 'zero', reason: '因盗窃被判处刑罚', decidedBy: { id: world.party.id('s1'), name: '王书记' } }),
    ]);
  });

  it('passes the 支部书记 over for a veto they propose, to the 机关党委; a rejection puts nothing in force', async () => {
    const { claim } = await world.h.ok(as('s1'), 'veto.propose', { memberId: world.party.id('a'), key: '2026', condition: 'sanction', reason: '传言受到处分' });
    expect(claim.waitingFor).toEqual({ memberIds: [world.party.id('committee')], label: '机关党委委员（支部书记回避，逐级上报）' });
    await world.h.ok(as('committee'), 'claim.decide', { claimId: claim._id, decision: 'reject', reason: '经核实未受处分' });
    expect((await world.h.ok(as('committee'), 'veto.list', { key: '2026' })).vetoes.map((v) => v.memberName)).toEqual(['李支委']);
  });

  it('puts a veto that fails the member (六个月未交纳党费) in force the same way', async () => {
    const { claim } = await world.h.ok(as('k1'), 'veto.propose', { memberId: world.party.id('p'), key: '2026', condition: 'dues', reason: '1月至6月未交纳党费，无正当理由' });
    await world.h.ok(as('s1'), 'claim.decide', { claimId: claim._id, decision: 'approve' });
  });
});

describe('the year closed, 支部 by 支部', () => {
  it('closes 第一党支部: one 优秀 place taken by the better 日常 of a tie at 91, the vetoed failed', async () => {
    // 第一党支部: a 91 (日常 100, 评议 70), b 91 (日常 94, 评议 84), s1 88, k1 85, c1 100 归零, p 97 视作不合格.
    await record('k1', '2026-09-10', 'daily.absent', ['b'], 6);
    for (const [key, points] of [['a', 70], ['b', 84], ['s1', 60], ['k1', 50], ['c1', 100], ['p', 90]] as const) await review('k1', key, points);
    // 第二党支部: s2 and d 94 each (日常 100, 评议 80), k2 82.
    for (const [key, points] of [['s2', 80], ['d', 80], ['k2', 40]] as const) await review('k2', key, points);
    world.h.setNow(noon('2027-01-05'));
    expect(await world.h.ok(as('s1'), 'admin.period.close', year('第一党支部'))).toMatchObject({ done: true, publication: { state: 'draft', drafted: 6 } });

    const rows = await rowsOf('s1', '第一党支部');
    expect(rows.a).toMatchObject({ score: 91, rank: 2, grade: 'excellent', gradeName: '优秀', stars: 5, flags: [] });
    expect(rows.b).toMatchObject({ score: 91, rank: 2, grade: 'qualified', gradeName: '合格', flags: ['达到90分，超出优秀名额（1名）'] });
    expect(rows.b.parts?.map((p) => [p.name, p.points])).toEqual([['日常考核', 94], ['年度评议', 84]]);
    expect(rows.s1).toMatchObject({ score: 88, rank: 4, gradeName: '合格', stars: 4 });
    expect(rows.c1).toMatchObject({ score: 0, total: 100, vetoed: true, rank: 6, gradeName: '不合格', stars: 1, veto: { condition: 'crime', conditionName: '触犯刑律', effect: 'zero', reason: '因盗窃被判处刑罚' } });
    expect(rows.c1.flags).toEqual(['一票否决（触犯刑律）：本年度积分归零', '一星级：定为不合格党员，进行为期6个月的教育转化', '一票否决（触犯刑律）：直接视作不合格']);
    // 视作不合格 keeps the score and its place by score, and takes no 优秀 place.
    expect(rows.p).toMatchObject({ score: 97, vetoed: false, rank: 1, gradeName: '不合格', veto: { effect: 'fail' }, flags: ['六个月无正当理由不交纳党费：直接视作不合格'] });
    const list = await world.h.ok(as('s1'), 'outcome.list', { period: 'cycle', key: '2026', scope: { branchId: world.party.unit('第一党支部') } });
    expect(list.quota).toEqual({ grade: 'excellent', name: '优秀', places: 1, members: 6, share: 0.15, minimum: 1 });
  });

  it('grades the same when a close cut short before the publication moved runs again', async () => {
    const before = world.h.cloud.store.dump().outcomes;
    const pubId = `cycle:2026:${world.party.unit('第一党支部')}`;
    const publication = world.h.cloud.store.dump().publications!.find((p) => p._id === pubId)!;
    // As a close whose last batch and grading were written, and whose publication never left 'closing'.
    world.h.cloud.store.commit([{ collection: 'publications', id: pubId, doc: { ...publication, state: 'closing', drafted: 0, cursor: null } }]);
    expect(await world.h.ok(as('s1'), 'admin.period.close', year('第一党支部'))).toMatchObject({ done: true, publication: { state: 'draft', drafted: 6 } });
    expect(world.h.cloud.store.dump().outcomes).toEqual(before);
  });

  it('closes 第二党支部: a tie for its one place that the parts cannot break is left to the 支部大会', async () => {
    await world.h.ok(as('s2'), 'admin.period.close', year('第二党支部'));
    const rows = await rowsOf('s2', '第二党支部');
    for (const key of ['s2', 'd']) expect(rows[key]).toMatchObject({ score: 94, rank: 1, gradeName: '合格', flags: ['与他人并列争最后一个优秀名额，由支部大会确定'] });
    expect(rows.k2).toMatchObject({ score: 82, rank: 3, gradeName: '合格' });
    expect((await world.h.ok(as('s2'), 'outcome.list', { period: 'cycle', key: '2026', scope: { branchId: world.party.unit('第二党支部') } })).quota).toEqual({
      grade: 'excellent',
      name: '优秀',
      places: 1,
      members: 3,
      share: 0.15,
      minimum: 1,
    });
  });
});

describe('a veto decided after the close counts at finalize (X6)', () => {
  it('waits for an undecided veto before making the year final', async () => {
    world.h.setNow(noon('2027-01-05')); // Tuesday: open to the end of Tuesday 12 January
    for (const branch of ['第一党支部', '第二党支部']) await world.h.ok(as(branch === '第一党支部' ? 's1' : 's2'), 'admin.period.publish', year(branch));
    world.h.setNow(noon('2027-01-06'));
    const { claim } = await world.h.ok(as('k2'), 'veto.propose', { memberId: world.party.id('d'), key: '2026', condition: 'sanction', reason: '2026年11月受党内警告处分' });
    // The published rows stay as they were signed until the year is made final.
    expect((await rowsOf('s2', '第二党支部')).d.veto).toBeUndefined();
    world.h.setNow(noon('2027-01-13'));
    expect(await world.h.fails(as('s2'), 'admin.period.finalize', year('第二党支部'))).toMatchObject({ code: 'CONFLICT', message: '还有 1 项一票否决未决定，决定后才能确定' });
    await world.h.ok(as('s2'), 'claim.decide', { claimId: claim._id, decision: 'approve' });
  });

  it('fails the vetoed member at finalize and grades the 支部 again: the tie is gone, the other takes the place', async () => {
    expect((await world.h.ok(as('s2'), 'admin.period.finalize', year('第二党支部'))).publication.state).toBe('final');
    const rows = await rowsOf('d', '第二党支部');
    expect(rows.d).toMatchObject({ score: 94, gradeName: '不合格', veto: { condition: 'sanction' }, flags: ['当年受到党纪政纪处分：直接视作不合格'] });
    expect(rows.s2).toMatchObject({ score: 94, rank: 1, gradeName: '优秀', flags: [] });
    expect(rows.k2).toMatchObject({ rank: 3, gradeName: '合格' });
  });

  it('refuses a veto for a year that is final for the member’s 支部', async () => {
    expect(await world.h.fails(as('k2'), 'veto.propose', { memberId: world.party.id('s2'), key: '2026', condition: 'sanction', reason: '受党内警告处分' })).toMatchObject({
      code: 'OUT_OF_WINDOW',
      message: '2026 年度考评已确定，不能再一票否决',
    });
    // 第一党支部's year is still open: its 书记 makes it final, with nothing to redraft.
    expect((await world.h.ok(as('s1'), 'admin.period.finalize', year('第一党支部'))).publication.state).toBe('final');
    expect((await rowsOf('a', '第一党支部')).a).toMatchObject({ gradeName: '优秀' });
  });
});
