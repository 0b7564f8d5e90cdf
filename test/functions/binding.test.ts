/**
 * One WeChat account, one member (SPEC §5 me.bind): the check is made inside the transaction on the
 * account's binding record, so the same account sending two invite codes at once binds one of them.
 */
import { ADMIN_OPENID, ApiHarness } from '../support/api';
import { associationAt, putMember } from '../support/fixtures';

let h: ApiHarness;
beforeEach(() => {
  h = associationAt(new Date('2026-11-21T04:00:00Z'));
  putMember(h, 'm5', { name: '会员戊', bound: false });
  putMember(h, 'm6', { name: '会员己', bound: false });
});
afterEach(() => h.close());

const boundTo = (openid: string) => (h.cloud.store.dump().members ?? []).filter((m) => m.openid === openid).map((m) => m._id);

it('binds one member when one account sends two invite codes at once', async () => {
  const results = await Promise.all([
    h.call('o-phone', 'me.bind', { inviteCode: 'INVM5XXX' }),
    h.call('o-phone', 'me.bind', { inviteCode: 'INVM6XXX' }),
  ]);
  expect(results.filter((r) => r.ok)).toHaveLength(1);
  const refused = results.find((r) => !r.ok);
  expect(refused && !refused.ok && refused.error).toEqual({ code: 'CONFLICT', message: expect.stringMatching(/^您的微信已绑定会员“会员(戊|己)”，如需更换请联系秘书处$/) });
  expect(boundTo('o-phone')).toHaveLength(1);
});

it('lets the account bind again after the secretariat resets its binding', async () => {
  await h.ok('o-phone', 'me.bind', { inviteCode: 'INVM5XXX' });
  expect((await h.fails('o-phone', 'me.bind', { inviteCode: 'INVM6XXX' })).code).toBe('CONFLICT');
  await h.ok(ADMIN_OPENID, 'admin.members.update', { memberId: 'm5', patch: { resetBinding: true } });
  await h.ok('o-phone', 'me.bind', { inviteCode: 'INVM6XXX' });
  expect(boundTo('o-phone')).toEqual(['m6']);
});
