/**
 * A household's people one by one (docs/rules.md H20–H22): the secretariat resets one person's WeChat
 * and the others stay bound, finds the household by any of its people's names, and every bound
 * person of a household is told when its report is decided.
 */
import type { UnitBoard } from '../../typings/api';
import { ADMIN_OPENID, ApiHarness, DECIDED_TEMPLATE } from '../support/api';
import { villageOpenid as as, villageOrganisation, type Village } from '../support/village';

let h: ApiHarness;
let village: Village;
beforeEach(async () => {
  h = new ApiHarness({ now: new Date('2026-05-12T04:00:00Z') });
  village = await villageOrganisation(h);
});
afterEach(() => h.close());

const household = () => (h.cloud.store.dump().members ?? []).find((m) => m._id === village.account('zhang'))!;

describe('resetting one person of a household', () => {
  it('frees 李秀英’s WeChat with a new code for her, and 张建国 stays bound and acting', async () => {
    const { member, inviteCode } = await h.ok(ADMIN_OPENID, 'admin.members.update', { memberId: village.account('li'), patch: { resetHolder: '李秀英' } });
    expect(inviteCode).not.toBe(village.codes.get('li'));
    expect(member.holders).toEqual([
      { name: '张建国', bound: true },
      { name: '李秀英', bound: false },
      { name: '张小明', bound: false },
    ]);
    expect((await h.ok(as('li'), 'me.get')).member).toBeNull();
    expect((await h.ok(as('zhang'), 'me.get')).acting).toBe('张建国');
    // Her old code no longer binds; the new one binds her (or a new phone) again, to the same household.
    expect(await h.fails('o-new-phone', 'me.bind', { inviteCode: village.codes.get('li') })).toMatchObject({ code: 'NOT_FOUND' });
    expect((await h.ok('o-new-phone', 'me.bind', { inviteCode })).member._id).toBe(village.account('zhang'));
    expect((await h.ok('o-new-phone', 'me.get')).acting).toBe('李秀英');
    expect(household().holderCodes).toEqual([village.codes.get('zhang'), inviteCode, village.codes.get('xiaoming')]);
  });

  it('refuses a household reset without naming the person, a person it does not have, and a person on a one-person account, writing nothing', async () => {
    const before = h.snapshot();
    expect(await h.fails(ADMIN_OPENID, 'admin.members.update', { memberId: village.account('zhang'), patch: { resetBinding: true } })).toEqual({
      code: 'INVALID_INPUT',
      message: '“张建国户”的绑定按户内成员重置，请选择要重置哪一位',
    });
    expect(await h.fails(ADMIN_OPENID, 'admin.members.update', { memberId: village.account('zhang'), patch: { resetHolder: '王德福' } })).toEqual({
      code: 'INVALID_INPUT',
      message: '“张建国户”没有名为“王德福”的成员',
    });
    expect(await h.fails(ADMIN_OPENID, 'admin.members.update', { memberId: village.account('gl1'), patch: { resetHolder: '唐组长' } })).toEqual({
      code: 'INVALID_INPUT',
      message: '“唐组长”不是户，请直接重置其绑定',
    });
    expect(h.snapshot()).toBe(before);
  });
});

describe('the secretariat’s roster', () => {
  it('finds 张建国户 by 李秀英, with each person’s code and whether they bound, never the household’s own code', async () => {
    const { members } = await h.ok(ADMIN_OPENID, 'members.list', { search: '李秀' });
    expect(members.map((m) => m.name)).toEqual(['张建国户']);
    expect(members[0]).toMatchObject({
      bound: true,
      holders: [
        { name: '张建国', bound: true, inviteCode: village.codes.get('zhang') },
        { name: '李秀英', bound: true, inviteCode: village.codes.get('li') },
        { name: '张小明', bound: false, inviteCode: village.codes.get('xiaoming') },
      ],
    });
    expect(members[0].inviteCode).toBeUndefined();
    // The household's own name still finds it, and a person's name finds only their household.
    expect((await h.ok(ADMIN_OPENID, 'members.list', { search: '张建国' })).members.map((m) => m.name)).toEqual(['张建国户']);
    expect((await h.ok(ADMIN_OPENID, 'members.list', { search: '组长' })).members.map((m) => m.name).sort()).toEqual(['唐组长', '邓组长'].sort());
  });

  it('keeps people’s codes from a 村民小组长 reading the group’s households', async () => {
    const { members } = await h.ok(as('gl1'), 'members.list', { search: '李秀英' });
    expect(members.map((m) => [m.name, m.holders])).toEqual([
      ['张建国户', [{ name: '张建国', bound: true }, { name: '李秀英', bound: true }, { name: '张小明', bound: false }]],
    ]);
  });
});

describe('messages to a household', () => {
  it('tells every bound person of the household that its report was approved', async () => {
    const { claim } = await h.ok(as('li'), 'claim.submit', { itemId: 'virtue.neighbours', occurredOn: '2026-05-10', note: '邻里和睦', evidence: [] });
    await h.ok(as('gl1'), 'claim.decide', { claimId: claim._id, decision: 'approve' });
    await h.ok(as('cadre'), 'claim.decide', { claimId: claim._id, decision: 'approve' });
    const told = h.cloud.outbox.messages.filter((m) => m.data.template_id === DECIDED_TEMPLATE);
    expect(told.map((m) => [m.data.touser, (m.data.data as Record<string, unknown>).phrase2])).toEqual([
      [as('zhang'), { value: '已通过' }],
      [as('li'), { value: '已通过' }],
    ]);
  });
});

describe('people who are not households', () => {
  it('imports the 文书’s own row without a category, off the boards and the groups’ headcounts', async () => {
    const imported = await h.ok(ADMIN_OPENID, 'admin.members.import', { rows: [{ name: '田文书' }] });
    expect(imported.errors).toEqual([]);
    expect((h.cloud.store.dump().members ?? []).find((m) => m.name === '田文书')).toMatchObject({ category: null, roles: [] });
    const { rows } = (await h.ok(as('gl1'), 'ranking.get', { period: 'all', by: 'unit' })) as unknown as UnitBoard;
    // 一组: 张建国户 and 王德福户, not 唐组长 (a 村民小组长 without a 积分台账, H11).
    expect(rows.map((r) => [r.name, r.members])).toEqual(expect.arrayContaining([['一组', 2], ['二组', 1]]));
  });
});
