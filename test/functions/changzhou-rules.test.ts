/**
 * The changzhou template's finer rules through the api (seeds/002): a branch's own 特色 item approved
 * by the 机关党委 (附件 特色分 自选), objections only while a result is public, no final result while
 * an objection waits, two red years in a row flagged, the 预备党员 thresholds (七(二)), and the 我的
 * page's three parts of the year.
 */
import { noon, partyOpenid as as, partyWorld } from '../support/party';

const world = partyWorld('2025-01-06');
const { record } = world;

const branchOne = () => world.party.unit('第一党支部');

/** Closes, publishes and (after its 5 working days) makes final a branch's period. */
async function settle(period: 'quarter' | 'cycle', key: string, closeOn: string, finalOn: string) {
  const target = { period, key, unitId: branchOne() };
  world.h.setNow(noon(closeOn));
  await world.h.ok(as('s1'), 'admin.period.close', target);
  await world.h.ok(as('s1'), 'admin.period.publish', target);
  world.h.setNow(noon(finalOn));
  await world.h.ok(as('s1'), 'admin.period.finalize', target);
}

const cycleRow = async (key: string, who: string) =>
  (await world.h.ok(as('s1'), 'outcome.list', { period: 'cycle', key })).rows.find((r) => r.memberId === world.party.id(who))!;

describe('2025: a year below 60 for 刘党员, 65 for the probationary 孙预备', () => {
  it('flags the probationary member below 70 to be talked to, and the red year’s consequence', async () => {
    for (const month of ['02', '03', '04', '05', '06', '07']) await record(`2025-${month}-10`, 'study.xuexi', ['a', 'p']);
    await record('2025-08-10', 'feature.volunteer', ['p']);
    await settle('cycle', '2025', '2026-01-05', '2026-01-13');
    expect(await cycleRow('2025', 'p')).toMatchObject({ score: 65, warning: 'yellow', flags: ['支部书记约谈提醒', '预备党员低于70分：支部书记约谈提醒'] });
    expect(await cycleRow('2025', 'b')).toMatchObject({ score: 0, warning: 'red', flags: ['取消本年度评先评优资格'] });
  });
});

describe('2026', () => {
  it('lets 第一党支部 propose its own 特色 item, approved by the 机关党委, for its own members only', async () => {
    world.h.setNow(noon('2026-01-20'));
    expect(await world.h.fails(as('a'), 'item.propose', { item: { name: '社区网格服务', points: 3, component: 'feature' }, note: '' })).toMatchObject({
      code: 'FORBIDDEN',
      message: '只有本支部负责人或秘书处可以提出自选项目',
    });
    expect(await world.h.fails(as('s1'), 'item.propose', { item: { name: '社区网格服务', points: 3 }, note: '' })).toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringContaining('请选择计入哪一部分：基础分、特色分、评议分'),
    });
    const { claim } = await world.h.ok(as('s1'), 'item.propose', { item: { name: '社区网格服务', points: 3, component: 'feature' }, note: '每月参加社区网格值守' });
    expect(claim).toMatchObject({ kind: 'item', waitingFor: { memberIds: [world.party.id('committee')], label: '机关党委委员' } });
    expect((await world.h.ok(as('a'), 'catalog.get', {})).items.some((i) => i.name === '社区网格服务')).toBe(false);
    await world.h.ok(as('committee'), 'claim.decide', { claimId: claim._id, decision: 'approve' });

    const own = (await world.h.ok(as('a'), 'catalog.get', {})).items.find((i) => i.name === '社区网格服务')!;
    expect(own).toMatchObject({ points: 3, component: 'feature', category: '第一党支部自选' });
    expect((await world.h.ok(as('d'), 'catalog.get', {})).items.some((i) => i.name === '社区网格服务')).toBe(false);
    expect(await world.h.fails(as('d'), 'claim.submit', { itemId: own.id, occurredOn: '2026-01-20', note: '' })).toMatchObject({ code: 'NOT_FOUND' });

    const submitted = (await world.h.ok(as('a'), 'claim.submit', { itemId: own.id, occurredOn: '2026-01-18', note: '网格值守' })).claim;
    await world.h.ok(as('k1'), 'claim.decide', { claimId: submitted._id, decision: 'approve' });
    const home = await world.h.ok(as('a'), 'home.get', {});
    expect(home.standings?.cycle).toMatchObject({
      score: 3,
      components: [
        { id: 'basic', name: '基础分', points: 0, max: 70 },
        { id: 'feature', name: '特色分', points: 3, max: 20 },
        { id: 'review', name: '评议分', points: 0, max: 10 },
      ],
    });
  });

  it('takes objections only while the quarter is public, and makes nothing final while one waits', async () => {
    await record('2026-02-10', 'study.xuexi', ['a', 'b']);
    const q1 = { period: 'quarter', key: '2026-Q1', unitId: branchOne() } as const;
    world.h.setNow(noon('2026-04-01'));
    await world.h.ok(as('s1'), 'admin.period.close', q1);
    const draftRows = (await world.h.ok(as('s1'), 'outcome.list', { period: 'quarter', key: '2026-Q1' })).rows;
    const bRow = draftRows.find((r) => r.memberId === world.party.id('b'))!;
    expect(await world.h.fails(as('b'), 'objection.submit', { outcomeId: bRow.outcomeId, reason: '尚未公示' })).toMatchObject({ code: 'OUT_OF_WINDOW' });

    await world.h.ok(as('s1'), 'admin.period.publish', q1);
    expect(await world.h.fails(as('d'), 'objection.submit', { outcomeId: bRow.outcomeId, reason: '别的支部' })).toMatchObject({ code: 'FORBIDDEN' });
    const objection = (await world.h.ok(as('b'), 'objection.submit', { outcomeId: bRow.outcomeId, reason: '二月学习漏记一次' })).claim;
    expect(await world.h.fails(as('b'), 'objection.submit', { outcomeId: bRow.outcomeId, reason: '再提一次' })).toMatchObject({ code: 'CONFLICT' });

    world.h.setNow(noon('2026-04-10'));
    expect(await world.h.fails(as('a'), 'objection.submit', { outcomeId: draftRows.find((r) => r.memberId === world.party.id('a'))!.outcomeId, reason: '公示期已过' })).toMatchObject({
      code: 'OUT_OF_WINDOW',
      message: '该考评结果不在公示期内，不能提出异议',
    });
    expect(await world.h.fails(as('s1'), 'admin.period.finalize', q1)).toMatchObject({ code: 'CONFLICT', message: '还有 1 条异议未处理，处理后才能确定' });
    await world.h.ok(as('c1'), 'claim.decide', { claimId: objection._id, decision: 'reject', reason: '二月学习已计入' });
    expect((await world.h.ok(as('s1'), 'admin.period.finalize', q1)).publication.state).toBe('final');
    // An entry of a final quarter can no longer be disputed.
    const entry = (await world.h.ok(as('b'), 'ledger.list', {})).entries.find((e) => e.occurredOn === '2026-02-10')!;
    expect(await world.h.fails(as('b'), 'objection.submit', { entryId: entry._id, reason: '晚了' })).toMatchObject({ code: 'OUT_OF_WINDOW' });
  });

  it('flags a second red year in a row for the 支部书记 (七(二)), and not a first', async () => {
    await settle('cycle', '2026', '2027-01-05', '2027-01-13');
    expect(await cycleRow('2026', 'b')).toMatchObject({
      warning: 'red',
      flags: ['取消本年度评先评优资格', '连续两年低于60分：由支部书记按规定慎重处理'],
    });
    // 陈党员 was yellow in 2025 (60 is in 60–69), so a red 2026 is a first.
    expect(await cycleRow('2025', 'a')).toMatchObject({ score: 60, warning: 'yellow' });
    expect(await cycleRow('2026', 'a')).toMatchObject({ warning: 'red', flags: ['取消本年度评先评优资格'] });
  });
});
