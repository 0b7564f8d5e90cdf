/**
 * Retries (SPEC §5: a repeated requestId from the same caller returns the first result and writes
 * nothing new): for every writing action, the retry answers exactly what the first call answered.
 * The list of actions is the action table's own, so a new writing action cannot be left out.
 */
import type { ActionName, SchemeItemInput } from '../../typings/api';
import { ACTION_NAMES, actionOf } from '../../server/api/actions';
import { ADMIN_OPENID, ApiHarness } from '../support/api';
import { associationAt, openidOf, putMember } from '../support/fixtures';
import { adoptShopScheme } from '../support/shop-scheme';

let h: ApiHarness;
beforeEach(() => (h = associationAt(new Date('2026-11-21T04:00:00Z'))));
afterEach(() => h.close());

const as = openidOf;

async function pendingClaim(): Promise<string> {
  return (await h.ok(as('m1'), 'claim.submit', { itemId: 'honor.county', occurredOn: '2026-11-20', note: '' })).claim._id;
}

async function approvedEntry(): Promise<string> {
  const { claim } = await h.ok(as('b1head'), 'award.propose', { itemId: 'meeting.attend.branch', occurredOn: '2026-11-20', recipients: [{ memberId: 'm2' }], note: '' });
  await h.ok(as('president'), 'claim.decide', { claimId: claim._id, decision: 'approve' });
  return `${claim._id}-0`;
}

/** The association adopts the changzhou template (no entry yet), with a 支委委员 in b1; its 2026 Q3 closed by the secretariat. */
async function changzhouQuarterClosed(): Promise<void> {
  await h.ok(ADMIN_OPENID, 'admin.scheme.adopt', { template: 'changzhou' });
  putMember(h, 'committee', { name: '支委委员', tier: 'full', positions: ['branch_committee'] });
  await h.ok(ADMIN_OPENID, 'admin.period.close', { period: 'quarter', key: '2026-Q3' });
}
const Q3 = { period: 'quarter', key: '2026-Q3' } as const;

/**
 * The association adopts the shop scheme (no entry yet) with a 积分超市店员; m1 holds 100 points on its
 * all-time tally (as if earned) and rice is on offer. Answers the rice's id.
 */
async function shopOpen(): Promise<string> {
  await h.ok(ADMIN_OPENID, 'admin.scheme.adopt', { template: 'changzhou' });
  adoptShopScheme(h);
  putMember(h, 'keeper', { name: '店员', tier: 'full', positions: ['shopkeeper'] });
  const m1 = (h.cloud.store.dump().members ?? []).find((m) => m._id === 'm1')!;
  h.cloud.store.commit([{ collection: 'tallies', id: 'm1:all', doc: { _id: 'm1:all', memberId: 'm1', key: 'all', total: 100, name: m1.name, branchId: m1.branchId, status: 'active' } }]);
  return (await h.ok(ADMIN_OPENID, 'shop.reward.save', { name: '大米', cost: 40, stock: 5, keeper: '村积分超市' })).reward._id;
}
const reserved = async (): Promise<string> => (await h.ok(as('m1'), 'redeem.request', { rewardId: await shopOpen(), quantity: 1 })).redemption._id;

/** Each writing action, as someone who may call it, on an association where it succeeds. */
const CALLS: Partial<Record<ActionName, () => Promise<[string, unknown]>>> = {
  'me.bind': async () => {
    putMember(h, 'm5', { name: '会员戊', bound: false });
    return ['o-new-account', { inviteCode: 'INVM5XXX' }];
  },
  'claim.submit': async () => [as('m1'), { itemId: 'deed.unquantified', occurredOn: '2026-11-20', points: 2, note: '助老' }],
  'claim.withdraw': async () => [as('m1'), { claimId: await pendingClaim() }],
  'claim.decide': async () => [as('b1head'), { claimId: await pendingClaim(), decision: 'approve' }],
  'award.propose': async () => [as('secgen'), { itemId: 'meeting.attend.association', occurredOn: '2026-11-20', recipients: [{ memberId: 'president' }, { memberId: 'm1' }], note: '' }],
  'entry.reverse': async () => [ADMIN_OPENID, { entryId: await approvedEntry(), reason: '重复录入' }],
  'entry.correct': async () => [as('b1head'), { entryId: await approvedEntry(), points: 5, reason: '应为 5 分' }],
  'admin.members.import': async () => [ADMIN_OPENID, { rows: [{ name: '新会员', phone: '13900000001', branch: '东宝分会' }] }],
  'admin.members.update': async () => [ADMIN_OPENID, { memberId: 'm1', patch: { resetBinding: true } }],
  'admin.dues.record': async () => [ADMIN_OPENID, { memberId: 'm1', paidOn: '2026-10-08', years: 1 }],
  'admin.dues.void': async () => {
    const { dues } = await h.ok(ADMIN_OPENID, 'admin.dues.record', { memberId: 'm1', paidOn: '2026-10-08', years: 1 });
    return [ADMIN_OPENID, { duesId: dues._id, reason: '录入错误' }];
  },
  'admin.scheme.adopt': async () => [ADMIN_OPENID, { template: 'changzhou' }],
  'item.propose': async () => [as('b1head'), { unitId: 'b1', item: { name: '结对帮扶困难会员', points: 5 }, note: '分会细则' }],
  'admin.period.close': async () => {
    await h.ok(ADMIN_OPENID, 'admin.scheme.adopt', { template: 'changzhou' });
    return [ADMIN_OPENID, Q3];
  },
  'admin.period.publish': async () => {
    await changzhouQuarterClosed();
    return [ADMIN_OPENID, Q3];
  },
  'admin.period.finalize': async () => {
    await changzhouQuarterClosed();
    await h.ok(ADMIN_OPENID, 'admin.period.publish', Q3);
    h.setNow(new Date('2026-12-10T04:00:00Z')); // the 5 working days are over
    return [ADMIN_OPENID, Q3];
  },
  'objection.submit': async () => {
    await changzhouQuarterClosed();
    await h.ok(ADMIN_OPENID, 'admin.period.publish', Q3);
    return [as('m1'), { outcomeId: 'quarter:2026-Q3:m1', reason: '九月的党日活动未计分' }];
  },
  'reminder.record': async () => [as('b1head'), { memberId: 'm1', year: '2026', method: 'talk', note: '年度积分靠后，谈话提醒' }],
  'veto.propose': async () => {
    await h.ok(ADMIN_OPENID, 'admin.scheme.adopt', { template: 'party-branch' });
    putMember(h, 'secretary', { name: '支部书记', tier: 'full', positions: ['branch_secretary'] });
    return [ADMIN_OPENID, { memberId: 'm1', key: '2026', condition: 'crime', reason: '因盗窃被判处刑罚' }];
  },
  'admin.attributes.set': async () => {
    await h.ok(ADMIN_OPENID, 'admin.scheme.adopt', { template: 'enterprise' });
    return [ADMIN_OPENID, { rows: [{ memberId: 'm1', attributes: { 学历: '本科', 工龄: '5至10年' } }] }];
  },
  'admin.attendance.record': async () => {
    await h.ok(ADMIN_OPENID, 'admin.scheme.adopt', { template: 'enterprise' });
    await h.ok(ADMIN_OPENID, 'admin.attributes.set', { rows: [{ memberId: 'm1', attributes: { 学历: '本科' } }] });
    return [ADMIN_OPENID, { month: '2026-10', workdays: 22, rows: [{ memberId: 'm1', days: 22 }] }];
  },
  'admin.reprieve.record': async () => {
    await h.ok(ADMIN_OPENID, 'admin.scheme.adopt', { template: 'enterprise' });
    return [ADMIN_OPENID, { memberId: 'm1', month: '2026-10', note: '本人申请一次不离职的机会' }];
  },
  'shop.reward.save': async () => {
    await shopOpen();
    return [ADMIN_OPENID, { name: '食用油', cost: 60, stock: 3, keeper: '惠民超市' }];
  },
  'redeem.request': async () => [as('m1'), { rewardId: await shopOpen(), quantity: 2 }],
  'redeem.cancel': async () => [as('m1'), { redemptionId: await reserved() }],
  'redeem.fulfil': async () => {
    const id = await reserved();
    h.setNow(new Date('2026-12-15T02:00:00Z'));
    return [as('keeper'), { code: (h.cloud.store.dump().redemptions ?? []).find((r) => r._id === id)!.code }];
  },
  'admin.scheme.publish': async () => {
    const { items } = await h.ok(ADMIN_OPENID, 'catalog.get', {});
    const revised: SchemeItemInput[] = items.map((item) => (item.id === 'honor.county' ? { ...item, points: 12 } : item));
    return [ADMIN_OPENID, { items: revised, note: '调整县处级荣誉分值' }];
  },
};

const writing = ACTION_NAMES.filter((action) => actionOf(action).writes);

it('covers every writing action of the action table', () => {
  expect(writing.sort()).toEqual((Object.keys(CALLS) as ActionName[]).sort());
});

describe.each(writing)('%s', (action) => {
  it('answers a retry with exactly the first answer and writes nothing new', async () => {
    const [openid, payload] = await CALLS[action]!();
    const first = await h.call(openid, action, payload as never, 'retry-0000001');
    expect(first.ok).toBe(true);
    const after = h.snapshot();
    const retry = await h.call(openid, action, payload as never, 'retry-0000001');
    expect(JSON.stringify(retry)).toBe(JSON.stringify(first));
    expect(h.snapshot()).toBe(after);
  });
});

it('answers a retried me.bind with { member }, the bound member as the first call showed it', async () => {
  putMember(h, 'm5', { name: '会员戊', bound: false });
  const first = await h.ok('o-new-account', 'me.bind', { inviteCode: 'INVM5XXX' }, 'bind-000001');
  const again = await h.ok('o-new-account', 'me.bind', { inviteCode: 'INVM5XXX' }, 'bind-000001');
  expect(Object.keys(again)).toEqual(['member']);
  expect(again.member).toMatchObject({ _id: 'm5', name: '会员戊', status: 'active' });
  expect(again).toEqual(first);
  expect(JSON.stringify(again)).not.toMatch(/openid|inviteCode|tallyKeys/);
});
