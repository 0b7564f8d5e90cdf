/**
 * The core flow through the real api function: a self-report is endorsed, final-reviewed, and
 * lands on the ledger and every board at once.
 */
import { ApiHarness, DECIDED_TEMPLATE, REVIEW_TEMPLATE } from '../support/api';
import { openidOf, associationAt } from '../support/fixtures';

let h: ApiHarness;
beforeEach(() => (h = associationAt(new Date('2026-11-21T04:00:00Z'))));
afterEach(() => h.close());

it('answers me.get for an unknown caller with no member', async () => {
  const me = await h.ok('stranger', 'me.get', {});
  expect(me).toMatchObject({ member: null, roles: [], authority: 0, inboxCount: 0 });
  // The pages learn the scheme's words and what the caller may do from the same answer.
  expect(me.terms).toMatchObject({ template: 'jingmen', words: { member: '会员', unit: '分会', root: '市新联会' } });
  expect(me.can).toEqual({ review: false, award: false, record: false, sign: false, read: false, remind: false, veto: false, eliminate: false, shop: false, exportUnit: false });
});

it('takes a self-report through endorsement and final review onto the boards', async () => {
  const { claim } = await h.ok(openidOf('m1'), 'claim.submit', {
    itemId: 'deed.unquantified',
    occurredOn: '2026-11-20',
    points: 4,
    note: '助老志愿服务',
  });
  expect(claim.step).toBe('endorse');
  expect(claim.waitingFor!.memberIds).toEqual(['b1head']);

  const endorsed = await h.ok(openidOf('b1head'), 'claim.decide', { claimId: claim._id, decision: 'approve' });
  expect(endorsed.claim.step).toBe('final');
  expect(endorsed.claim.waitingFor!.memberIds).toEqual(['president']);

  const approved = await h.ok(openidOf('president'), 'claim.decide', { claimId: claim._id, decision: 'approve' });
  expect(approved.claim.status).toBe('approved');

  const board = await h.ok(openidOf('m1'), 'ranking.get', { period: 'month' });
  expect(board.rows).toEqual([{ memberId: 'm1', name: '会员甲', branchName: '东宝分会', total: 4, rank: 1 }]);
  expect(board.me).toEqual({ memberId: 'm1', rank: 1, total: 4 });
  // Each reviewer is told when it reaches them, and the claimant when it is approved.
  expect(h.cloud.outbox.delivered().map((m) => [m.data.touser, m.data.template_id])).toEqual([
    [openidOf('b1head'), REVIEW_TEMPLATE],
    [openidOf('president'), REVIEW_TEMPLATE],
    [openidOf('m1'), DECIDED_TEMPLATE],
  ]);
});
