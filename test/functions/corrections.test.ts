/**
 * Corrections (SPEC §4: entries are never edited): entry.correct posts a reversing entry and the
 * corrected one once approved under the two-person rule (第十四条); the secretariat proposes reversals
 * and corrections with or without a member record, final-reviewed by the 秘书长; one pending
 * reversal or correction per entry, even when two are proposed at once.
 */
import { ADMIN_OPENID, ApiHarness } from '../support/api';
import { approveSelfReport, associationAt, openidOf } from '../support/fixtures';

let h: ApiHarness;
beforeEach(() => (h = associationAt(new Date('2026-11-21T04:00:00Z'))));
afterEach(() => h.close());

const as = openidOf;
const ledger = () => h.cloud.store.dump().ledger ?? [];
const tally = (id: string) => (h.cloud.store.dump().tallies ?? []).find((t) => t._id === id)?.total;

/** m1's approved 4-point self-report of an unquantified deed; its ledger entry id. */
async function entryOfFourPoints(): Promise<string> {
  const { claim } = await h.ok(as('m1'), 'claim.submit', { itemId: 'deed.unquantified', occurredOn: '2026-11-20', points: 4, note: '助老' });
  await approveSelfReport(h, claim._id);
  return `${claim._id}-0`;
}

it('corrects an entry from 4 to 2 points with one claim that posts the reversal and the corrected entry', async () => {
  const entryId = await entryOfFourPoints();
  const { claim } = await h.ok(as('b1head'), 'entry.correct', { entryId, points: 2, reason: '按规定应为 2 分' });
  expect(claim).toMatchObject({ kind: 'correction', total: -2, waitingFor: { memberIds: ['president'], label: '会长' } });
  expect(claim.lines.map((l) => l.points)).toEqual([-4, 2]);

  await h.ok(as('president'), 'claim.decide', { claimId: claim._id, decision: 'approve' });
  expect(ledger().filter((e) => e._id !== entryId).map((e) => [e._id, e.points, e.reverses ?? e.corrects]).sort()).toEqual([
    [`cor-${entryId}`, 2, entryId],
    [`rev-${entryId}`, -4, entryId],
  ]);
  expect(tally('m1:all')).toBe(2);
});

it('lets the administrator without a member record propose a reversal, final-reviewed by the 秘书长', async () => {
  const entryId = await entryOfFourPoints();
  const { claim } = await h.ok(ADMIN_OPENID, 'entry.reverse', { entryId, reason: '重复录入' });
  expect(claim).toMatchObject({ createdByName: '秘书处', waitingFor: { memberIds: ['secgen'], label: '秘书长' } });
  await h.ok(as('secgen'), 'claim.decide', { claimId: claim._id, decision: 'approve' });
  expect(tally('m1:all')).toBe(0);
  expect(ledger().find((e) => e._id === `rev-${entryId}`)).toMatchObject({ points: -4, reviewers: ['secgen'] });
});

it('sends a secretariat member’s correction to the 秘书长', async () => {
  const entryId = await entryOfFourPoints();
  const { claim } = await h.ok(as('clerk'), 'entry.correct', { entryId, points: 3, reason: '核对后应为 3 分' });
  expect(claim.waitingFor).toEqual({ memberIds: ['secgen'], label: '秘书长' });
});

it('leaves one pending claim when reversals of an entry are proposed at once, and names it to the others', async () => {
  const entryId = await entryOfFourPoints();
  const results = await Promise.all([
    h.call(as('b1head'), 'entry.reverse', { entryId, reason: '重复录入' }),
    h.call(as('vice'), 'entry.reverse', { entryId, reason: '重复录入' }),
    h.call(ADMIN_OPENID, 'entry.reverse', { entryId, reason: '重复录入' }),
  ]);
  expect(results.filter((r) => r.ok)).toHaveLength(1);
  for (const refused of results.filter((r) => !r.ok)) {
    expect(!refused.ok && refused.error.code).toBe('CONFLICT');
    expect(!refused.ok && refused.error.message).toMatch(/^该记录已有待审批的冲正申请（(东宝分会长|李副会长|秘书处)提出，等待/);
  }
  expect((h.cloud.store.dump().claims ?? []).filter((c) => c.kind === 'reversal')).toHaveLength(1);
});

it('refuses a correction while a reversal of the same entry is pending, and allows one after it is rejected', async () => {
  const entryId = await entryOfFourPoints();
  const { claim: reversal } = await h.ok(as('b1head'), 'entry.reverse', { entryId, reason: '重复录入' });
  expect((await h.fails(as('b1lead'), 'entry.correct', { entryId, points: 2, reason: '应为 2 分' })).code).toBe('CONFLICT');
  await h.ok(as('president'), 'claim.decide', { claimId: reversal._id, decision: 'reject', reason: '并非重复' });
  expect((await h.ok(as('b1lead'), 'entry.correct', { entryId, points: 2, reason: '应为 2 分' })).claim.kind).toBe('correction');
});

it('refuses raising discretionary points beyond the proposer’s authority, and a correction that changes nothing', async () => {
  const entryId = await entryOfFourPoints();
  expect((await h.fails(as('b1lead'), 'entry.correct', { entryId, points: 5, reason: '应为 5 分' })).code).toBe('OVER_AUTHORITY');
  expect((await h.fails(as('b1head'), 'entry.correct', { entryId, points: 4, reason: '不变' })).code).toBe('INVALID_INPUT');
  expect((await h.fails(as('m1'), 'entry.correct', { entryId, points: 2, reason: '我自己改' })).code).toBe('FORBIDDEN');
});
