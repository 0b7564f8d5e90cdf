/**
 * Fault injection (SPEC §7) on the 荆门 association: every writing action is all-or-nothing
 * (support/faults.ts has the loop; faults-party.test.ts runs it on the 常州 template).
 */
import type { SchemeItemInput } from '../../typings/api';
import { ADMIN_OPENID, ApiHarness } from '../support/api';
import { openidOf, putMember, standardAssociation } from '../support/fixtures';
import { canonical, differingCollections } from './support/dump';
import { faultSuite, invoke, type FaultCase } from './support/faults';

const NOW = new Date('2026-11-21T04:00:00Z');

const as = openidOf;

async function approvedAward(h: ApiHarness, memberIds: string[], occurredOn = '2026-10-15'): Promise<string> {
  const { claim } = await h.ok(as('b1head'), 'award.propose', {
    itemId: 'meeting.attend.branch',
    occurredOn,
    recipients: memberIds.map((memberId) => ({ memberId })),
    note: '分会例会',
  });
  await h.ok(as('president'), 'claim.decide', { claimId: claim._id, decision: 'approve' });
  return claim._id;
}

async function selfReport(h: ApiHarness, key: string, extra: Record<string, unknown> = {}): Promise<string> {
  const { claim } = await h.ok(as(key), 'claim.submit', { itemId: 'deed.unquantified', occurredOn: '2026-11-20', points: 2, note: '助老', ...extra } as never);
  return claim._id;
}

const CASES: FaultCase[] = [
  {
    name: 'claim.submit',
    setup: async () => ({
      openid: as('m1'),
      action: 'claim.submit',
      payload: { itemId: 'deed.unquantified', occurredOn: '2026-11-20', points: 3, note: '助老志愿服务', evidence: ['cloud://env/photo.jpg'] },
    }),
  },
  {
    name: 'claim.withdraw',
    setup: async (h) => ({ openid: as('m1'), action: 'claim.withdraw', payload: { claimId: await selfReport(h, 'm1') } }),
  },
  {
    name: 'claim.decide (endorse)',
    setup: async (h) => ({
      openid: as('b1head'),
      action: 'claim.decide',
      payload: { claimId: await selfReport(h, 'm1'), decision: 'approve', points: 4 },
    }),
  },
  {
    name: 'claim.decide (endorse, reject)',
    setup: async (h) => ({
      openid: as('b1lead'),
      action: 'claim.decide',
      payload: { claimId: await selfReport(h, 'm1'), decision: 'reject', reason: '缺少照片' },
    }),
  },
  {
    name: 'claim.decide (final)',
    setup: async (h) => {
      // m1 already has October tallies; the new entries add to 'all' and the year and open November.
      await approvedAward(h, ['m1']);
      const { claim } = await h.ok(as('secgen'), 'award.propose', {
        itemId: 'meeting.attend.association',
        occurredOn: '2026-11-20',
        recipients: [{ memberId: 'm1', spoke: true }, { memberId: 'm2' }, { memberId: 'm3' }],
        note: '季度会议',
      });
      return { openid: as('president'), action: 'claim.decide', payload: { claimId: claim._id, decision: 'approve' } };
    },
  },
  {
    name: 'claim.decide (final, reversal)',
    setup: async (h) => {
      const claimId = await approvedAward(h, ['m1', 'm2']);
      const { claim } = await h.ok(as('b1head'), 'entry.reverse', { entryId: `${claimId}-1`, reason: '重复录入' });
      return { openid: as(claim.waitingFor!.memberIds[0]), action: 'claim.decide', payload: { claimId: claim._id, decision: 'approve' } };
    },
  },
  {
    name: 'award.propose',
    setup: async () => ({
      openid: as('b1head'),
      action: 'award.propose',
      payload: { itemId: 'meeting.attend.branch', occurredOn: '2026-11-20', recipients: [{ memberId: 'm1' }, { memberId: 'm2', hosted: true }], note: '分会例会' },
    }),
  },
  {
    name: 'entry.reverse',
    setup: async (h) => ({
      openid: as('b1head'),
      action: 'entry.reverse',
      payload: { entryId: `${await approvedAward(h, ['m2'])}-0`, reason: '活动取消' },
    }),
  },
  {
    name: 'entry.correct',
    setup: async (h) => ({
      openid: ADMIN_OPENID,
      action: 'entry.correct',
      payload: { entryId: `${await approvedAward(h, ['m2'])}-0`, points: 5, reason: '应为 5 分' },
    }),
  },
  {
    name: 'claim.decide (final, correction)',
    setup: async (h) => {
      const claimId = await approvedAward(h, ['m1', 'm2']);
      const { claim } = await h.ok(as('b1head'), 'entry.correct', { entryId: `${claimId}-1`, points: 5, reason: '应为 5 分' });
      return { openid: as(claim.waitingFor!.memberIds[0]), action: 'claim.decide', payload: { claimId: claim._id, decision: 'approve' } };
    },
  },
  {
    name: 'me.bind',
    setup: async (h) => {
      putMember(h, 'm5', { name: '会员戊', bound: false });
      await approvedAward(h, ['m5']);
      return { openid: 'o-new-account', action: 'me.bind', payload: { inviteCode: 'invm5xxx' } };
    },
  },
  {
    name: 'admin.members.import',
    setup: async (h) => {
      await approvedAward(h, ['m2']);
      return {
        openid: ADMIN_OPENID,
        action: 'admin.members.import',
        payload: {
          rows: [
            { name: '新会员甲', phone: '138 0013 8000', branch: '东宝分会' },
            { name: '会员乙', branch: '东宝分会', profession: '教师', socialRoles: ['区政协委员'] },
            { name: '新会员乙', branch: '沙洋分会', tier: 'director', positions: ['branch_leader'] },
          ],
        },
      };
    },
  },
  {
    name: 'admin.members.update',
    setup: async (h) => {
      await approvedAward(h, ['m1']);
      return { openid: ADMIN_OPENID, action: 'admin.members.update', payload: { memberId: 'm1', patch: { branch: '钟祥分会', profession: '教师', tier: 'director' } } };
    },
  },
  {
    name: 'admin.members.update (reset binding)',
    setup: async (h) => {
      await approvedAward(h, ['m1']);
      return { openid: as('clerk'), action: 'admin.members.update', payload: { memberId: 'm1', patch: { resetBinding: true, status: 'left' } } };
    },
  },
  {
    // The 秘书长 leaves with claims waiting for them, one of their own self-reports and a line in a batch.
    name: 'admin.members.update (leaving, with pending claims)',
    setup: async (h) => {
      const { claim } = await h.ok(as('m1'), 'claim.submit', { itemId: 'honor.county', occurredOn: '2026-11-20', note: '' });
      await h.ok(as('b1lead'), 'claim.decide', { claimId: claim._id, decision: 'approve' });
      await h.ok(as('secgen'), 'claim.submit', { itemId: 'honor.county', occurredOn: '2026-11-20', note: '' });
      await h.ok(as('president'), 'award.propose', { itemId: 'meeting.attend.association', occurredOn: '2026-11-20', recipients: [{ memberId: 'secgen' }, { memberId: 'm3' }], note: '' });
      return { openid: ADMIN_OPENID, action: 'admin.members.update', payload: { memberId: 'secgen', patch: { status: 'left' } } };
    },
  },
  {
    name: 'admin.dues.void',
    setup: async (h) => {
      const { dues } = await h.ok(ADMIN_OPENID, 'admin.dues.record', { memberId: 'm3', paidOn: '2026-09-15', years: 1 });
      return { openid: as('clerk'), action: 'admin.dues.void', payload: { duesId: dues._id, reason: '录错档次' } };
    },
  },
  {
    name: 'admin.dues.record',
    setup: async () => ({ openid: ADMIN_OPENID, action: 'admin.dues.record', payload: { memberId: 'm3', paidOn: '2026-09-15', years: 5 } }),
  },
  {
    name: 'admin.scheme.publish',
    setup: async (h) => {
      const { items } = await h.ok(ADMIN_OPENID, 'catalog.get', {});
      const revised: SchemeItemInput[] = items.map((item) => (item.id === 'honor.county' ? { ...item, points: 12 } : item));
      revised.push({ id: 'honor.township', name: '获得乡镇级表彰、荣誉', category: '荣誉', kind: 'fixed', points: 5 });
      return { openid: ADMIN_OPENID, action: 'admin.scheme.publish', payload: { items: revised, effectiveFrom: '2026-12-01', note: '增加乡镇级表彰' } };
    },
  },
  {
    // 第十九条: a 分会会长's 谈话提醒 for a member of the branch.
    name: 'reminder.record',
    setup: async () => ({ openid: as('b1head'), action: 'reminder.record', payload: { memberId: 'm1', year: '2026', method: 'talk', note: '年度积分靠后，谈话提醒' } }),
  },
  {
    // Its file goes to storage; the database gets the one record the daily job deletes it by.
    name: 'admin.export',
    setup: async (h) => {
      await approvedAward(h, ['m1', 'm2']);
      return { openid: ADMIN_OPENID, action: 'admin.export', payload: { period: 'month', key: '2026-10' } };
    },
  },
];

const { fresh } = faultSuite('faults', CASES, async () => {
  const h = new ApiHarness({ now: NOW });
  standardAssociation(h);
  return h;
});

describe('the comparison itself', () => {
  it('tells a half-written store from both the store before and the store after', async () => {
    const c = CASES.find((x) => x.name === 'claim.decide (final)')!;
    const run = await fresh(c);
    try {
      expect((await invoke(run.h, run.invocation)).ok).toBe(true);
      const after = run.h.cloud.store.dump();
      // The ledger and the claim written, the tallies not: what a non-transactional approval could leave.
      const half = { ...after, tallies: run.before.tallies ?? [] };
      expect(JSON.stringify(half)).not.toBe(JSON.stringify(run.before));
      expect(canonical(half)).not.toEqual(canonical(after));
      expect(differingCollections(half, after)).toEqual(['tallies']);
      // And two runs differing only in random ids compare equal.
      const again = await fresh(c);
      try {
        await invoke(again.h, again.invocation);
        expect(canonical(again.h.cloud.store.dump())).toEqual(canonical(after));
      } finally {
        again.h.close();
      }
    } finally {
      run.h.close();
    }
  });
});
