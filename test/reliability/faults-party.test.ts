/**
 * Fault injection (SPEC §7) on the 常州 template (seeds/002): what the party organisation writes is
 * all-or-nothing too: a 记分员's record counted at once, a report recorded, a quarter closed,
 * signed and made final, objections to a result and to a record and their decisions, a 支部's own
 * item proposed and approved. The loop is support/faults.ts's, as for 荆门.
 */
import { ApiHarness } from '../support/api';
import { partyOpenid as as, partyOrganisation, type Party } from '../support/party';
import { faultSuite, type FaultCase } from './support/faults';

const NOW = new Date('2026-11-21T04:00:00Z');
/** After the 公示 of a quarter signed on NOW (Saturday): five working days end on Friday 27 November. */
const AFTER_WINDOW = new Date('2026-11-30T04:00:00Z');

const parties = new WeakMap<ApiHarness, Party>();
const party = (h: ApiHarness): Party => parties.get(h)!;

/** 第一党支部's 记分员 records 学习强国 in September for 陈党员 and 刘党员 (the quarter's points). */
async function septemberRecord(h: ApiHarness): Promise<void> {
  const recipients = ['a', 'b'].map((k) => ({ memberId: party(h).id(k) }));
  await h.ok(as('k1'), 'award.propose', { itemId: 'study.xuexi', occurredOn: '2026-09-10', recipients, note: '' });
}

const quarter = (h: ApiHarness) => ({ period: 'quarter' as const, key: '2026-Q3', unitId: party(h).unit('第一党支部') });

/** The quarter recorded, closed and signed into 公示. */
async function published(h: ApiHarness): Promise<void> {
  await septemberRecord(h);
  await h.ok(as('s1'), 'admin.period.close', quarter(h));
  await h.ok(as('s1'), 'admin.period.publish', quarter(h));
}

async function ownRow(h: ApiHarness, key: string): Promise<string> {
  const { rows } = await h.ok(as(key), 'outcome.list', { period: 'quarter', key: '2026-Q3' });
  return rows.find((r) => r.memberId === party(h).id(key))!.outcomeId;
}

async function entryObjection(h: ApiHarness): Promise<string> {
  await septemberRecord(h);
  const [entry] = (await h.ok(as('a'), 'ledger.list', {})).entries;
  return (await h.ok(as('a'), 'objection.submit', { entryId: entry._id, reason: '那天我请假了' })).claim._id;
}

const CASES: FaultCase[] = [
  {
    name: 'award.propose (记分, counted at once)',
    setup: async (h) => ({
      openid: as('k1'),
      action: 'award.propose',
      payload: { itemId: 'life.party_day', occurredOn: '2026-11-20', recipients: ['a', 'b', 'p'].map((k) => ({ memberId: party(h).id(k) })), note: '' },
    }),
  },
  {
    name: 'claim.decide (a 特色分 report recorded)',
    setup: async (h) => {
      const { claim } = await h.ok(as('a'), 'claim.submit', { itemId: 'feature.volunteer', occurredOn: '2026-11-15', note: '社区志愿服务' });
      return { openid: as('k1'), action: 'claim.decide', payload: { claimId: claim._id, decision: 'approve' } };
    },
  },
  {
    name: 'admin.period.close',
    ahead: ['outcomes'],
    setup: async (h) => {
      await septemberRecord(h);
      return { openid: as('s1'), action: 'admin.period.close', payload: quarter(h) };
    },
  },
  {
    name: 'admin.period.publish',
    setup: async (h) => {
      await septemberRecord(h);
      await h.ok(as('s1'), 'admin.period.close', quarter(h));
      return { openid: as('s1'), action: 'admin.period.publish', payload: quarter(h) };
    },
  },
  {
    name: 'objection.submit (to a result)',
    setup: async (h) => {
      await published(h);
      return { openid: as('a'), action: 'objection.submit', payload: { outcomeId: await ownRow(h, 'a'), reason: '九月的主题党日漏记' } };
    },
  },
  {
    name: 'claim.decide (an objection to a result, upheld)',
    setup: async (h) => {
      await published(h);
      const { claim } = await h.ok(as('a'), 'objection.submit', { outcomeId: await ownRow(h, 'a'), reason: '九月的主题党日漏记' });
      return { openid: as('c1'), action: 'claim.decide', payload: { claimId: claim._id, decision: 'approve' } };
    },
  },
  {
    name: 'admin.period.finalize (after an upheld objection)',
    setup: async (h) => {
      await published(h);
      const { claim } = await h.ok(as('a'), 'objection.submit', { outcomeId: await ownRow(h, 'a'), reason: '九月的主题党日漏记' });
      await h.ok(as('c1'), 'claim.decide', { claimId: claim._id, decision: 'approve' });
      await h.ok(as('k1'), 'award.propose', { itemId: 'life.party_day', occurredOn: '2026-09-25', recipients: [{ memberId: party(h).id('a') }], note: '补记' });
      h.setNow(AFTER_WINDOW);
      return { openid: as('s1'), action: 'admin.period.finalize', payload: quarter(h) };
    },
  },
  {
    name: 'objection.submit (to a record)',
    setup: async (h) => {
      await septemberRecord(h);
      const [entry] = (await h.ok(as('a'), 'ledger.list', {})).entries;
      return { openid: as('a'), action: 'objection.submit', payload: { entryId: entry._id, reason: '那天我请假了' } };
    },
  },
  {
    name: 'claim.decide (an objection to a record, upheld: reversed)',
    setup: async (h) => ({ openid: as('c1'), action: 'claim.decide', payload: { claimId: await entryObjection(h), decision: 'approve' } }),
  },
  {
    name: 'item.propose',
    setup: async () => ({ openid: as('s1'), action: 'item.propose', payload: { item: { name: '社区网格服务', points: 3, component: 'feature' }, note: '每月参加社区网格值守' } }),
  },
  {
    name: 'claim.decide (a 支部 item approved)',
    setup: async (h) => {
      const { claim } = await h.ok(as('s1'), 'item.propose', { item: { name: '社区网格服务', points: 3, component: 'feature' }, note: '每月参加社区网格值守' });
      return { openid: as('committee'), action: 'claim.decide', payload: { claimId: claim._id, decision: 'approve' } };
    },
  },
];

faultSuite('faults (changzhou)', CASES, async () => {
  const h = new ApiHarness({ now: NOW });
  parties.set(h, await partyOrganisation(h));
  return h;
});
