/**
 * Dues recorded in error (第五条 职务积分): admin.dues.list shows a member's records; admin.dues.void
 * reverses a record's entries, stops the monthly job for it and frees its months for the right
 * payment. Dues paid before the scheme took effect (2024-01-18, 第二十条) are refused.
 */
import type { ApiResult } from '../../typings/api';
import type { MonthlyResult } from '../../server/cron/monthly';
import { ADMIN_OPENID, ApiHarness } from '../support/api';
import { associationAt } from '../support/fixtures';

let h: ApiHarness;
beforeEach(() => (h = associationAt(new Date('2026-11-21T04:00:00Z'))));
afterEach(() => h.close());

const total = (memberId: string) => (h.cloud.store.dump().tallies ?? []).find((t) => t._id === `${memberId}:all`)?.total ?? 0;
const cron = async (month: string) => (await h.cloud.invoke('cron', { job: 'monthly', month }, { openid: ADMIN_OPENID })) as ApiResult<MonthlyResult>;

it('voids a record entered in error: its entries reversed, the monthly job no longer crediting it, its months free again', async () => {
  const { dues: wrong, entries } = await h.ok(ADMIN_OPENID, 'admin.dues.record', { memberId: 'm1', paidOn: '2026-10-08', years: 1 });
  expect(total('m1')).toBe(100 + 10 + 10);

  const { dues: voided, entries: reversing } = await h.ok(ADMIN_OPENID, 'admin.dues.void', { duesId: wrong._id, reason: '应为理事档，录错会员档' });
  expect(voided).toMatchObject({ _id: wrong._id, voidReason: '应为理事档，录错会员档', voidedAt: '2026-11-21T04:00:00.000Z' });
  expect(reversing.map((e) => [e.reverses, e.points])).toEqual(entries.map((e) => [e._id, -e.points]));
  expect(total('m1')).toBe(0);

  h.setNow(new Date('2026-12-02T04:00:00Z'));
  const december = await cron('2026-12');
  expect(december.ok && december.data.totals).toMatchObject({ processed: 1, entries: 0, skipped: 1 });
  expect(total('m1')).toBe(0);

  const { dues: right } = await h.ok(ADMIN_OPENID, 'admin.dues.record', { memberId: 'm1', paidOn: '2026-10-10', years: 1 });
  expect(right).toMatchObject({ fromMonth: '2026-10', toMonth: '2027-09' });
  expect(right._id).not.toBe(wrong._id);
  expect(total('m1')).toBe(100 + 10 + 10 + 10);

  const { dues } = await h.ok(ADMIN_OPENID, 'admin.dues.list', { memberId: 'm1' });
  expect(dues.map((d) => [d._id, d.paidOn, d.voidedAt ?? null])).toEqual([
    [right._id, '2026-10-10', null],
    [wrong._id, '2026-10-08', '2026-11-21T04:00:00.000Z'],
  ]);
});

it('reverses only what was not reversed already, and refuses voiding twice', async () => {
  const { dues, entries } = await h.ok(ADMIN_OPENID, 'admin.dues.record', { memberId: 'm1', paidOn: '2026-10-08', years: 1 });
  const { claim } = await h.ok(ADMIN_OPENID, 'entry.reverse', { entryId: entries[0]._id, reason: '年度积分录错' });
  await h.ok('o-secgen', 'claim.decide', { claimId: claim._id, decision: 'approve' });

  const { entries: reversing } = await h.ok(ADMIN_OPENID, 'admin.dues.void', { duesId: dues._id, reason: '整笔录错' });
  expect(reversing.map((e) => e.reverses)).toEqual(entries.slice(1).map((e) => e._id));
  expect(total('m1')).toBe(0);
  const again = await h.fails(ADMIN_OPENID, 'admin.dues.void', { duesId: dues._id, reason: '整笔录错' });
  expect(again).toEqual({ code: 'CONFLICT', message: '该会费记录已于 2026-11-21 作废' });
});

it('refuses a payment dated before the scheme took effect', async () => {
  const before = h.snapshot();
  const refused = await h.fails(ADMIN_OPENID, 'admin.dues.record', { memberId: 'm1', paidOn: '2024-01-17', years: 1 });
  expect(refused).toEqual({ code: 'INVALID_INPUT', message: '缴费日期不能早于积分办法施行之日（2024-01-18）' });
  expect(h.snapshot()).toBe(before);
  expect((await h.ok(ADMIN_OPENID, 'admin.dues.record', { memberId: 'm1', paidOn: '2024-01-18', years: 1 })).dues.fromMonth).toBe('2024-01');
});
