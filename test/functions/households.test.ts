/**
 * Households as accounts (seeds/004 第三篇 以户为单位; 001 篇十七 以家庭户为单位; docs/rules.md H1–H12):
 * the import groups people into their household's account, each person binds their own WeChat and
 * acts for the household, and the boards rank households.
 */
import { ADMIN_OPENID, ApiHarness } from '../support/api';
import { ONE, TWO, VILLAGERS, villageOpenid as as, villageOrganisation, villageRows, type Village } from '../support/village';

let h: ApiHarness;
let village: Village;
beforeEach(async () => {
  h = new ApiHarness({ now: new Date('2026-05-12T04:00:00Z') });
  village = await villageOrganisation(h);
});
afterEach(() => h.close());

const members = () => h.cloud.store.dump().members ?? [];
const households = () => members().filter((m) => m.kind === 'household');

describe('the import', () => {
  it('makes one account per household, named by the sheet, with a code for each of its people', async () => {
    expect(households().map((m) => [m.name, m.branchName, (m.holders as { name: string }[]).map((x) => x.name)])).toEqual(
      expect.arrayContaining([
        ['张建国户', ONE, ['张建国', '李秀英', '张小明']],
        ['王德福户', ONE, ['王德福']],
        ['刘长春户', TWO, ['刘长春', '陈桂兰']],
      ]),
    );
    expect(households()).toHaveLength(3);
    expect(new Set([village.codes.get('zhang'), village.codes.get('li'), village.codes.get('xiaoming')]).size).toBe(3);
    // The 评定小组's people are people, outside any household, without a category (no 积分台账 of their own).
    expect(members().find((m) => m.name === '唐组长')).toMatchObject({ category: null, roles: ['group_leader'] });
  });

  it('changes nothing when the same sheet is imported again', async () => {
    const before = JSON.stringify(members());
    const again = await h.ok(ADMIN_OPENID, 'admin.members.import', { rows: villageRows() });
    expect(again).toMatchObject({ created: 0, updated: 0, errors: [] });
    expect(again.members.find((m) => m.holder === '李秀英')?.inviteCode).toBe(village.codes.get('li'));
    expect(JSON.stringify(members())).toBe(before);
  });

  it('refuses a household whose people are in two 村民小组, and a person twice, writing nothing', async () => {
    const before = h.snapshot();
    const rows = [
      { name: '赵大山', branch: ONE, household: '赵大山户' },
      { name: '赵小河', branch: TWO, household: '赵大山户' },
      { name: '孙立', phone: '13900001111', branch: TWO, household: '孙立户' },
      { name: '孙立', phone: '13900001111', branch: TWO, household: '孙立户' },
      { name: '钱多', branch: TWO, household: '钱多户', roles: ['group_leader'] },
    ];
    const result = await h.ok(ADMIN_OPENID, 'admin.members.import', { rows });
    expect(result.errors).toEqual([
      { row: 1, message: '户“赵大山户”的成员分属不同村民小组（一组、二组，第 1、2 行），一户只能属于一个村民小组' },
      { row: 2, message: '户“赵大山户”的成员分属不同村民小组（一组、二组，第 1、2 行），一户只能属于一个村民小组' },
      { row: 4, message: '与第 3 行手机号相同，同一人不能列入两次' },
      { row: 5, message: '职务属于个人，请为担任职务的人另起一行，不填户名' },
    ]);
    expect(h.snapshot()).toBe(before);
  });

  it('refuses a household column on a template whose accounts are people', async () => {
    const other = new ApiHarness({ now: new Date('2026-05-12T04:00:00Z') });
    try {
      await other.ok(ADMIN_OPENID, 'admin.scheme.adopt', { template: 'changzhou' });
      const result = await other.ok(ADMIN_OPENID, 'admin.members.import', { rows: [{ name: '陈党员', branch: '第一党支部', household: '陈家' }] });
      expect(result.errors).toEqual([{ row: 1, message: '本方案不以户为单位积分，请删去户名' }]);
    } finally {
      other.close();
    }
  });
});

describe('binding and acting', () => {
  it('binds two people of one household to the same account, each naming themself', async () => {
    const zhang = await h.ok(as('zhang'), 'me.get');
    const li = await h.ok(as('li'), 'me.get');
    expect(zhang.member).toMatchObject({ _id: village.account('zhang'), name: '张建国户', kind: 'household' });
    expect(li.member?._id).toBe(village.account('zhang'));
    expect([zhang.acting, li.acting]).toEqual(['张建国', '李秀英']);
    expect(li.member?.holders).toEqual([
      { name: '张建国', bound: true },
      { name: '李秀英', bound: true },
      { name: '张小明', bound: false },
    ]);
  });

  it('refuses a second WeChat on a person’s code, and a bound WeChat taking another household’s code', async () => {
    expect(await h.fails('o-stranger', 'me.bind', { inviteCode: village.codes.get('li') })).toEqual({ code: 'CONFLICT', message: '李秀英的邀请码已被其他微信绑定，如需更换请联系秘书处' });
    expect(await h.fails(as('wang'), 'me.bind', { inviteCode: village.codes.get('xiaoming') })).toMatchObject({ code: 'CONFLICT', message: '您的微信已绑定会员“王德福户”，如需更换请联系秘书处' });
  });

  it('counts a claim of one person for the household, names who reported it, and ranks households in the village and the group', async () => {
    const { claim } = await h.ok(as('li'), 'claim.submit', { itemId: 'virtue.neighbours', occurredOn: '2026-05-10', note: '邻里和睦', evidence: [] });
    expect(claim).toMatchObject({ createdBy: village.account('li'), createdByName: '李秀英（张建国户）', lines: [{ memberId: village.account('zhang'), memberName: '张建国户', points: 15 }] });
    expect(claim.waitingFor?.memberIds).toEqual([village.account('gl1')]);
    await h.ok(as('gl1'), 'claim.decide', { claimId: claim._id, decision: 'approve' });
    const final = await h.ok(as('cadre'), 'claim.decide', { claimId: claim._id, decision: 'approve' });
    expect(final.claim.status).toBe('approved');
    // The other person of the household sees the same points.
    expect((await h.ok(as('zhang'), 'home.get')).standings?.all.total).toBe(15);

    const award = await h.ok(as('gl2'), 'award.propose', { itemId: 'self.labour', occurredOn: '2026-05-11', recipients: [{ memberId: village.account('liu') }], note: '清理沟渠' });
    await h.ok(as('cadre'), 'claim.decide', { claimId: award.claim._id, decision: 'approve' });

    const whole = await h.ok(as('wang'), 'ranking.get', { period: 'all' });
    expect(whole.rows.map((r) => [r.name, r.total, r.rank])).toEqual([
      ['张建国户', 15, 1],
      ['刘长春户', 5, 2],
    ]);
    const group = await h.ok(as('wang'), 'ranking.get', { period: 'all', scope: { branchId: village.unit(TWO) } });
    expect(group.rows.map((r) => [r.memberId, r.name])).toEqual([[village.account('liu'), '刘长春户']]);
  });

  it('lets a person leave the household by a new sheet without them: their WeChat no longer acts for it', async () => {
    await h.ok(as('li'), 'me.get');
    const rows = villageRows(VILLAGERS.filter((p) => p.key !== 'li'));
    const result = await h.ok(ADMIN_OPENID, 'admin.members.import', { rows });
    expect(result).toMatchObject({ created: 0, updated: 1, errors: [] });
    expect((await h.ok(as('li'), 'me.get')).member).toBeNull();
    expect(await h.fails(as('li'), 'claim.submit', { itemId: 'virtue.neighbours', occurredOn: '2026-05-10', note: '', evidence: [] })).toMatchObject({ code: 'NOT_BOUND' });
    expect((await h.ok(as('zhang'), 'me.get')).member?.holders?.map((x) => x.name)).toEqual(['张建国', '张小明']);
  });
});
