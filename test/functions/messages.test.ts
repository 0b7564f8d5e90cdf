/**
 * Every message a user can see is Chinese and names the field in words: no `expected number to be
 * >0`, no `count：太小或太短`. A member asking more than anyone's authority is told it needs a 会长会
 * decision (第七条、第八条、第十三条); a leader reading a fellow member's ledger is told what they may see.
 */
import type { ActionName } from '../../typings/api';
import { ADMIN_OPENID, ApiHarness } from '../support/api';
import { associationAt, openidOf } from '../support/fixtures';

let h: ApiHarness;
beforeEach(() => (h = associationAt(new Date('2026-11-21T04:00:00Z'))));
afterEach(() => h.close());

const as = openidOf;
const DATE = '2026-11-20';

describe('refused payloads name the field in words', () => {
  it.each([
    ['输入有误：数量不能小于 1', 'claim.submit', as('m1'), { itemId: 'outreach.recruit', occurredOn: DATE, count: 0, note: '' }],
    ['输入有误：数量应为数字', 'claim.submit', as('m1'), { itemId: 'outreach.recruit', occurredOn: DATE, count: 'x', note: '' }],
    ['输入有误：价值须大于 0', 'claim.submit', as('m1'), { itemId: 'deed.quantified', occurredOn: DATE, value: 0, note: '' }],
    ['输入有误：发生日期：格式应为 YYYY-MM-DD', 'claim.submit', as('m1'), { itemId: 'honor.county', occurredOn: '20261120', note: '' }],
    ['输入有误：缺少积分项目', 'claim.submit', as('m1'), { occurredOn: DATE, note: '' }],
    ['输入有误：说明不能超过 500 个字', 'claim.submit', as('m1'), { itemId: 'honor.county', occurredOn: DATE, note: 'x'.repeat(501) }],
    ['输入有误：获分名单第 1 人的分值应为整数', 'award.propose', as('b1head'), { itemId: 'other', occurredOn: DATE, recipients: [{ memberId: 'm1', points: 1.5 }], note: '' }],
    ['输入有误：获分名单不能为空', 'award.propose', as('b1head'), { itemId: 'other', occurredOn: DATE, recipients: [], note: '' }],
    ['输入有误：审批意见应为通过、驳回之一', 'claim.decide', as('b1head'), { claimId: 'c1', decision: 'maybe' }],
    ['输入有误：排行周期应为月度、季度、半年、年度、考核周期、累计之一', 'ranking.get', as('m1'), { period: 'week' }],
    ['输入有误：条数不能大于 100', 'ranking.get', as('m1'), { period: 'month', limit: 500 }],
    ['输入有误：修改内容中的手机号：应为 11 位大陆手机号', 'admin.members.update', ADMIN_OPENID, { memberId: 'm1', patch: { phone: '123' } }],
    ['输入有误：缴费年数：只能是 1 年或 5 年（一届）', 'admin.dues.record', ADMIN_OPENID, { memberId: 'm1', paidOn: DATE, years: 3 }],
    ['输入有误：邀请码：应为 6–12 位字母或数字', 'me.bind', 'o-someone', { inviteCode: 'AB' }],
  ] as [string, ActionName, string, unknown][])('says “%s” (%s)', async (message, action, openid, payload) => {
    expect(await h.fails(openid, action, payload)).toEqual({ code: 'INVALID_INPUT', message });
  });

  it('never shows the validator’s English, nor a bare field name, for any malformed payload of any action', async () => {
    const payloads: unknown[] = [
      { count: -1 },
      { itemId: 5, occurredOn: 1, note: null, points: 'x', value: -2, count: 1.5 },
      { recipients: [{ memberId: 'm1', points: -1, spoke: 'yes' }] },
      { claimId: '', decision: 1, reason: 'x'.repeat(300) },
      { period: 'month', scope: { group: 'all', tier: 'vip' }, limit: 0 },
      { memberId: 'm1', patch: { tier: 'vip', positions: ['king'], status: 'gone' } },
      { rows: [{ name: 1, positions: 'x' }] },
      { entryId: '', points: 0, reason: 'x' },
      { duesId: 5, reason: '' },
      { items: [{ id: 1 }], note: 5 },
      [],
      'x',
    ];
    const seen: string[] = [];
    for (const action of ['claim.submit', 'award.propose', 'claim.decide', 'ranking.get', 'admin.members.update', 'admin.members.import', 'entry.correct', 'admin.dues.void', 'admin.scheme.publish'] as ActionName[]) {
      for (const payload of payloads) {
        const result = await h.call(ADMIN_OPENID, action, payload as never);
        const member = await h.call(as('b1head'), action, payload as never);
        for (const r of [result, member]) if (!r.ok && r.error.code === 'INVALID_INPUT') seen.push(r.error.message);
      }
    }
    expect(seen.length).toBeGreaterThan(50);
    const english = seen.filter((m) => /expected|received|Invalid|Too (small|big)|太小或太短|太大或太长|[a-z]+[A-Z]\w*：/.test(m));
    expect(english).toEqual([]);
  });
});

it('says what is wrong with a new scheme version in words, not in field paths', async () => {
  const { items } = await h.ok(ADMIN_OPENID, 'catalog.get', {});
  const revised = [...items, { id: 'honor.township', name: '获得乡镇级表彰', category: '荣誉', kind: 'fixed' as const }];
  const refused = await h.fails(ADMIN_OPENID, 'admin.scheme.publish', { items: revised, note: '增加乡镇级' });
  expect(refused).toEqual({
    code: 'INVALID_INPUT',
    message: `积分方案无效：积分项目表第 ${revised.length} 项：“获得乡镇级表彰”（honor.township）是固定分值项目，须填写分值`,
  });
});

describe('refusals say what would be allowed', () => {
  it('tells a member asking more than anyone’s authority that it needs a 会长会 decision', async () => {
    const refused = await h.fails(as('m1'), 'claim.submit', { itemId: 'activity.outstanding.city_uf', occurredOn: DATE, points: 15, note: '' });
    expect(refused).toEqual({
      code: 'OVER_AUTHORITY',
      message: '在市级统战系统活动中突出表现（额外）申报15分，超过任何个人的奖分权限（最高10分）：这需要会长会研究决定（第十三条），请降低分值，或请秘书处按会长会决定录入',
    });
  });

  it('tells a leader reading another branch’s member which ledgers they may read', async () => {
    expect(await h.fails(as('b1lead'), 'ledger.list', { memberId: 'm3' })).toEqual({
      code: 'FORBIDDEN',
      message: '您可以查看自己和东宝分会会员的积分明细；会员丙不是东宝分会会员，其明细请向市新联会领导或秘书处查询',
    });
    expect(await h.fails(as('m1'), 'ledger.list', { memberId: 'm2' })).toEqual({
      code: 'FORBIDDEN',
      message: '您只能查看自己的积分明细；会员的积分排名可在排行榜中查看',
    });
  });
});
