/**
 * Nobody sees what is not theirs: only the secretariat sees phones and invite codes; branch leaders
 * see their own branch's members (names, positions, standing), association leaders every branch's.
 */
import type { DirectoryMember } from '../../typings/api';
import { ADMIN_OPENID, ApiHarness } from '../support/api';
import { associationAt, openidOf, putMember } from '../support/fixtures';

let h: ApiHarness;
beforeEach(async () => {
  h = associationAt(new Date('2026-11-21T04:00:00Z'));
  putMember(h, 'gone1', { name: '东宝退会', branch: 'b1', status: 'left' });
  putMember(h, 'gone2', { name: '掇刀退会', branch: 'b2', status: 'left' });
  for (const [memberId, phone] of [['m1', '13800000001'], ['m3', '13800000003'], ['gone2', '13800000009']]) {
    await h.ok(ADMIN_OPENID, 'admin.members.update', { memberId, patch: { phone } });
  }
});
afterEach(() => h.close());

const as = openidOf;
const list = async (openid: string, payload: Record<string, unknown> = {}) => (await h.ok(openid, 'members.list', payload)).members;
const names = (members: DirectoryMember[]) => members.map((m) => m.name).sort();
const secrets = (members: DirectoryMember[]) => members.filter((m) => 'phone' in m || 'inviteCode' in m || 'bound' in m).map((m) => m.name);

it('shows a branch leader their own branch’s members, without phones, and refuses another branch', async () => {
  for (const leader of ['b1head', 'b1lead', 'director']) {
    const members = await list(as(leader));
    expect(names(members)).toEqual(names(members.filter((m) => m.branchId === 'b1')));
    expect(names(members)).toContain('会员甲');
    expect(secrets(members)).toEqual([]);
    expect((await h.fails(as(leader), 'members.list', { branchId: 'b2' })).code).toBe('FORBIDDEN');
    const left = await list(as(leader), { status: 'left' });
    expect(names(left)).toEqual(['东宝退会']);
    expect(secrets(left)).toEqual([]);
  }
});

it('shows association leaders every branch’s members, without phones', async () => {
  for (const leader of ['president', 'vice', 'secgen']) {
    const members = await list(as(leader));
    expect(names(members)).toEqual(expect.arrayContaining(['会员甲', '会员丙', '会员丁']));
    expect(secrets(members)).toEqual([]);
    expect(secrets(await list(as(leader), { status: 'left' }))).toEqual([]);
  }
});

it('shows the secretariat phones, invite codes and bindings', async () => {
  for (const openid of [ADMIN_OPENID, as('clerk')]) {
    const members = await list(openid);
    expect(members.find((m) => m._id === 'm3')).toMatchObject({ phone: '13800000003', inviteCode: expect.any(String), bound: true });
    expect((await list(openid, { status: 'left' })).find((m) => m._id === 'gone2')).toMatchObject({ phone: '13800000009' });
  }
});

it('keeps other members’ phones out of everything a member reads about them', async () => {
  const { claim } = await h.ok(as('b1head'), 'award.propose', { itemId: 'meeting.attend.branch', occurredOn: '2026-11-20', recipients: [{ memberId: 'm1' }], note: '' });
  const text = JSON.stringify([await h.ok(as('president'), 'inbox.list', {}), await h.ok(as('m2'), 'ranking.get', { period: 'month' }), claim]);
  expect(text).not.toContain('13800000001');
  expect((await h.ok(as('m1'), 'me.get', {})).member!.phone).toBe('13800000001');
});
