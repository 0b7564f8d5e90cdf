/**
 * members.list as the 奖分 page's unit lists use it (第十五条 集体事件: a meeting's attendance taken
 * from a unit's members): a unit's leader is told their directory holds their unit alone, anyone
 * may ask for pages of up to 200, and every page stays one bounded query.
 */
import { ApiHarness } from '../support/api';
import { associationAt, openidOf, putMember } from '../support/fixtures';

let h: ApiHarness;
beforeEach(() => (h = associationAt(new Date('2026-11-21T04:00:00Z'))));
afterEach(() => h.close());

const as = openidOf;

describe('members.list for a unit list', () => {
  it('tells a branch leader that their directory holds their branch alone', async () => {
    const page = await h.ok(as('b1head'), 'members.list', { status: 'active' });
    expect(page.unitId).toBe('b1');
    expect(new Set(page.members.map((m) => m.branchId))).toEqual(new Set(['b1']));
  });

  it('names no unit for an association leader, who may list any branch', async () => {
    const all = await h.ok(as('president'), 'members.list', {});
    expect(all.unitId).toBeUndefined();
    const b2 = await h.ok(as('president'), 'members.list', { branchId: 'b2' });
    expect(b2.members.map((m) => m.name)).toEqual(['会员丙']);
    expect(b2.unitId).toBeUndefined();
  });

  it('answers a 45-person branch in one page of up to 200, and pages beyond it', async () => {
    for (let i = 0; i < 45; i++) putMember(h, `x${String(i).padStart(2, '0')}`, { name: `东宝会员${String(i).padStart(2, '0')}`, branch: 'b1' });
    const whole = await h.ok(as('president'), 'members.list', { branchId: 'b1', limit: 200 });
    expect(whole.members).toHaveLength(45 + 5);
    expect(whole.cursor).toBeNull();

    const first = await h.ok(as('president'), 'members.list', { branchId: 'b1', limit: 30 });
    const rest = await h.ok(as('president'), 'members.list', { branchId: 'b1', limit: 30, cursor: first.cursor! });
    expect([...first.members, ...rest.members].map((m) => m._id)).toEqual(whole.members.map((m) => m._id));
    expect(rest.cursor).toBeNull();
  });

  it('refuses a page over 200 in words', async () => {
    const refused = await h.fails(as('president'), 'members.list', { limit: 201 });
    expect(refused.code).toBe('INVALID_INPUT');
    expect(refused.message).toContain('条数');
  });
});
