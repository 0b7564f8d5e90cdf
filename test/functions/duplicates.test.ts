/**
 * The same deed twice (第十四条: reviewers see what they approve): a line repeating an approved entry
 * or a pending line of the same member, item and day names it in `duplicateOf`, every reviewer sees
 * it, approving stays allowed, and the decision records who let it through.
 */
import { ApiHarness } from '../support/api';
import { associationAt, openidOf } from '../support/fixtures';

let h: ApiHarness;
beforeEach(() => (h = associationAt(new Date('2026-11-21T04:00:00Z'))));
afterEach(() => h.close());

const as = openidOf;
const DATE = '2026-11-20';
const branchMeeting = (recipients: string[]) =>
  h.ok(as('b1head'), 'award.propose', { itemId: 'meeting.attend.branch', occurredOn: DATE, recipients: recipients.map((memberId) => ({ memberId })), note: '分会例会' });
const selfReport = (key: string, itemId = 'meeting.attend.branch', occurredOn = DATE) =>
  h.ok(as(key), 'claim.submit', { itemId, occurredOn, note: '参加分会例会' });

it('flags a member’s report of a meeting their leader’s approved award already credits, and records who approved it anyway', async () => {
  const { claim: award } = await branchMeeting(['m1', 'm2']);
  await h.ok(as('president'), 'claim.decide', { claimId: award._id, decision: 'approve' });

  const { claim } = await selfReport('m1');
  expect(claim.lines[0].duplicateOf).toBe(`${award._id}-0`);
  const [card] = (await h.ok(as('b1lead'), 'inbox.list', {})).claims;
  expect(card.lines[0].duplicateOf).toBe(`${award._id}-0`);

  const { claim: endorsed } = await h.ok(as('b1lead'), 'claim.decide', { claimId: claim._id, decision: 'approve' });
  expect(endorsed.decisions[0]).toMatchObject({ by: 'b1lead', flagged: [0] });
  const { claim: approved } = await h.ok(as('secgen'), 'claim.decide', { claimId: claim._id, decision: 'approve' });
  expect(approved.decisions[1]).toMatchObject({ by: 'secgen', flagged: [0] });
  const entries = (h.cloud.store.dump().ledger ?? []).filter((e) => e.memberId === 'm1');
  expect(entries.map((e) => [e.claimId, e.duplicateOf ?? null]).sort()).toEqual(
    [
      [award._id, null],
      [claim._id, `${award._id}-0`],
    ].sort(),
  );
});

it('flags a leader’s award line that repeats a member’s pending report, and only that line', async () => {
  const { claim: report } = await selfReport('m1');
  const { claim } = await branchMeeting(['m1', 'm2']);
  expect(claim.lines.map((l) => l.duplicateOf ?? null)).toEqual([report._id, null]);
  const [card] = (await h.ok(as('president'), 'inbox.list', {})).claims;
  expect(card.lines[0].duplicateOf).toBe(report._id);
});

it('does not flag another day, another item, or an entry that was reversed', async () => {
  const { claim: award } = await branchMeeting(['m1']);
  await h.ok(as('president'), 'claim.decide', { claimId: award._id, decision: 'approve' });
  expect((await selfReport('m1', 'meeting.attend.branch', '2026-11-19')).claim.lines[0].duplicateOf).toBeUndefined();
  expect((await selfReport('m1', 'activity.attend.branch')).claim.lines[0].duplicateOf).toBeUndefined();

  const { claim: reversal } = await h.ok(as('b1head'), 'entry.reverse', { entryId: `${award._id}-0`, reason: '记错了会议' });
  await h.ok(as(reversal.waitingFor!.memberIds[0]), 'claim.decide', { claimId: reversal._id, decision: 'approve' });
  expect((await selfReport('m1')).claim.lines[0].duplicateOf).toBeUndefined();
});
