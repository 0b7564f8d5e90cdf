/**
 * Ranking boards (第十六条): month, year and cumulative, every scope, competition ranks with ties,
 * members who left (第十七条), the caller's own row, and periods at midnight in Asia/Shanghai.
 */
import { ADMIN_OPENID, ApiHarness } from '../support/api';
import { openidOf, putMember, standardAssociation } from '../support/fixtures';

let h: ApiHarness;
const as = openidOf;

/** A leader's award, final-approved, so it lands on the ledger. */
async function award(proposer: string, reviewer: string, itemId: string, occurredOn: string, recipients: string[]) {
  const { claim } = await h.ok(as(proposer), 'award.propose', {
    itemId,
    occurredOn,
    recipients: recipients.map((memberId) => ({ memberId })),
    note: '活动',
  });
  await h.ok(as(reviewer), 'claim.decide', { claimId: claim._id, decision: 'approve' });
}

beforeEach(async () => {
  h = new ApiHarness({ now: new Date('2026-11-21T04:00:00Z') });
  standardAssociation(h);
  putMember(h, 'm5', { name: '会员戊', branch: 'b2', tier: 'council', profession: '医生', socialRoles: ['政协委员'] });
  await award('b1head', 'president', 'meeting.attend.branch', '2026-11-20', ['m1', 'm2']); // 10 each
  await award('secgen', 'president', 'activity.attend.association', '2026-11-02', ['m3']); // 20
  await award('secgen', 'president', 'activity.attend.association', '2026-10-30', ['m1', 'm5']); // 20, October
});
afterEach(() => h.close());

const board = (openid: string | null, payload: Record<string, unknown>) => h.ok(openid, 'ranking.get', payload as never);

it('ranks the month with ties sharing a rank, in name order within a tie', async () => {
  const { rows, key } = await board(as('m1'), { period: 'month' });
  expect(key).toBe('2026-11');
  expect(rows.map((r) => [r.memberId, r.total, r.rank])).toEqual([
    ['m3', 20, 1],
    ['m2', 10, 2],
    ['m1', 10, 2],
  ]);
});

it('sums the year and all time across months', async () => {
  const year = await board(as('m1'), { period: 'year', key: '2026' });
  expect(year.rows.map((r) => [r.memberId, r.total, r.rank])).toEqual([
    ['m1', 30, 1],
    ['m3', 20, 2],
    ['m5', 20, 2],
    ['m2', 10, 4],
  ]);
  const october = await board(null, { period: 'month', key: '2026-10' });
  expect(october.rows.map((r) => r.memberId)).toEqual(['m5', 'm1']);
  const all = await board(null, { period: 'all' });
  expect(all.rows[0]).toEqual({ memberId: 'm1', name: '会员甲', branchName: '东宝分会', total: 30, rank: 1 });
});

it('filters by branch, leaders or members, tier, profession and social role', async () => {
  const ids = async (scope: Record<string, unknown>) => (await board(null, { period: 'year', key: '2026', scope })).rows.map((r) => r.memberId);
  expect(await ids({ branchId: 'b1' })).toEqual(['m1', 'm2']);
  expect(await ids({ branchId: 'b2' })).toEqual(['m3', 'm5']);
  expect(await ids({ group: 'leaders' })).toEqual(['m5']);
  expect(await ids({ group: 'members' })).toEqual(['m1', 'm3', 'm2']);
  expect(await ids({ tier: 'council' })).toEqual(['m5']);
  expect(await ids({ profession: '医生' })).toEqual(['m5', 'm2']);
  expect(await ids({ socialRole: '政协委员' })).toEqual(['m5']);
});

it("pins the caller's own rank even below the rows shown", async () => {
  const top = await board(as('m2'), { period: 'year', key: '2026', limit: 1 });
  expect(top.rows.map((r) => r.memberId)).toEqual(['m1']);
  expect(top.me).toEqual({ memberId: 'm2', rank: 4, total: 10 });
  expect((await board(as('m4'), { period: 'year', key: '2026' })).me).toBeNull();
  expect((await board('not-a-member', { period: 'year', key: '2026' })).me).toBeNull();
});

it('takes members who left off every board at once, keeping their ledger', async () => {
  await h.ok(ADMIN_OPENID, 'admin.members.update', { memberId: 'm3', patch: { status: 'left' } });
  const { rows } = await board(null, { period: 'month' });
  expect(rows.map((r) => [r.memberId, r.rank])).toEqual([
    ['m2', 1],
    ['m1', 1],
  ]);
  expect((await h.ok(ADMIN_OPENID, 'ledger.list', { memberId: 'm3' })).entries).toHaveLength(1);
});

it('moves a member to the new branch board when their branch changes', async () => {
  await h.ok(ADMIN_OPENID, 'admin.members.update', { memberId: 'm1', patch: { branch: '掇刀分会' } });
  const b2 = await board(null, { period: 'year', key: '2026', scope: { branchId: 'b2' } });
  expect(b2.rows.map((r) => r.memberId)).toEqual(['m1', 'm3', 'm5']);
});

it('switches the default month at midnight in Shanghai, not UTC', async () => {
  h.setNow(new Date('2026-11-30T15:59:59Z')); // 23:59:59 on 30 November in Shanghai
  expect((await board(null, { period: 'month' })).key).toBe('2026-11');
  h.setNow(new Date('2026-11-30T16:00:00Z')); // 00:00 on 1 December in Shanghai
  expect((await board(null, { period: 'month' })).key).toBe('2026-12');
  h.setNow(new Date('2026-12-31T16:30:00Z')); // 00:30 on 1 January 2027 in Shanghai
  expect((await board(null, { period: 'year' })).key).toBe('2027');
});

it('counts a claim made at 00:30 on the 1st in China in the new month', async () => {
  h.setNow(new Date('2026-11-30T16:30:00Z')); // 00:30, 1 December, Shanghai
  const { claim } = await h.ok(as('m1'), 'claim.submit', { itemId: 'honor.county', occurredOn: '2026-12-01', note: '' });
  await h.ok(as('b1head'), 'claim.decide', { claimId: claim._id, decision: 'approve' });
  await h.ok(as('president'), 'claim.decide', { claimId: claim._id, decision: 'approve' });
  const december = await board(as('m1'), { period: 'month' });
  expect(december.key).toBe('2026-12');
  expect(december.me).toEqual({ memberId: 'm1', rank: 1, total: 10 });
  expect((await h.fails(as('m1'), 'claim.submit', { itemId: 'honor.county', occurredOn: '2026-12-02', note: '' })).code).toBe('OUT_OF_WINDOW');
});

it('shows my month, year and all-time standings and recent entries in one call', async () => {
  const home = await h.ok(as('m1'), 'home.get');
  expect(home.standings).toEqual({
    month: { key: '2026-11', total: 10, rank: 2 },
    year: { key: '2026', total: 30, rank: 1 },
    all: { key: 'all', total: 30, rank: 1 },
  });
  // Both entries were recorded at the same (frozen) instant, so their order is not the point here.
  expect(home.recent.map((e) => e.points).sort((a, b) => a - b)).toEqual([10, 20]);
});
