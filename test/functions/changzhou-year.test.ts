/**
 * A whole changzhou year (seeds/002) through the api: monthly records by the branch's 记分员, a
 * member's self-report recorded by them, a quarter closed, signed and published for 5 working days
 * with one objection upheld and one rejected, made final; the year closed with its 评议分, warnings,
 * and the next year's board starting empty with no reset.
 */
import type { UnitBoard } from '../../typings/api';
import { noon, partyOpenid as as, partyWorld } from '../support/party';

const world = partyWorld('2026-01-05');
const { record } = world;

const cycleBoard = async (key?: string) => (await world.h.ok(as('a'), 'ranking.get', { period: 'cycle', ...(key ? { key } : {}), limit: 100 })).rows;
const scoreOf = async (key: string, cycle = '2026') => (await cycleBoard(cycle)).find((r) => r.memberId === world.party.id(key))?.score;

describe('a 2026 of 第一党支部', () => {
  it('counts a record by the 记分员 at once, with the 记分员 as its one reviewer so far', async () => {
    const { claim } = await record('2026-01-20', 'study.xuexi', ['a', 'b', 'p']);
    expect(claim).toMatchObject({ status: 'approved', total: 30 });
    expect(await scoreOf('a')).toBe(10);
    expect((await world.h.ok(as('a'), 'ledger.list', {})).entries[0]).toMatchObject({ itemId: 'study.xuexi', points: 10, reviewers: [world.party.id('k1')], component: 'basic' });
  });

  it('counts 政治学习 up to its 15 a month, and a miss deducts 0.5 from what counted', async () => {
    await record('2026-01-21', 'study.quiz', ['a', 'b', 'p']);
    await record('2026-01-22', 'study.group', ['a']);
    expect(await scoreOf('a')).toBe(15);
    await record('2026-01-23', 'study.xuexi_missed', ['b'], { count: 3 });
    expect(await scoreOf('b')).toBe(13.5);
  });

  it('routes a member’s 特色分 report to their 记分员, whose approval counts it', async () => {
    world.h.setNow(noon('2026-02-10'));
    const { claim } = await world.h.ok(as('a'), 'claim.submit', { itemId: 'feature.volunteer', occurredOn: '2026-02-08', note: '社区志愿服务' });
    expect(claim).toMatchObject({ step: 'final', waitingFor: { memberIds: [world.party.id('k1')], label: '记分员' } });
    await world.h.ok(as('k1'), 'claim.decide', { claimId: claim._id, decision: 'approve' });
    expect(await scoreOf('a')).toBe(20);
  });

  it('refuses a 记分员 recording for another branch', async () => {
    world.h.setNow(noon('2026-02-11'));
    expect(await world.h.fails(as('k1'), 'award.propose', { itemId: 'study.xuexi', occurredOn: '2026-02-11', recipients: [{ memberId: world.party.id('d') }], note: '' })).toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringContaining('记分员只能为本支部党员记分'),
    });
  });

  it('reverses a disputed entry that the 支委会 upholds (六(一)(2))', async () => {
    await record('2026-02-25', 'life.dues_late', ['p']);
    const before = await scoreOf('p');
    world.h.setNow(noon('2026-02-26'));
    const entryId = (await world.h.ok(as('p'), 'ledger.list', {})).entries.find((e) => e.itemId === 'life.dues_late')!._id;
    const { claim } = await world.h.ok(as('p'), 'objection.submit', { entryId, reason: '党费已按时缴纳，有收据' });
    expect(claim).toMatchObject({ kind: 'objection', waitingFor: { label: '支委委员' } });
    await world.h.ok(as('c1'), 'claim.decide', { claimId: claim._id, decision: 'approve' });
    expect(await scoreOf('p')).toBe(before! + 5);
  });

  it('closes, signs and publishes Q1 for 5 working days, with an objection upheld and one rejected', async () => {
    await record('2026-03-10', 'life.party_day', ['a', 'b']);
    world.h.setNow(noon('2026-04-01')); // Wednesday
    const branch = world.party.unit('第一党支部');
    const q1 = { period: 'quarter', key: '2026-Q1', unitId: branch } as const;
    expect(await world.h.fails(as('k1'), 'admin.period.close', q1)).toMatchObject({ code: 'FORBIDDEN' });
    const closed = await world.h.ok(as('s1'), 'admin.period.close', q1);
    expect(closed).toMatchObject({ done: true, publication: { state: 'draft', drafted: 6 } });
    // A draft is for the secretary; members see nothing until it is published.
    expect((await world.h.ok(as('a'), 'outcome.list', { period: 'quarter', key: '2026-Q1' })).rows).toEqual([]);

    const published = await world.h.ok(as('s1'), 'admin.period.publish', q1);
    // Published on Wednesday 1 April, not counting that day: 2, 3, (清明 4–6), 7, 8, 9 April → open to the end of 9 April.
    expect(published.publication).toMatchObject({ state: 'public', signedBy: { name: '王书记' }, publicUntil: '2026-04-09T15:59:59.999Z' });
    const list = await world.h.ok(as('a'), 'outcome.list', { period: 'quarter', key: '2026-Q1' });
    expect(list.state).toBe('public');
    expect(list.rows.map((r) => r.name)).toContain('陈党员');
    // Every active member has a row, with no entries too.
    expect(list.rows.find((r) => r.memberId === world.party.id('c1'))).toMatchObject({ score: 0, total: 0 });

    const rowOf = (key: string) => list.rows.find((r) => r.memberId === world.party.id(key))!;
    const upheld = (await world.h.ok(as('b'), 'objection.submit', { outcomeId: rowOf('b').outcomeId, reason: '三月党日活动漏记' })).claim;
    const rejected = (await world.h.ok(as('a'), 'objection.submit', { outcomeId: rowOf('a').outcomeId, reason: '学习强国应另计分' })).claim;
    expect((await world.h.ok(as('c1'), 'inbox.list', {})).claims.map((c) => c._id).sort()).toEqual([rejected._id, upheld._id].sort());

    // The 记分员 records what was missed; the 支委会 upholds one objection and rejects the other.
    await world.h.ok(as('k1'), 'award.propose', { itemId: 'life.party_lecture', occurredOn: '2026-03-20', recipients: [{ memberId: world.party.id('b') }], note: '补记' });
    await world.h.ok(as('c1'), 'claim.decide', { claimId: upheld._id, decision: 'approve' });
    await world.h.ok(as('c1'), 'claim.decide', { claimId: rejected._id, decision: 'reject', reason: '学习强国已按月计分' });

    expect(await world.h.fails(as('s1'), 'admin.period.finalize', q1)).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('公示期至 2026-04-09 结束') });
    world.h.setNow(noon('2026-04-10'));
    expect((await world.h.ok(as('s1'), 'admin.period.finalize', q1)).publication.state).toBe('final');
    const final = await world.h.ok(as('b'), 'outcome.list', { period: 'quarter', key: '2026-Q1' });
    expect(final.rows.find((r) => r.memberId === world.party.id('b'))).toMatchObject({ objection: { state: 'upheld' }, total: rowOf('b').total + 5 });
    expect(final.rows.find((r) => r.memberId === world.party.id('a'))).toMatchObject({ objection: { state: 'rejected' }, total: rowOf('a').total });
  });

  it('ranks the 支部 against each other: every unit a row, its points, members and their average (by: unit)', async () => {
    const memberBoard = (await world.h.ok(as('a'), 'ranking.get', { period: 'quarter', key: '2026-Q1', scope: { branchId: world.party.unit('第一党支部') }, limit: 100 })).rows;
    const sum = Math.round(memberBoard.reduce((s, r) => s + r.total, 0) * 100) / 100;
    const units = (await world.h.ok(as('a'), 'ranking.get', { period: 'quarter', key: '2026-Q1', by: 'unit' })) as unknown as UnitBoard;
    expect(units).toMatchObject({ by: 'unit', key: '2026-Q1', me: null });
    expect(units.rows).toEqual([
      { unitId: world.party.unit('第一党支部'), name: '第一党支部', total: sum, rank: 1, members: 6, average: Math.round((sum / 6) * 100) / 100 },
      { unitId: world.party.unit('第二党支部'), name: '第二党支部', total: 0, rank: 2, members: 3, average: 0 },
    ]);
    expect(await world.h.fails(as('a'), 'ranking.get', { period: 'quarter', by: 'unit', scope: { branchId: world.party.unit('第一党支部') } })).toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('shows 第二党支部 nothing of 第一党支部’s 公示', async () => {
    expect(await world.h.fails(as('d'), 'outcome.list', { period: 'quarter', key: '2026-Q1', scope: { branchId: world.party.unit('第一党支部') } })).toMatchObject({ code: 'FORBIDDEN' });
    expect((await world.h.ok(as('d'), 'outcome.list', { period: 'quarter', key: '2026-Q1' })).state).toBeNull();
  });

  it('closes the year with its 评议分 and warns yellow 60–69 and red below 60 (七(二))', async () => {
    // Through the year: the basics of 基础分 for everyone, misconduct for 刘党员.
    for (const month of ['04', '05', '06', '07', '08', '09', '10', '11']) {
      await record(`2026-${month}-15`, 'study.xuexi', ['a', 'b', 'p', 'c1']);
      await record(`2026-${month}-16`, 'life.branch_meeting', ['a', 'b', 'p', 'c1']);
    }
    await record('2026-11-20', 'conduct.misconduct', ['b']);
    await record('2026-11-21', 'conduct.misconduct', ['b']);
    // 民主评议 (四(三)): 优秀 10, 合格 7, 基本合格 5, 不合格 0.
    await record('2026-12-28', 'review.excellent', ['a']);
    await record('2026-12-28', 'review.unqualified', ['b']);
    await record('2026-12-28', 'review.qualified', ['p', 'c1']);

    world.h.setNow(noon('2027-01-04'));
    const year = { period: 'cycle', key: '2026', unitId: world.party.unit('第一党支部') } as const;
    await world.h.ok(as('s1'), 'admin.period.close', year);
    await world.h.ok(as('s1'), 'admin.period.publish', year);
    const rows = (await world.h.ok(as('s1'), 'outcome.list', { period: 'cycle', key: '2026' })).rows;
    const row = (key: string) => rows.find((r) => r.memberId === world.party.id(key))!;
    expect(row('a')).toMatchObject({ score: 70 + 5 + 10, warning: null });
    expect(row('a').parts).toEqual([
      { id: 'basic', name: '基础分', points: 70, max: 70 },
      { id: 'feature', name: '特色分', points: 5, max: 20 },
      { id: 'review', name: '评议分', points: 10, max: 10 },
    ]);
    // 70, less three missed logins (1.5) and two misconducts (20), 不合格 0.
    expect(row('b')).toMatchObject({ score: 48.5, warning: 'red', flags: ['取消本年度评先评优资格'] });
    expect(row('p')).toMatchObject({ score: 77, warning: null, flags: [] });
    // Nothing recorded all year: 0, red.
    expect(row('k1')).toMatchObject({ score: 0, warning: 'red' });
  });

  it('starts the 2027 board empty with no reset, and keeps 2026 readable', async () => {
    world.h.setNow(noon('2027-01-05'));
    expect(await cycleBoard()).toEqual([]);
    expect((await cycleBoard('2026'))[0]).toMatchObject({ name: '陈党员', score: 85, rank: 1 });
    await record('2027-01-05', 'study.xuexi', ['b']);
    expect((await cycleBoard()).map((r) => [r.name, r.score])).toEqual([['刘党员', 10]]);
  });
});
