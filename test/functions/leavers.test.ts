/**
 * Points never go to a member who left (第十七条 会员积分永久有效，除非退出): their own pending claims
 * are closed with the reason, their lines in a batch are excluded for every reviewer to see and never
 * posted, and a member who rejoins is on the boards again with the points recorded before.
 */
import type { Claim } from '../../typings/models';
import { ADMIN_OPENID, ApiHarness } from '../support/api';
import { approveSelfReport, associationAt, openidOf, putMember } from '../support/fixtures';

let h: ApiHarness;
beforeEach(() => (h = associationAt(new Date('2026-11-21T04:00:00Z'))));
afterEach(() => h.close());

const as = openidOf;
const ledger = () => h.cloud.store.dump().ledger ?? [];
const leave = (memberId: string) => h.ok(ADMIN_OPENID, 'admin.members.update', { memberId, patch: { status: 'left' } });
const claimNow = async (claimId: string): Promise<Claim> => (await h.ok(ADMIN_OPENID, 'claim.get', { claimId })).claim;

async function meetingAward(recipients: string[]): Promise<Claim> {
  const { claim } = await h.ok(as('b1head'), 'award.propose', {
    itemId: 'meeting.attend.branch',
    occurredOn: '2026-11-20',
    recipients: recipients.map((memberId) => ({ memberId })),
    note: '分会例会',
  });
  return claim;
}

it('closes the pending self-reports of a member who leaves, saying why, and empties the reviewers’ inboxes', async () => {
  const { claim } = await h.ok(as('m1'), 'claim.submit', { itemId: 'honor.county', occurredOn: '2026-11-20', note: '' });
  await leave('m1');

  const closed = await claimNow(claim._id);
  expect(closed).toMatchObject({ status: 'rejected', step: null, waitingFor: null });
  expect(closed.decisions).toEqual([expect.objectContaining({ decision: 'reject', byName: '秘书处', reason: '会员甲已退出本会，申请关闭（第十七条）' })]);
  expect((await h.ok(as('b1head'), 'inbox.list', {})).claims).toEqual([]);
  expect((await h.fails(as('b1head'), 'claim.decide', { claimId: claim._id, decision: 'approve' })).code).toBe('CONFLICT');
});

it('excludes the line of a member who left from a pending batch, shows it, and posts only the others', async () => {
  const award = await meetingAward(['m1', 'm2']);
  await leave('m2');

  const seen = (await h.ok(as('president'), 'inbox.list', {})).claims[0];
  expect(seen.lines.map((l) => [l.memberName, l.excluded ?? null])).toEqual([
    ['会员甲', null],
    ['会员乙', '已退出本会，不计入（第十七条）'],
  ]);
  expect(seen.total).toBe(10);
  await h.ok(as('president'), 'claim.decide', { claimId: award._id, decision: 'approve' });
  expect(ledger().map((e) => [e.memberId, e.points])).toEqual([['m1', 10]]);
});

it('closes a batch whose every recipient left', async () => {
  const award = await meetingAward(['m2']);
  await leave('m2');
  expect(await claimNow(award._id)).toMatchObject({ status: 'rejected', decisions: [expect.anything(), expect.objectContaining({ reason: '获分会员均已退出本会，申请关闭（第十七条）' })] });
});

it('never posts a line of a member who left, even one the leaving did not reach in time', async () => {
  const award = await meetingAward(['m1', 'm2']);
  const single = await meetingAward(['m2']);
  // m2 left in the same instant the batch was read: the record says so, the claim does not yet.
  putMember(h, 'm2', { name: '会员乙', branch: 'b1', status: 'left' });

  const refused = await h.fails(as('president'), 'claim.decide', { claimId: single._id, decision: 'approve' });
  expect(refused).toEqual({ code: 'INVALID_INPUT', message: '会员乙已退出本会，不能通过，请驳回' });
  const { claim } = await h.ok(as('president'), 'claim.decide', { claimId: award._id, decision: 'approve' });
  expect(claim.lines[1].excluded).toBe('已退出本会，不计入（第十七条）');
  expect(ledger().map((e) => e.memberId)).toEqual(['m1']);
});

it('puts a member who rejoins back on the boards with the points recorded before, and leaves closed claims closed', async () => {
  const { claim: earlier } = await h.ok(as('m1'), 'claim.submit', { itemId: 'deed.unquantified', occurredOn: '2026-11-19', points: 4, note: '' });
  await approveSelfReport(h, earlier._id);
  const { claim: pending } = await h.ok(as('m1'), 'claim.submit', { itemId: 'honor.county', occurredOn: '2026-11-20', note: '' });
  await leave('m1');
  expect((await h.ok(as('m2'), 'ranking.get', { period: 'month' })).rows).toEqual([]);

  await h.ok(ADMIN_OPENID, 'admin.members.update', { memberId: 'm1', patch: { status: 'active' } });
  expect((await h.ok(as('m2'), 'ranking.get', { period: 'month' })).rows).toEqual([expect.objectContaining({ memberId: 'm1', total: 4 })]);
  expect((await claimNow(pending._id)).status).toBe('rejected');
});
