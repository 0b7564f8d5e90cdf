/**
 * Two secretaries importing overlapping sheets at once make each person once: creating a member reads
 * and writes that person's roster key (phone, or name within the branch) in the same transaction, so
 * the later import conflicts, sees the member the other created, and matches its row to it.
 */
import type { ImportRow } from '../../typings/api';
import { ADMIN_OPENID, ApiHarness } from '../support/api';
import { associationAt, openidOf } from '../support/fixtures';

let h: ApiHarness;
beforeEach(() => (h = associationAt(new Date('2026-11-21T04:00:00Z'))));
afterEach(() => h.close());

const people = (from: number, to: number, withPhones = true): ImportRow[] =>
  Array.from({ length: to - from }, (_, k) => {
    const i = from + k;
    return { name: `新会员${i}`, branch: i % 2 === 0 ? '东宝分会' : '沙洋分会', ...(withPhones ? { phone: `1391000${String(i).padStart(4, '0')}` } : {}) };
  });
const imported = () => (h.cloud.store.dump().members ?? []).filter((m) => String(m.name).startsWith('新会员'));

it('creates each person once when two imports of overlapping sheets race', async () => {
  const [a, b] = await Promise.all([
    h.call(ADMIN_OPENID, 'admin.members.import', { rows: people(0, 40) }),
    h.call(openidOf('clerk'), 'admin.members.import', { rows: people(20, 60) }),
  ]);
  expect([a.ok, b.ok]).toEqual([true, true]);
  const members = imported();
  expect(members).toHaveLength(60);
  expect(new Set(members.map((m) => m.phone)).size).toBe(60);
  // Each import answers every person of its sheet, created by it or matched to the other's.
  expect(a.ok && a.data.members).toHaveLength(40);
  expect(b.ok && b.data.members).toHaveLength(40);
  expect(a.ok && b.ok && a.data.created + b.data.created).toBe(60);
});

it('creates each person once when the overlapping rows have no phones', async () => {
  await Promise.all([
    h.ok(ADMIN_OPENID, 'admin.members.import', { rows: people(0, 30, false) }),
    h.ok(openidOf('clerk'), 'admin.members.import', { rows: people(10, 40, false) }),
  ]);
  expect(imported()).toHaveLength(40);
  expect(new Set(imported().map((m) => `${m.branchId}:${m.name}`)).size).toBe(40);
});

it('refuses giving a member a phone another member was just given', async () => {
  const results = await Promise.all([
    h.call(ADMIN_OPENID, 'admin.members.update', { memberId: 'm1', patch: { phone: '13910009999' } }),
    h.call(openidOf('clerk'), 'admin.members.update', { memberId: 'm2', patch: { phone: '13910009999' } }),
  ]);
  expect(results.filter((r) => r.ok)).toHaveLength(1);
  const refused = results.find((r) => !r.ok);
  expect(refused && !refused.ok && refused.error.message).toMatch(/^手机号已被会员“会员(甲|乙)”使用$/);
  expect((h.cloud.store.dump().members ?? []).filter((m) => m.phone === '13910009999')).toHaveLength(1);
});
