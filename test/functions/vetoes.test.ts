/**
 * Who may propose, decide and read a veto, and what is refused (docs/rules.md X1–X9), on the graded
 * scheme of test/support/graded-scheme.ts. Every refusal writes nothing.
 */
import { ADMIN_OPENID } from '../support/api';
import { adoptGradedScheme } from '../support/graded-scheme';
import { partyOpenid as as, partyWorld } from '../support/party';

const world = partyWorld('2026-03-02', adoptGradedScheme);
const proposal = (key: string, extra: Record<string, string> = {}) => ({ memberId: world.party.id(key), key: '2026', condition: 'sanction', reason: '受党内警告处分', ...extra });

/** The refusal of a call, checking that it wrote nothing. */
async function refused(openid: string, payload: Record<string, string>) {
  const before = world.h.snapshot();
  const error = await world.h.fails(openid, 'veto.propose', payload);
  expect(world.h.snapshot()).toBe(before);
  return error;
}

describe('proposing a veto', () => {
  it('names the template’s conditions when given another', async () => {
    expect(await refused(as('k1'), proposal('a', { condition: 'late' }))).toEqual({
      code: 'INVALID_INPUT',
      message: '没有一票否决条件“late”，本方案的条件为：触犯刑律、六个月无正当理由不交纳党费、当年受到党纪政纪处分',
    });
  });

  it('is for the unit’s 记分员 and 书记, the 机关党委 and the secretariat: not a 党员, nor another 支部’s 记分员', async () => {
    expect(await refused(as('a'), proposal('b'))).toMatchObject({ code: 'FORBIDDEN', message: '只有本支部的记分、签字负责人或秘书处可以提出一票否决' });
    expect(await refused(as('k2'), proposal('b'))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await refused('a-stranger', proposal('b'))).toMatchObject({ code: 'NOT_BOUND' });
    const { claim } = await world.h.ok(ADMIN_OPENID, 'veto.propose', proposal('b'));
    expect(claim).toMatchObject({ createdByName: '秘书处', waitingFor: { label: '支部书记' } });
  });

  it('refuses a second proposal while one is pending, and after one is in force', async () => {
    expect(await refused(as('k1'), proposal('b', { condition: 'dues' }))).toMatchObject({
      code: 'CONFLICT',
      message: '刘党员 2026 年度已有待决定的一票否决（秘书处提出，等待支部书记）',
    });
    const pending = (await world.h.ok(as('s1'), 'inbox.list', {})).claims.find((c) => c.kind === 'veto')!;
    await world.h.ok(as('s1'), 'claim.decide', { claimId: pending._id, decision: 'approve' });
    expect(await refused(as('k1'), proposal('b'))).toMatchObject({ code: 'CONFLICT', message: '刘党员 2026 年度已被一票否决' });
  });

  it('takes a new proposal after a rejection', async () => {
    const first = (await world.h.ok(as('k1'), 'veto.propose', proposal('a'))).claim;
    await world.h.ok(as('s1'), 'claim.decide', { claimId: first._id, decision: 'reject', reason: '查无此事' });
    const second = (await world.h.ok(as('k1'), 'veto.propose', proposal('a', { reason: '补充材料：受党内警告处分' }))).claim;
    expect([first._id, second._id]).toEqual([`veto-2026-${world.party.id('a')}-1`, `veto-2026-${world.party.id('a')}-2`]);
    await world.h.ok(as('s1'), 'claim.decide', { claimId: second._id, decision: 'reject', reason: '查无此事' });
  });

  it('refuses a year that has not begun, a proposal for oneself, and a reason of one character', async () => {
    expect(await refused(as('k1'), proposal('a', { key: '2027' }))).toMatchObject({ code: 'OUT_OF_WINDOW', message: '2027 年度尚未开始，不能一票否决' });
    expect(await refused(as('s1'), proposal('s1'))).toMatchObject({ code: 'SELF_REVIEW', message: '不能对自己提出一票否决' });
    expect(await refused(as('k1'), proposal('a', { reason: '无' }))).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('理由') });
  });

  it('never lets the member concerned decide it: a veto of the 书记 goes to the 机关党委', async () => {
    const { claim } = await world.h.ok(as('k1'), 'veto.propose', proposal('s1'));
    expect(claim.waitingFor?.memberIds).toEqual([world.party.id('committee')]);
    expect(await world.h.fails(as('s1'), 'claim.decide', { claimId: claim._id, decision: 'approve' })).toMatchObject({ code: 'SELF_REVIEW', message: '不能决定对自己的一票否决' });
    await world.h.ok(as('committee'), 'claim.decide', { claimId: claim._id, decision: 'reject', reason: '处分已撤销' });
  });
});

describe('reading a year’s vetoes', () => {
  it('shows a 支部’s vetoes to its readers and every 支部’s to the 机关党委, not to a 党员 or another 支部', async () => {
    const names = async (openid: string, branch?: string) =>
      (await world.h.ok(openid, 'veto.list', { key: '2026', ...(branch ? { branchId: world.party.unit(branch) } : {}) })).vetoes.map((v) => v.memberName);
    expect(await names(as('c1'))).toEqual(['刘党员']);
    expect(await names(as('committee'))).toEqual(['刘党员']);
    expect(await names(ADMIN_OPENID, '第二党支部')).toEqual([]);
    expect(await world.h.fails(as('a'), 'veto.list', { key: '2026' })).toMatchObject({ code: 'FORBIDDEN', message: '只有本支部负责人、机关党委或秘书处可以查看一票否决' });
    expect(await world.h.fails(as('s2'), 'veto.list', { key: '2026', branchId: world.party.unit('第一党支部') })).toMatchObject({ code: 'FORBIDDEN' });
  });
});
