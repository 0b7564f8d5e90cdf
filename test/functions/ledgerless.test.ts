/**
 * A person with no 积分台账 of their own (docs/rules.md H24): an official of no category, the village's
 * 村民小组长 (H11, H23) or 荆门's 政治指导员 (M3). Points go to accounts only, so neither their own
 * report nor a record naming them is taken, and nothing is written; accounts are unaffected.
 */
import { ApiHarness } from '../support/api';
import { associationAt, openidOf } from '../support/fixtures';
import { villageOpenid, villageOrganisation, type Village } from '../support/village';

describe('on the village template (seeds/004 以户为单位建立积分台账)', () => {
  let h: ApiHarness;
  let village: Village;
  beforeEach(async () => {
    h = new ApiHarness({ now: new Date('2026-05-12T04:00:00Z') });
    village = await villageOrganisation(h);
  });
  afterEach(() => h.close());

  const report = { itemId: 'virtue.neighbours', occurredOn: '2026-05-10', note: '邻里和睦', evidence: [] };

  it("refuses a 村民小组长's self-report, saying the points are the household's, and writes nothing", async () => {
    const before = h.snapshot();
    const error = await h.fails(villageOpenid('gl1'), 'claim.submit', report);
    expect(error.code).toBe('FORBIDDEN');
    expect(error.message).toBe(
      '您没有本人的积分台账，不能为自己申报：积分以户为单位，记在农户名下（以户为单位建立积分台账）。您家的积分，请由户里的成员用各自的邀请码绑定微信后以户申报。',
    );
    expect(h.snapshot()).toBe(before);
  });

  it('still takes the report of a household person of the same 村民小组, for the household', async () => {
    const { claim } = await h.ok(villageOpenid('zhang'), 'claim.submit', report);
    expect(claim.lines).toEqual([expect.objectContaining({ memberId: village.account('zhang'), memberName: '张建国户' })]);
    expect(claim.status).toBe('pending');
  });

  it('tells 申报 the sentence for the 村民小组长, and nothing for a household person', async () => {
    const leader = await h.ok(villageOpenid('gl1'), 'catalog.get', {});
    expect(leader.viewer.selfReportRefusal).toMatch(/^您没有本人的积分台账，不能为自己申报：积分以户为单位/);
    expect((await h.ok(villageOpenid('li'), 'catalog.get', {})).viewer.selfReportRefusal).toBeNull();
    expect((await h.ok('v-stranger', 'catalog.get', {})).viewer.selfReportRefusal).toBeNull();
  });

  it('tells the 积分超市 that its keeper and its managing 村干部 hold no ledger, so they are shown no balance to spend', async () => {
    const listings = await Promise.all(['keeper', 'cadre', 'zhang'].map((key) => h.ok(villageOpenid(key), 'shop.list', {})));
    expect(listings.map(({ ledger, keeper, manager }) => ({ ledger, keeper, manager }))).toEqual([
      { ledger: false, keeper: true, manager: false },
      { ledger: false, keeper: false, manager: true },
      { ledger: true, keeper: false, manager: false },
    ]);
    expect((await h.ok('v-stranger', 'shop.list', {})).ledger).toBe(false);
  });

  it("refuses a record naming a 村民小组长's own account, pointing to the household, and still records households", async () => {
    const before = h.snapshot();
    const record = { itemId: 'self.labour', occurredOn: '2026-05-10', note: '义务劳动' };
    const error = await h.fails(villageOpenid('leader'), 'award.propose', {
      ...record,
      recipients: [{ memberId: village.account('zhang') }, { memberId: village.account('gl1') }],
    });
    expect(error).toMatchObject({ code: 'INVALID_INPUT', message: '唐组长没有本人的积分台账，不能记入积分：积分以户为单位，记在农户名下（以户为单位建立积分台账），请改选其所在的户' });
    expect(h.snapshot()).toBe(before);

    const { claims } = await h.ok(villageOpenid('gl1'), 'award.propose', { ...record, recipients: [{ memberId: village.account('zhang') }] });
    expect(claims.flatMap((c) => c.lines.map((l) => l.memberName))).toEqual(['张建国户']);
  });
});

describe('on 荆门\'s template (第十二条: the 政治指导员 is the 统战部\'s, not a 会员)', () => {
  let h: ApiHarness;
  beforeEach(() => {
    h = associationAt(new Date('2026-05-12T04:00:00Z'));
  });
  afterEach(() => h.close());

  const report = { itemId: 'honor.county', occurredOn: '2026-05-10', note: '' };

  it("refuses the 政治指导员's self-report, naming the role, and writes nothing", async () => {
    const before = h.snapshot();
    expect(await h.fails(openidOf('instructor'), 'claim.submit', report)).toMatchObject({
      code: 'FORBIDDEN',
      message: '您没有本人的积分台账，不能为自己申报：政治指导员不是会员，积分只记在会员名下。',
    });
    expect(h.snapshot()).toBe(before);
    expect((await h.ok(openidOf('m1'), 'claim.submit', report)).claim.status).toBe('pending');
  });

  it('refuses a collective event listing the 政治指导员 among members, by name', async () => {
    const before = h.snapshot();
    const error = await h.fails(openidOf('president'), 'award.propose', {
      itemId: 'meeting.attend.association',
      occurredOn: '2026-05-10',
      recipients: [{ memberId: 'm1' }, { memberId: 'instructor' }, { memberId: 'm2' }],
      note: '全体会员大会',
    });
    expect(error).toMatchObject({ code: 'INVALID_INPUT', message: '刘指导员没有本人的积分台账，不能记入积分：政治指导员不是会员，积分只记在会员名下' });
    expect(h.snapshot()).toBe(before);
  });
});
