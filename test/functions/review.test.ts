/**
 * Authority (第十三条), two-person review (第十四条) and step-by-step approval (第十五条), through
 * the real api function in the local cloud.
 */
import type { Claim } from '../../typings/models';
import { ApiHarness } from '../support/api';
import { approveSelfReport, openidOf, associationAt } from '../support/fixtures';

let h: ApiHarness;
beforeEach(() => (h = associationAt(new Date('2026-11-21T04:00:00Z'))));
afterEach(() => h.close());

const as = (key: string) => openidOf(key);
const ledgerOf = () => h.cloud.store.dump().ledger ?? [];

async function submit(key: string, itemId: string, extra: Record<string, unknown> = {}): Promise<Claim> {
  const { claim } = await h.ok(as(key), 'claim.submit', { itemId, occurredOn: '2026-11-20', note: '测试', ...extra } as never);
  return claim;
}

describe('authority limits (第十三条)', () => {
  it('routes an 8-point self-report past the 2- and 5-point branch leaders to the president, then to the political instructor', async () => {
    const claim = await submit('m1', 'activity.outstanding.city_uf', { points: 8 });
    expect(claim.waitingFor).toEqual({ memberIds: ['president'], label: '市新联会领导（奖分权限≥8分）' });

    const director = await h.fails(as('director'), 'claim.decide', { claimId: claim._id, decision: 'approve' });
    expect(director.code).toBe('OVER_AUTHORITY');
    const branchHead = await h.fails(as('b1head'), 'claim.decide', { claimId: claim._id, decision: 'approve' });
    expect(branchHead.code).toBe('OVER_AUTHORITY');

    const endorsed = await h.ok(as('president'), 'claim.decide', { claimId: claim._id, decision: 'approve' });
    expect(endorsed.claim.waitingFor).toEqual({ memberIds: ['instructor'], label: '政治指导员' });
    await h.ok(as('instructor'), 'claim.decide', { claimId: claim._id, decision: 'approve' });
    expect(ledgerOf()).toEqual([expect.objectContaining({ memberId: 'm1', points: 8, reviewers: ['president', 'instructor'] })]);
  });

  it('lets a 2-point endorser approve a fixed-point item, final-reviewed by the secretary-general', async () => {
    const claim = await submit('m1', 'honor.city');
    expect(claim.waitingFor!.memberIds).toEqual(['b1head', 'b1lead', 'director']);
    const endorsed = await h.ok(as('b1lead'), 'claim.decide', { claimId: claim._id, decision: 'approve' });
    expect(endorsed.claim.waitingFor).toEqual({ memberIds: ['secgen'], label: '秘书长' });
    await h.ok(as('secgen'), 'claim.decide', { claimId: claim._id, decision: 'approve' });
    expect(ledgerOf()).toEqual([expect.objectContaining({ memberId: 'm1', itemId: 'honor.city', points: 20 })]);
  });

  it('lets the endorser set a range value within the range and their authority, and no higher', async () => {
    const claim = await submit('m1', 'deed.unquantified', { points: 2 });
    const over = await h.fails(as('b1lead'), 'claim.decide', { claimId: claim._id, decision: 'approve', points: 3 });
    expect(over.code).toBe('OVER_AUTHORITY');
    const endorsed = await h.ok(as('b1head'), 'claim.decide', { claimId: claim._id, decision: 'approve', points: 5 });
    expect(endorsed.claim.lines[0].points).toBe(5);
    expect(endorsed.claim.decisions[0]).toMatchObject({ by: 'b1head', points: 5 });
    // A 5-point endorser's claim goes to the president.
    expect(endorsed.claim.waitingFor!.memberIds).toEqual(['president']);
  });

  it('refuses a leader award over the proposer authority before it is recorded', async () => {
    const over = await h.fails(as('b1lead'), 'award.propose', {
      itemId: 'other',
      occurredOn: '2026-11-20',
      recipients: [{ memberId: 'm1', points: 3 }],
      note: '组织活动',
    });
    expect(over.code).toBe('OVER_AUTHORITY');
    expect(h.cloud.store.dump().claims).toBeUndefined();
  });

  it('refuses a self-report asking more discretionary points than anyone may endorse', async () => {
    const error = await h.fails(as('m1'), 'claim.submit', { itemId: 'activity.outstanding.city_uf', occurredOn: '2026-11-20', points: 15, note: '' });
    expect(error.code).toBe('OVER_AUTHORITY');
  });
});

describe('the inbox', () => {
  it("names each claimant's branch, in the same database requests however long the history", async () => {
    await submit('m3', 'activity.outstanding.city_uf', { points: 8 });
    await submit('m4', 'activity.outstanding.city_uf', { points: 8 });
    const inboxOfPresident = async () => {
      h.cloud.db.resetStats();
      const { claims } = await h.ok(as('president'), 'inbox.list', {});
      return { claims, requests: h.cloud.db.stats.requests };
    };

    const short = await inboxOfPresident();
    // Both filed in the same instant: their order is the store's.
    expect(short.claims.map((c) => [c.createdByName, c.createdByBranchName])).toHaveLength(2);
    expect(short.claims.map((c) => [c.createdByName, c.createdByBranchName])).toEqual(
      expect.arrayContaining([
        ['会员丙', '掇刀分会'],
        ['会员丁', null],
      ]),
    );

    for (let day = 1; day <= 6; day++) {
      const claim = await submit('m1', 'honor.city', { occurredOn: `2026-11-0${day}` });
      await approveSelfReport(h, claim._id);
    }
    const long = await inboxOfPresident();
    expect(long.claims).toHaveLength(2);
    expect(ledgerOf()).toHaveLength(6);
    expect(long.requests).toBe(short.requests);
  });
});

describe('two-person review (第十四条)', () => {
  it('never lets anyone endorse or approve their own points', async () => {
    const claim = await submit('b1head', 'deed.unquantified', { points: 3 });
    expect(claim.waitingFor!.memberIds).not.toContain('b1head');
    expect((await h.fails(as('b1head'), 'claim.decide', { claimId: claim._id, decision: 'approve' })).code).toBe('SELF_REVIEW');
  });

  it('refuses an award to oneself', async () => {
    const error = await h.fails(as('b1head'), 'award.propose', {
      itemId: 'meeting.attend.branch',
      occurredOn: '2026-11-20',
      recipients: [{ memberId: 'b1head' }, { memberId: 'm1' }],
      note: '分会例会',
    });
    expect(error.code).toBe('SELF_REVIEW');
  });

  it('sends the lines of a recipient who is the final reviewer one level up, and the rest to the usual reviewer', async () => {
    const { claim, claims } = await h.ok(as('secgen'), 'award.propose', {
      itemId: 'meeting.attend.association',
      occurredOn: '2026-11-20',
      recipients: [{ memberId: 'president', spoke: true }, { memberId: 'm1' }],
      note: '市新联会季度会议',
    });
    expect(claims.map((c) => c.waitingFor)).toEqual([
      { memberIds: ['president'], label: '会长' },
      { memberIds: ['instructor'], label: '政治指导员（会长回避，逐级上报）' },
    ]);
    expect(claim).toEqual(claims[0]);
    expect(claims.map((c) => c.lines.map((l) => [l.memberId, l.itemId, l.points]))).toEqual([
      [['m1', 'meeting.attend.association', 20]],
      [
        ['president', 'meeting.attend.association', 20],
        ['president', 'meeting.speak.association', 10],
      ],
    ]);
    expect((await h.fails(as('president'), 'claim.decide', { claimId: claims[1]._id, decision: 'approve' })).code).toBe('SELF_REVIEW');
    await h.ok(as('instructor'), 'claim.decide', { claimId: claims[1]._id, decision: 'approve' });
    await h.ok(as('president'), 'claim.decide', { claimId: claims[0]._id, decision: 'approve' });
    expect(ledgerOf().map((e) => [e.memberId, e.points])).toEqual(
      expect.arrayContaining([
        ['president', 20],
        ['president', 10],
        ['m1', 20],
      ]),
    );
  });

  it('does not let the endorser give the final review too', async () => {
    const claim = await submit('m4', 'deed.unquantified', { points: 4 });
    expect(claim.waitingFor!.memberIds).toEqual(['president', 'secgen', 'vice']);
    const endorsed = await h.ok(as('president'), 'claim.decide', { claimId: claim._id, decision: 'approve' });
    expect(endorsed.claim.waitingFor!.memberIds).toEqual(['instructor']);
    expect((await h.fails(as('president'), 'claim.decide', { claimId: claim._id, decision: 'approve' })).code).toBe('SELF_REVIEW');
  });
});

describe('rejections and withdrawals', () => {
  it('rejects with a required reason the claimant can read', async () => {
    const claim = await submit('m1', 'honor.county');
    expect((await h.fails(as('b1head'), 'claim.decide', { claimId: claim._id, decision: 'reject' })).code).toBe('INVALID_INPUT');
    await h.ok(as('b1head'), 'claim.decide', { claimId: claim._id, decision: 'reject', reason: '缺少表彰文件照片' });
    const { claim: seen } = await h.ok(as('m1'), 'claim.get', { claimId: claim._id });
    expect(seen.status).toBe('rejected');
    expect(seen.decisions).toEqual([expect.objectContaining({ by: 'b1head', byName: '东宝分会长', decision: 'reject', reason: '缺少表彰文件照片' })]);
    expect(ledgerOf()).toEqual([]);
  });

  it('lets the claimant withdraw while pending, and nobody decide afterwards', async () => {
    const claim = await submit('m1', 'honor.county');
    expect((await h.fails(as('m2'), 'claim.withdraw', { claimId: claim._id })).code).toBe('FORBIDDEN');
    await h.ok(as('m1'), 'claim.withdraw', { claimId: claim._id });
    expect((await h.fails(as('b1head'), 'claim.decide', { claimId: claim._id, decision: 'approve' })).code).toBe('CONFLICT');
    expect((await h.ok(as('b1head'), 'me.get')).inboxCount).toBe(0);
  });

  it('keeps other members out of a claim', async () => {
    const claim = await submit('m1', 'honor.county');
    expect((await h.fails(as('m3'), 'claim.get', { claimId: claim._id })).code).toBe('FORBIDDEN');
    expect((await h.ok(as('b1lead'), 'claim.get', { claimId: claim._id })).claim._id).toBe(claim._id);
  });
});

describe('concurrency and retries', () => {
  it('lets exactly one of several racing endorsers win', async () => {
    const claim = await submit('m1', 'honor.county');
    const results = await Promise.all(
      ['b1head', 'b1lead', 'director'].map((key) => h.call(as(key), 'claim.decide', { claimId: claim._id, decision: 'approve' })),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => (r.ok ? null : r.error.code))).toEqual(['CONFLICT', 'CONFLICT']);
    const { claim: after } = await h.ok(as('m1'), 'claim.get', { claimId: claim._id });
    expect(after.decisions).toHaveLength(1);
  });

  it('approves once when the final reviewer taps five times at once', async () => {
    const claim = await submit('m1', 'honor.county');
    await h.ok(as('b1head'), 'claim.decide', { claimId: claim._id, decision: 'approve' });
    const results = await Promise.all(
      Array.from({ length: 5 }, () => h.call(as('president'), 'claim.decide', { claimId: claim._id, decision: 'approve' })),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(ledgerOf()).toHaveLength(1);
    expect(h.cloud.store.dump().tallies.find((t) => t._id === 'm1:all')).toMatchObject({ total: 10 });
  });

  it('answers a retried requestId with the first result and writes nothing new', async () => {
    const requestId = h.nextRequestId();
    const payload = { itemId: 'honor.county', occurredOn: '2026-11-20', note: '' };
    const first = await h.ok(as('m1'), 'claim.submit', payload, requestId);
    const again = await h.ok(as('m1'), 'claim.submit', payload, requestId);
    expect(again.claim._id).toBe(first.claim._id);
    expect(h.cloud.store.dump().claims).toHaveLength(1);
    // The same requestId from another caller is another request.
    await h.ok(as('m2'), 'claim.submit', payload, requestId);
    expect(h.cloud.store.dump().claims).toHaveLength(2);
  });

  it('answers racing retries of one decision with one result', async () => {
    const claim = await submit('m1', 'honor.county');
    await h.ok(as('b1head'), 'claim.decide', { claimId: claim._id, decision: 'approve' });
    const requestId = h.nextRequestId();
    const results = await Promise.all(
      Array.from({ length: 4 }, () => h.call(as('president'), 'claim.decide', { claimId: claim._id, decision: 'approve' }, requestId)),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    expect(ledgerOf()).toHaveLength(1);
  });
});

describe('notifications', () => {
  it('sends one message to each reviewer a claim reaches, and a refused subscription does not fail the decision', async () => {
    h.cloud.outbox.refuse(as('b1lead'));
    const claim = await submit('m1', 'honor.county');
    expect(h.cloud.outbox.delivered().map((m) => m.data.touser).sort()).toEqual([as('b1head'), as('director')]);
    h.cloud.outbox.refuse(as('president'));
    const endorsed = await h.ok(as('b1head'), 'claim.decide', { claimId: claim._id, decision: 'approve' });
    expect(endorsed.claim.step).toBe('final');
    expect(h.cloud.outbox.messages.filter((m) => !m.delivered).map((m) => m.data.touser)).toEqual([as('b1lead'), as('president')]);
  });
});
