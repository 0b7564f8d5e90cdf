/**
 * The enterprise demo `SCHEME=enterprise npm start` seeds (seeds/004 第一篇), replayed through the
 * real api at the moments it happened: a coal company's five departments with three months of
 * 固定积分 from attendance, awards and deductions within limits, one beyond a limit waiting for the
 * 总经理, a worker below zero on last month's list and another with his one reprieve.
 */
import type { LedgerEntry } from '../../typings/models';
import { ENTERPRISE_SCHEME } from '../../domain/schemes/enterprise';
import { demoOpenid as as } from '../../scripts/demos';
import { seedEnterprise } from '../../scripts/demos/enterprise';
import { seededDemo, SEEDING_LIMIT_MS, talliesAndLedger } from '../support/demo';

const now = new Date('2026-11-21T04:00:00Z'); // noon on a Saturday in Shanghai
const demo = seededDemo(now, seedEnterprise);

const dump = () => demo.h.cloud.store.dump();
const ledger = () => (dump().ledger ?? []) as unknown as LedgerEntry[];

it('seeds through the api and says who to be', () => {
  console.log(`${demo.summary}\n(seeded in ${Math.round(demo.ms)} ms)`);
  expect(demo.summary).toContain('from 2026-08-02 to 2026-11-21');
  expect(demo.ms).toBeLessThan(SEEDING_LIMIT_MS);
  expect(new Date().toISOString()).toBe(now.toISOString());
});

it('has five departments, 60 to 150 people with every role of the template and their attributes', () => {
  expect(dump().branches.map((b) => b.name).sort()).toEqual(['综采一队', '掘进二队', '机电科', '通风科', '安全科'].sort());
  const members = dump().members as unknown as { roles: string[]; attributes?: Record<string, string>; openid: string | null }[];
  expect(members.length).toBeGreaterThanOrEqual(60);
  expect(members.length).toBeLessThanOrEqual(150);
  for (const { id } of ENTERPRISE_SCHEME.organisation.roles) expect([id, members.some((m) => m.roles.includes(id))]).toEqual([id, true]);
  expect(members.every((m) => Object.keys(m.attributes ?? {}).length === 6 && m.openid !== null)).toBe(true);
});

it('credited fixed points for August, September and October, once per person and month', () => {
  const fixed = ledger().filter((e) => e.itemId === 'fixed.monthly');
  const people = (dump().members ?? []).length;
  for (const month of ['2026-08', '2026-09', '2026-10']) expect(fixed.filter((e) => e._id.endsWith(`:${month}`)).length).toBe(people);
  expect(new Set(fixed.map((e) => e._id)).size).toBe(fixed.length);
  // September's attendance was entered on the 28th and credited by the job on October 1st.
  expect(fixed.find((e) => e._id.endsWith(':2026-09'))!.createdAt.startsWith('2026-09-30T16:10')).toBe(true);
});

it('leaves a 班组长’s 25-point deduction waiting for the 总经理, beyond the 区队长’s 20', async () => {
  const { claims, terms } = await demo.h.ok(as('gm'), 'inbox.list', {});
  // The inbox carries the template's words: a committee's award is the 经理办公会's (三、2).
  expect(terms.words.committee).toBe('经理办公会');
  const waiting = claims.find((c) => c.itemId === 'fault.discipline');
  expect(waiting).toMatchObject({ total: -25, waitingFor: { label: '总经理（超出提出人5分权限，上报）' } });
  expect((await demo.h.ok(as('zc1-manager'), 'inbox.list', {})).claims.map((c) => c.itemId)).toEqual(['merit.suggestion']);
});

it('lists October’s accounts below zero for HR, the one who used his reprieve in September marked', async () => {
  const { rows } = await demo.h.ok(as('clerk'), 'admin.negatives.list', { month: '2026-10' });
  expect(rows.length).toBeGreaterThanOrEqual(1);
  expect(rows.every((r) => r.total <= 0)).toBe(true);
  const september = await demo.h.ok(as('clerk'), 'admin.negatives.list', { month: '2026-09' });
  const reprieved = september.rows.filter((r) => r.reprieve);
  expect(reprieved).toHaveLength(1);
  expect(reprieved[0]).toMatchObject({ branchName: '综采一队', reprieve: { month: '2026-09' } });
  expect(rows.some((r) => r.branchName === '掘进二队' && r.reprieve === null && r.total < -20)).toBe(true);
});

it('ranks each department by month, quarter and year for its 奖金 and 福利', async () => {
  const unit = (dump().branches ?? []).find((b) => b.name === '机电科')!._id;
  for (const [period, key] of [['month', '2026-10'], ['quarter', '2026-Q3'], ['year', '2026']] as const) {
    const { rows } = await demo.h.ok(as('jd-01'), 'ranking.get', { period, key, scope: { branchId: unit }, limit: 100 });
    expect(rows.length).toBe(15);
    expect(rows.every((r) => r.branchName === '机电科')).toBe(true);
  }
});

it('keeps every tally equal to its entries', () => {
  const { tallies, sums } = talliesAndLedger(demo.h, ENTERPRISE_SCHEME.calendar);
  expect(tallies).toEqual(sums);
});
