/**
 * A village quarter (seeds/004 第三篇 四(二)、四(三); docs/rules.md H13–H17, W3): households report and
 * the 评定小组 records, the 评定小组组长 closes and publishes the quarter in the village, a household
 * objects and the 村委会 upholds it after the missed record is made, and the quarter is final once its
 * 5 working days are over. Volunteer hours reach the ledger with their hours. The 积分超市: a
 * household reserves, the 超市管理员 hands it over on the 15th, a reservation not collected comes back,
 * and a vetoed household is refused (S1–S21).
 */
import { ApiHarness } from '../support/api';
import { noon } from '../support/party';
import { ONE, villageOpenid as as, villageOrganisation, type Village } from '../support/village';
import { ROOT } from '../../domain/organisation';

let h: ApiHarness;
let village: Village;
beforeAll(async () => {
  h = new ApiHarness({ now: noon('2026-02-02') });
  village = await villageOrganisation(h);
}, 60_000);
afterAll(() => h.close());

async function selfReport(key: string, day: string, itemId: string, extra: { value?: number } = {}) {
  h.setNow(noon(day));
  const { claim } = await h.ok(as(key), 'claim.submit', { itemId, occurredOn: day, note: '', evidence: [], ...extra });
  const group = key === 'liu' || key === 'chen' ? 'gl2' : 'gl1';
  await h.ok(as(group), 'claim.decide', { claimId: claim._id, decision: 'approve' });
  return (await h.ok(as('cadre'), 'claim.decide', { claimId: claim._id, decision: 'approve' })).claim;
}

it('converts a household’s volunteer hours to points and keeps the hours on the claim and in 明细', async () => {
  const claim = await selfReport('chen', '2026-02-10', 'self.volunteer', { value: 3.5 });
  expect(claim.lines[0]).toMatchObject({ memberId: village.account('liu'), points: 3.5, hours: 3.5 });
  const { entries } = await h.ok(as('liu'), 'ledger.list', {});
  expect(entries[0]).toMatchObject({ itemId: 'self.volunteer', points: 3.5, hours: 3.5 });
  expect(await h.fails(as('chen'), 'claim.submit', { itemId: 'self.volunteer', occurredOn: '2026-02-10', note: '', evidence: [], value: 0.75 })).toMatchObject({
    code: 'INVALID_INPUT',
    message: expect.stringContaining('志愿服务时长按半小时计'),
  });
});

it('publishes the quarter in the village; an objection upheld by the 村委会 counts before it is final', async () => {
  await selfReport('zhang', '2026-03-02', 'virtue.no_violence');
  await selfReport('wang', '2026-03-05', 'self.thrift');
  h.setNow(noon('2026-03-20'));
  const deduction = await h.ok(as('gl1'), 'award.propose', { itemId: 'self.dumping', occurredOn: '2026-03-18', recipients: [{ memberId: village.account('wang') }], note: '沟边倒垃圾' });
  await h.ok(as('cadre'), 'claim.decide', { claimId: deduction.claim._id, decision: 'approve' });

  h.setNow(noon('2026-04-01')); // Wednesday
  const q1 = { period: 'quarter', key: '2026-Q1', unitId: ROOT } as const;
  expect(await h.fails(as('gl1'), 'admin.period.close', q1)).toMatchObject({ code: 'FORBIDDEN' });
  const closed = await h.ok(as('leader'), 'admin.period.close', q1);
  // One row per household: the 评定小组's people have no 积分台账.
  expect(closed).toMatchObject({ done: true, publication: { state: 'draft', drafted: 3 } });
  const published = await h.ok(as('leader'), 'admin.period.publish', q1);
  expect(published.publication).toMatchObject({ state: 'public', signedBy: { name: '周支书' }, publicUntil: '2026-04-09T15:59:59.999Z' });

  const list = await h.ok(as('leader'), 'outcome.list', { period: 'quarter', key: '2026-Q1' });
  expect(list.rows.map((r) => [r.name, r.total])).toEqual(
    expect.arrayContaining([
      ['张建国户', 10],
      ['王德福户', 5],
      ['刘长春户', 3.5],
    ]),
  );
  const ours = list.rows.find((r) => r.memberId === village.account('zhang'))!;
  const { claim: objection } = await h.ok(as('li'), 'objection.submit', { outcomeId: ours.outcomeId, reason: '三月义务劳动漏记' });
  expect(objection.createdByName).toBe('李秀英（张建国户）');
  expect(objection.waitingFor?.label).toContain('村委会委员');

  // 村委会调查核实后作出处置: the missed record is made, then the objection upheld.
  const missed = await h.ok(as('gl1'), 'award.propose', { itemId: 'self.labour', occurredOn: '2026-03-21', recipients: [{ memberId: village.account('zhang') }], note: '补记义务劳动' });
  await h.ok(as('cadre'), 'claim.decide', { claimId: missed.claim._id, decision: 'approve' });
  const decider = objection.waitingFor!.memberIds.includes(village.account('committee')) ? 'committee' : 'leader';
  await h.ok(as(decider), 'claim.decide', { claimId: objection._id, decision: 'approve' });

  expect(await h.fails(as('leader'), 'admin.period.finalize', q1)).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('公示期至 2026-04-09 结束') });
  h.setNow(noon('2026-04-10'));
  expect((await h.ok(as('leader'), 'admin.period.finalize', q1)).publication.state).toBe('final');
  const final = await h.ok(as('zhang'), 'outcome.list', { period: 'quarter', key: '2026-Q1' });
  expect(final.rows.find((r) => r.memberId === village.account('zhang'))).toMatchObject({ objection: { state: 'upheld' }, total: 15 });

  // Points accumulate (累计积分不清零): the all-time board and the year's board carry the quarter on.
  const group = await h.ok(as('wang'), 'ranking.get', { period: 'year', key: '2026', scope: { branchId: village.unit(ONE) } });
  expect(group.rows.map((r) => [r.name, r.total, r.rank])).toEqual([
    ['张建国户', 15, 1],
    ['王德福户', 5, 2],
  ]);
});

it('bars a household’s redemption for the year by a 一票否决 the 村委会 decides, while it keeps earning (篇十七 四 14)', async () => {
  h.setNow(noon('2026-05-06'));
  const { claim } = await h.ok(as('cadre'), 'veto.propose', { memberId: village.account('wang'), key: '2026', condition: 'offence', reason: '经派出所查实参与赌博，受到治安处罚' });
  expect(claim.veto).toMatchObject({ effect: 'bar', key: '2026', memberName: '王德福户' });
  const decider = claim.waitingFor!.memberIds.includes(village.account('committee')) ? 'committee' : 'leader';
  await h.ok(as(decider), 'claim.decide', { claimId: claim._id, decision: 'approve' });
  const { vetoes } = await h.ok(as('leader'), 'veto.list', { key: '2026' });
  expect(vetoes.map((v) => [v.memberId, v.effect])).toEqual([[village.account('wang'), 'bar']]);
  // Still earning: a report this month counts as before.
  const report = await selfReport('wang', '2026-05-06', 'self.thrift');
  expect(report.status).toBe('approved');
  expect((await h.ok(as('wang'), 'home.get')).standings?.all.total).toBe(15);
});

describe('the 积分超市 on the village template (004 第三篇 四(五)1②)', () => {
  let towels: string;
  const expire = async () => (await h.cloud.invoke('cron', { Type: 'Timer', TriggerName: 'expiry' })) as { ok: boolean; data: { expired: number } };
  const balance = async (key: string) => (await h.ok(as(key), 'shop.list', {})).balance;

  it('hands a reservation over on the quarter’s redemption day, to the code the household was given', async () => {
    h.setNow(noon('2026-06-01'));
    towels = (await h.ok(as('cadre'), 'shop.reward.save', { name: '毛巾', cost: 1, stock: 10, keeper: '村积分超市' })).reward._id;
    const before = await balance('liu');
    const { redemption } = await h.ok(as('chen'), 'redeem.request', { rewardId: towels, quantity: 1 });
    expect(redemption).toMatchObject({ memberName: '刘长春户', reservedBy: { name: '陈桂兰（刘长春户）' }, expiresOn: '2026-07-01' });
    expect(await balance('liu')).toBe(before - 1);
    h.setNow(noon('2026-06-15'));
    const { redemption: handed } = await h.ok(as('keeper'), 'redeem.fulfil', { code: redemption.code.toLowerCase() });
    expect(handed).toMatchObject({ status: 'fulfilled', fulfilledOn: '2026-06-15', fulfilledBy: { name: '牟店员' } });
  });

  it('keeps a reservation made after the redemption day until the next one, then returns its points and stock (S6, S21)', async () => {
    h.setNow(noon('2026-06-20'));
    const before = await balance('liu');
    const { redemption } = await h.ok(as('liu'), 'redeem.request', { rewardId: towels, quantity: 2 });
    expect(redemption.expiresOn).toBe('2026-09-15');
    h.setNow(noon('2026-09-16'));
    expect((await expire()).data.expired).toBe(1);
    expect(await h.ok(as('liu'), 'shop.list', {})).toMatchObject({ balance: before, rewards: [{ rewardId: towels, stock: 9 }] });
  });

  it('refuses the household the 村委会 vetoed, naming why, and leaves the stock alone', async () => {
    expect(await h.fails(as('wang'), 'redeem.request', { rewardId: towels, quantity: 1 })).toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringContaining('2026 年度暂停积分兑换，积分照常累计'),
    });
    expect((await h.ok(as('wang'), 'shop.list', {})).rewards).toEqual([expect.objectContaining({ stock: 9 })]);
  });
});
