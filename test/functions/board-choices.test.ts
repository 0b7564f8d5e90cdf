/**
 * What the 排行 page's filters offer (ranking.scopes, 第十六条): every unit, and the professions and
 * social roles that exist, so nobody types a value that must match exactly; and a board that still
 * reads only its rows and the caller's own row, with the caller's member id to mark their row.
 */
import { ApiHarness } from '../support/api';
import { openidOf, putMember, standardAssociation } from '../support/fixtures';

let h: ApiHarness;
const as = openidOf;

beforeEach(async () => {
  h = new ApiHarness({ now: new Date('2026-11-21T04:00:00Z') });
  standardAssociation(h);
  putMember(h, 'm5', { name: '会员戊', branch: 'b2', tier: 'council', profession: '医生', socialRoles: ['政协委员', '人大代表'] });
  putMember(h, 'm6', { name: '会员己', branch: 'b2', profession: '企业家', socialRoles: ['政协委员'] });
  putMember(h, 'gone', { name: '已退会员', branch: 'b2', profession: '建筑师', socialRoles: ['侨联委员'], status: 'left' });
  h.cloud.store.commit([{ collection: 'branches', id: 'b3', doc: { _id: 'b3', name: '沙洋分会' } }]);
  const { claim } = await h.ok(as('secgen'), 'award.propose', {
    itemId: 'activity.attend.association',
    occurredOn: '2026-11-20',
    recipients: ['m1', 'm2', 'm5'].map((memberId) => ({ memberId })),
    note: '市新联会活动',
  });
  await h.ok(as('president'), 'claim.decide', { claimId: claim._id, decision: 'approve' });
});
afterEach(() => h.close());

it('offers every unit, even one with no members, with its active members', async () => {
  const { units } = await h.ok(as('m1'), 'ranking.scopes', {});
  expect(units.map((u) => [u.name, u.members])).toEqual([
    ['东宝分会', 5],
    ['掇刀分会', 3],
    ['沙洋分会', 0],
  ]);
});

it('offers the professions and social roles active members hold, most held first, without those who left', async () => {
  const { professions, socialRoles } = await h.ok(null, 'ranking.scopes');
  // The fixtures' members are 律师 unless said otherwise.
  expect(professions).toEqual([
    { value: '律师', members: 11 },
    { value: '医生', members: 2 },
    { value: '企业家', members: 1 },
  ]);
  expect(socialRoles).toEqual([
    { value: '政协委员', members: 2 },
    { value: '人大代表', members: 1 },
  ]);
});

it('finds the board of an offered profession exactly', async () => {
  const { professions } = await h.ok(as('m1'), 'ranking.scopes', {});
  const board = await h.ok(as('m5'), 'ranking.get', { period: 'month', scope: { profession: professions[1].value } });
  expect(board.rows.map((r) => r.memberId)).toEqual(['m2', 'm5']);
});

it('refuses a payload it does not take, writing nothing', async () => {
  const before = h.snapshot();
  expect(await h.fails(as('m1'), 'ranking.scopes', { branchId: 'b1' } as never)).toMatchObject({ code: 'INVALID_INPUT' });
  expect(h.snapshot()).toBe(before);
});

it("names the caller's member id with their standing, and reads no more than the rows and the caller's row", async () => {
  h.cloud.db.resetStats();
  const board = await h.ok(as('m5'), 'ranking.get', { period: 'month', limit: 2 });
  expect(board.me).toEqual({ memberId: 'm5', rank: 1, total: 20 });
  expect(board.rows).toHaveLength(2);
  expect(h.cloud.db.stats.examined).toBeLessThanOrEqual(board.rows.length + 1);
});
