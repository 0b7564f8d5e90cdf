/**
 * Who may call what (a role × action matrix), and bad input for every action: a typed error and a
 * store that is byte-for-byte unchanged.
 */
import type { ActionName } from '../../typings/api';
import { ADMIN_OPENID, ApiHarness } from '../support/api';
import { openidOf, putMember, standardAssociation } from '../support/fixtures';

let h: ApiHarness;
let claimId: string;
let entryId: string;

/** The association, a member who left, a pending claim of m2 and an approved entry of m2. */
async function setUp(): Promise<void> {
  h = new ApiHarness({ now: new Date('2026-11-21T04:00:00Z') });
  standardAssociation(h);
  putMember(h, 'gone', { name: '已退会员', status: 'left' });
  const { claim } = await h.ok(openidOf('m2'), 'claim.submit', { itemId: 'honor.county', occurredOn: '2026-11-20', note: '' });
  claimId = claim._id;
  const award = await h.ok(openidOf('b1head'), 'award.propose', {
    itemId: 'meeting.attend.branch',
    occurredOn: '2026-11-20',
    recipients: [{ memberId: 'm2' }],
    note: '',
  });
  await h.ok(openidOf('president'), 'claim.decide', { claimId: award.claim._id, decision: 'approve' });
  entryId = (h.cloud.store.dump().ledger ?? [])[0]._id;
}

beforeEach(setUp);
afterEach(() => h.close());

const snapshot = () => JSON.stringify(h.cloud.store.dump());

/** A valid payload per action, so that only the caller decides the outcome. */
function validPayload(action: ActionName): unknown {
  const payloads: Record<ActionName, unknown> = {
    'me.get': {},
    'me.bind': { inviteCode: 'NOSUCHCODE' },
    'home.get': {},
    'members.list': {},
    'catalog.get': {},
    'claim.submit': { itemId: 'honor.county', occurredOn: '2026-11-20', note: '' },
    'claim.withdraw': { claimId },
    'claim.get': { claimId },
    'claim.mine': {},
    'award.propose': { itemId: 'meeting.attend.branch', occurredOn: '2026-11-20', recipients: [{ memberId: 'm2' }], note: '' },
    'entry.reverse': { entryId, reason: '重复录入' },
    'entry.correct': { entryId, points: 5, reason: '应为 5 分' },
    'inbox.list': {},
    'claim.decide': { claimId, decision: 'reject', reason: '材料不全' },
    'ranking.get': { period: 'month' },
    'ranking.scopes': {},
    'ledger.list': { memberId: 'm2' },
    'notice.list': {},
    'admin.members.import': { rows: [{ name: '新会员' }] },
    'admin.members.update': { memberId: 'm3', patch: { profession: '教师' } },
    'admin.dues.record': { memberId: 'm3', paidOn: '2026-11-01', years: 1 },
    'admin.dues.list': { memberId: 'm3' },
    'admin.dues.void': { duesId: 'no-such-dues', reason: '录入错误' },
    'admin.scheme.publish': { items: [], note: '' },
    'admin.scheme.adopt': { template: 'jingmen' },
    'admin.period.close': { period: 'year', key: '2025' },
    'admin.period.publish': { period: 'year', key: '2025' },
    'admin.period.finalize': { period: 'year', key: '2025' },
    'outcome.list': { period: 'year', key: '2025' },
    'objection.submit': { outcomeId: 'no-such-outcome', reason: '得分有误' },
    'item.propose': { unitId: 'b1', item: { name: '结对帮扶', points: 5 }, note: '' },
    'admin.export': { period: 'month' },
    'reminder.list': {},
    'reminder.record': { memberId: 'm2', year: '2026', method: 'talk', note: '年度积分偏低，谈话提醒' },
    'veto.propose': { memberId: 'm2', key: '2026', condition: 'sanction', reason: '受到党纪处分' },
    'veto.list': { key: '2026' },
    'bottom.list': { period: 'year', key: '2025' },
    'admin.attributes.set': { rows: [{ memberId: 'm3', attributes: { 学历: '本科' } }] },
    'admin.attendance.record': { month: '2026-10', workdays: 22, rows: [{ memberId: 'm3', days: 22 }] },
    'admin.negatives.list': { month: '2026-10' },
    'admin.attendance.get': { month: '2026-10', unitId: 'b1' },
    'admin.reprieve.record': { memberId: 'm3', month: '2026-10', note: '本人申请一次不离职的机会' },
    'shop.list': {},
    'shop.reward.save': { name: '大米 10 斤', cost: 40, stock: 10, keeper: '村积分超市' },
    'redeem.request': { rewardId: 'r1', quantity: 1 },
    'redeem.fulfil': { code: 'ABC234' },
    'redeem.cancel': { redemptionId: 'no-such-redemption' },
    'redeem.mine': {},
    'redeem.lookup': { code: 'ABC234' },
    'shop.export': { quarter: '2026-Q3' },
  };
  return payloads[action];
}

type Outcome = 'ok' | 'NOT_BOUND' | 'FORBIDDEN' | 'OTHER';

async function outcome(openid: string, action: ActionName): Promise<Outcome> {
  const result = await h.call(openid, action, validPayload(action) as never);
  if (result.ok) return 'ok';
  if (result.error.code === 'NOT_BOUND' || result.error.code === 'FORBIDDEN') return result.error.code;
  return 'OTHER';
}

const ROLES = {
  stranger: 'not-bound-openid',
  left: openidOf('gone'),
  member: openidOf('m1'),
  leader: openidOf('b1lead'),
  secretariat: openidOf('clerk'),
  admin: ADMIN_OPENID,
} as const;

/** Expected outcome per action for: stranger, left, member, leader, secretariat member, configured admin. */
const MATRIX: Record<ActionName, [Outcome, Outcome, Outcome, Outcome, Outcome, Outcome]> = {
  'me.get': ['ok', 'ok', 'ok', 'ok', 'ok', 'ok'],
  'me.bind': ['OTHER', 'OTHER', 'OTHER', 'OTHER', 'OTHER', 'OTHER'], // an unknown code is NOT_FOUND for everyone
  'home.get': ['ok', 'ok', 'ok', 'ok', 'ok', 'ok'],
  'members.list': ['NOT_BOUND', 'FORBIDDEN', 'FORBIDDEN', 'ok', 'ok', 'ok'],
  'catalog.get': ['ok', 'ok', 'ok', 'ok', 'ok', 'ok'],
  'claim.submit': ['NOT_BOUND', 'FORBIDDEN', 'ok', 'ok', 'ok', 'NOT_BOUND'],
  'claim.withdraw': ['NOT_BOUND', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'NOT_BOUND'],
  'claim.get': ['NOT_BOUND', 'FORBIDDEN', 'FORBIDDEN', 'ok', 'ok', 'ok'],
  'claim.mine': ['NOT_BOUND', 'FORBIDDEN', 'ok', 'ok', 'ok', 'NOT_BOUND'],
  'award.propose': ['NOT_BOUND', 'FORBIDDEN', 'FORBIDDEN', 'ok', 'FORBIDDEN', 'NOT_BOUND'],
  // The secretariat proposes reversals and corrections with or without a member record.
  'entry.reverse': ['NOT_BOUND', 'FORBIDDEN', 'FORBIDDEN', 'ok', 'ok', 'ok'],
  'entry.correct': ['NOT_BOUND', 'FORBIDDEN', 'FORBIDDEN', 'ok', 'ok', 'ok'],
  'inbox.list': ['NOT_BOUND', 'FORBIDDEN', 'ok', 'ok', 'ok', 'NOT_BOUND'],
  'claim.decide': ['NOT_BOUND', 'FORBIDDEN', 'FORBIDDEN', 'ok', 'FORBIDDEN', 'NOT_BOUND'],
  'ranking.get': ['ok', 'ok', 'ok', 'ok', 'ok', 'ok'],
  'ranking.scopes': ['ok', 'ok', 'ok', 'ok', 'ok', 'ok'],
  'ledger.list': ['NOT_BOUND', 'FORBIDDEN', 'FORBIDDEN', 'ok', 'ok', 'ok'],
  'notice.list': ['ok', 'ok', 'ok', 'ok', 'ok', 'ok'],
  'admin.members.import': ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'ok', 'ok'],
  'admin.members.update': ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'ok', 'ok'],
  'admin.dues.record': ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'ok', 'ok'],
  'admin.dues.list': ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'ok', 'ok'],
  'admin.dues.void': ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'OTHER', 'OTHER'], // no such record
  'admin.scheme.publish': ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'OTHER', 'OTHER'], // empty catalog is invalid
  'admin.scheme.adopt': ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'ok', 'ok'], // the template in force: nothing changes
  // 荆门 has no 考评 or 公示: the secretariat is told so; nobody else may close a period.
  'admin.period.close': ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'OTHER', 'OTHER'],
  'admin.period.publish': ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'OTHER', 'OTHER'],
  'admin.period.finalize': ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'OTHER', 'OTHER'],
  'outcome.list': ['NOT_BOUND', 'FORBIDDEN', 'ok', 'ok', 'ok', 'ok'],
  'objection.submit': ['NOT_BOUND', 'FORBIDDEN', 'OTHER', 'OTHER', 'OTHER', 'NOT_BOUND'], // no such outcome
  // A branch's leaders and the secretariat propose a branch's own item (第四条).
  'item.propose': ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'ok', 'ok', 'ok'],
  // The whole association's board: the secretariat's; a 分会会长 exports their own 分会's only (F2, test/reliability/permissions.test.ts).
  'admin.export': ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'ok', 'ok'],
  // 第十九条: the secretariat and the heads of units (a 分会领导班子成员 is not one).
  'reminder.list': ['NOT_BOUND', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'ok', 'ok'],
  'reminder.record': ['NOT_BOUND', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'ok', 'ok'],
  // 荆门 keeps no 一票否决: everyone is told so (the rights are specified on a graded template, test/functions/vetoes.test.ts).
  'veto.propose': ['OTHER', 'OTHER', 'OTHER', 'OTHER', 'OTHER', 'OTHER'],
  'veto.list': ['OTHER', 'OTHER', 'OTHER', 'OTHER', 'OTHER', 'OTHER'],
  // 末尾淘汰 is the 会长会's (seeds/003); 荆门 has none, and the secretariat is told so.
  'bottom.list': ['NOT_BOUND', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'OTHER', 'OTHER'],
  // 荆门 has no 固定积分 and no month-end list: the secretariat is told so (the enterprise template's are specified in test/functions/enterprise-month.test.ts).
  'admin.attributes.set': ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'OTHER', 'OTHER'],
  'admin.attendance.record': ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'OTHER', 'OTHER'],
  'admin.negatives.list': ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'OTHER', 'OTHER'],
  'admin.attendance.get': ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'OTHER', 'OTHER'],
  'admin.reprieve.record': ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'OTHER', 'OTHER'],
  // 荆门 keeps no 积分超市: everyone is told so (the rights are specified on a shop template, test/functions/shop-*.test.ts).
  'shop.list': ['OTHER', 'OTHER', 'OTHER', 'OTHER', 'OTHER', 'OTHER'],
  'shop.reward.save': ['OTHER', 'OTHER', 'OTHER', 'OTHER', 'OTHER', 'OTHER'],
  'redeem.request': ['OTHER', 'OTHER', 'OTHER', 'OTHER', 'OTHER', 'OTHER'],
  'redeem.fulfil': ['OTHER', 'OTHER', 'OTHER', 'OTHER', 'OTHER', 'OTHER'],
  'redeem.cancel': ['OTHER', 'OTHER', 'OTHER', 'OTHER', 'OTHER', 'OTHER'],
  'redeem.mine': ['OTHER', 'OTHER', 'OTHER', 'OTHER', 'OTHER', 'OTHER'],
  'redeem.lookup': ['OTHER', 'OTHER', 'OTHER', 'OTHER', 'OTHER', 'OTHER'],
  'shop.export': ['OTHER', 'OTHER', 'OTHER', 'OTHER', 'OTHER', 'OTHER'],
};

describe('role × action matrix', () => {
  for (const [action, expected] of Object.entries(MATRIX) as [ActionName, Outcome[]][]) {
    it(`${action}: ${expected.join(' / ')}`, async () => {
      const roles = Object.values(ROLES);
      const seen: Outcome[] = [];
      for (const openid of roles) {
        // Each role meets the same starting state.
        h.close();
        await setUp();
        seen.push(await outcome(openid, action));
      }
      expect(seen).toEqual(expected);
    });
  }
});

describe('bad input writes nothing', () => {
  const BAD: [ActionName | string, unknown][] = [
    ['me.bind', { inviteCode: '' }],
    ['me.bind', { inviteCode: 'ABC DEF' }],
    ['members.list', { search: 5 }],
    ['claim.submit', { itemId: 'honor.county', occurredOn: '2026-13-01', note: '' }],
    ['claim.submit', { itemId: 'honor.county', occurredOn: '2026-02-30', note: '' }],
    ['claim.submit', { itemId: 'no.such.item', occurredOn: '2026-11-20', note: '' }],
    ['claim.submit', { itemId: 'deed.unquantified', occurredOn: '2026-11-20', note: '', points: 0 }],
    ['claim.submit', { itemId: 'deed.unquantified', occurredOn: '2026-11-20', note: '', points: 2.5 }],
    ['claim.submit', { itemId: 'deed.quantified', occurredOn: '2026-11-20', note: '', value: 50 }],
    ['claim.submit', { itemId: 'position.monthly', occurredOn: '2026-11-20', note: '' }],
    ['claim.submit', { itemId: 'honor.county', occurredOn: '2026-11-20', note: '', evidence: ['http://x/y.jpg'] }],
    ['claim.submit', { itemId: 'honor.county', occurredOn: '2026-11-20', note: 'x'.repeat(501) }],
    ['claim.submit', { itemId: 'honor.county', occurredOn: '2026-11-20', note: '', memberId: 'm3' }],
    ['claim.submit', 'not an object'],
    ['claim.submit', [1, 2]],
    ['claim.withdraw', { claimId: '' }],
    ['claim.get', {}],
    ['claim.mine', { status: 'lost' }],
    ['claim.mine', { cursor: 'abc' }],
    ['award.propose', { itemId: 'meeting.attend.branch', occurredOn: '2026-11-20', recipients: [], note: '' }],
    ['award.propose', { itemId: 'meeting.attend.branch', occurredOn: '2026-11-20', recipients: [{ memberId: 'm3' }, { memberId: 'm3' }], note: '' }],
    ['award.propose', { itemId: 'meeting.attend.branch', occurredOn: '2026-11-20', recipients: [{ memberId: 'nobody' }], note: '' }],
    ['entry.reverse', { entryId: 'x', reason: '' }],
    ['inbox.list', { cursor: -1 }],
    ['claim.decide', { claimId: 'x', decision: 'maybe' }],
    ['claim.decide', { claimId: 'x', decision: 'approve', points: -3 }],
    ['ranking.get', { period: 'week' }],
    ['ranking.get', { period: 'month', key: '2026-13' }],
    ['ranking.get', { period: 'month', limit: 5000 }],
    ['ranking.get', { period: 'month', scope: { branchId: 'b1', owner: 'me' } }],
    ['ledger.list', { memberId: 42 }],
    ['notice.list', { extra: true }],
    ['admin.members.import', { rows: 'name' }],
    ['admin.members.update', { memberId: 'm3', patch: {} }],
    ['admin.dues.record', { memberId: 'm3', paidOn: '2026-11-01', years: 3 }],
    ['admin.scheme.publish', { items: 'none', note: '' }],
    ['admin.export', { period: 'decade' }],
    ['reminder.list', { year: '26' }],
    ['bottom.list', { period: 'all', key: 'all' }],
    ['bottom.list', { period: 'half', key: '2026-H3' }],
    ['reminder.record', { memberId: 'm2', year: '2026', method: 'scold', note: '年度积分偏低' }],
    ['reminder.record', { memberId: 'm2', year: '2026', method: 'talk', note: '' }],
    ['reminder.record', { memberId: 'm2', year: '2099', method: 'notice', note: '年度积分偏低' }],
    ['reminder.record', { memberId: 'nobody', year: '2026', method: 'notice', note: '年度积分偏低' }],
    ['veto.propose', { memberId: 'm2', key: '26', condition: 'sanction', reason: '受到党纪处分' }],
    ['veto.propose', { memberId: 'm2', key: '2026', condition: 'sanction', reason: '' }],
    ['veto.list', { key: '2026', branchId: 5 }],
    ['admin.attendance.record', { month: '2026-13', workdays: 22, rows: [{ memberId: 'm3', days: 22 }] }],
    ['admin.attributes.set', { rows: [] }],
    ['admin.negatives.list', { month: 'last' }],
    ['admin.attendance.get', { month: '2026-1', unitId: 'b1' }],
    ['admin.attendance.get', { month: '2026-10' }],
    ['admin.reprieve.record', { memberId: 'm3', month: '2026-10', note: '' }],
    ['redeem.request', { rewardId: 'r1', quantity: 0 }],
    ['redeem.fulfil', { code: 5 }],
    ['shop.export', { quarter: '2026-Q5' }],
  ];

  it.each(BAD)('%s %j → typed error, store unchanged', async (action, payload) => {
    const before = snapshot();
    const openid = action.startsWith('admin.') || action.startsWith('reminder.') || action.startsWith('bottom.') ? ADMIN_OPENID : action === 'claim.decide' ? openidOf('b1head') : openidOf('b1lead');
    const result = await h.call(openid, action as ActionName, payload as never);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(['INVALID_INPUT', 'NOT_FOUND', 'FORBIDDEN', 'OVER_AUTHORITY', 'OUT_OF_WINDOW', 'CONFLICT']).toContain(result.error.code);
      expect(result.error.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect(snapshot()).toBe(before);
  });

  it.each([
    [{}, 'INVALID_INPUT'],
    [{ action: 'no.such.action' }, 'INVALID_INPUT'],
    [{ action: 'me.get', requestId: 'x' }, 'INVALID_INPUT'],
    [{ action: 42 }, 'INVALID_INPUT'],
  ])('rejects the envelope %j', async (event, code) => {
    const before = snapshot();
    const result = (await h.cloud.invoke('api', event, { openid: openidOf('m1') })) as { ok: boolean; error?: { code: string } };
    expect(result).toMatchObject({ ok: false, error: { code } });
    expect(snapshot()).toBe(before);
  });

  it('ignores identity fields sent by the client', async () => {
    const result = (await h.cloud.invoke(
      'api',
      { action: 'me.get', payload: {}, userInfo: { openId: openidOf('president') }, openid: openidOf('president') },
      { openid: openidOf('m1') },
    )) as { ok: true; data: { member: { _id: string } } };
    expect(result.data.member._id).toBe('m1');
  });
});
