/**
 * The village demo `SCHEME=village npm start` seeds (seeds/004 第三篇): 122 households in six 村民小组
 * with their people, the 评定小组 and the 超市管理员, a year and more of records and reports replayed
 * through the real api, every ended quarter published (one with an objection upheld), volunteer
 * hours on the ledger, and today's reports waiting.
 */
import type { LedgerEntry } from '../../typings/models';
import { demoOpenid } from '../../scripts/demos';
import { seedVillage } from '../../scripts/demos/village';
import { seededDemo, SEEDING_LIMIT_MS } from '../support/demo';

const now = new Date('2026-11-21T04:00:00Z');
const demo = seededDemo(now, seedVillage);

const dump = () => demo.h.cloud.store.dump();
const as = demoOpenid;

it('seeds through the api and says who to be', () => {
  console.log(`${demo.summary}\n(seeded in ${Math.round(demo.ms)} ms)`);
  expect(demo.summary).toContain('from 2025-01-04 to 2026-11-21');
  // Well under 30 s alone; the bound leaves room for a machine shared with other work.
  expect(demo.ms).toBeLessThan(SEEDING_LIMIT_MS);
  expect(new Date().toISOString()).toBe(now.toISOString());
});

it('has six 村民小组 of households with one to four people, some not bound, and every role of the template', () => {
  expect(dump().branches.map((b) => b.name).sort()).toEqual(['一组', '二组', '三组', '四组', '五组', '六组'].sort());
  const members = dump().members as unknown as { kind?: string; roles: string[]; holders?: { openid: string | null }[] }[];
  const households = members.filter((m) => m.kind === 'household');
  expect(households).toHaveLength(122);
  expect(households.every((m) => m.holders!.length >= 1 && m.holders!.length <= 4)).toBe(true);
  const people = households.flatMap((m) => m.holders!);
  expect(people.some((p) => p.openid === null)).toBe(true);
  expect(people.filter((p) => p.openid !== null).length).toBeGreaterThan(50);
  for (const role of ['assessment_leader', 'village_cadre', 'group_leader', 'party_rep', 'masses_rep', 'village_committee', 'shop_keeper']) {
    expect([role, members.some((m) => m.roles.includes(role))]).toEqual([role, true]);
  }
});

it('ranks households in the village and in a group, by points that never reset', async () => {
  const all = await demo.h.ok(as('h1-03'), 'ranking.get', { period: 'all', limit: 100 });
  expect(all.rows).toHaveLength(100);
  expect(all.rows.every((r) => r.name.endsWith('户'))).toBe(true);
  // A household's person sees the household's own place.
  const { member: household } = await demo.h.ok(as('h1-03'), 'me.get');
  expect(all.me).toMatchObject({ memberId: household!._id });
  const { member } = await demo.h.ok(as('leader1'), 'me.get');
  const group = await demo.h.ok(as('h1-03'), 'ranking.get', { period: 'year', key: '2025', scope: { branchId: member!.branchId! }, limit: 100 });
  expect(group.rows.length).toBeGreaterThan(15);
  expect(group.rows.every((r) => r.branchName === '一组')).toBe(true);
});

it('published every ended quarter, last year’s second with an objection upheld and one rejected', async () => {
  const q2 = await demo.h.ok(as('secretary'), 'outcome.list', { period: 'quarter', key: '2025-Q2' });
  expect(q2.state).toBe('final');
  expect(q2.rows).toHaveLength(122);
  const states = q2.rows.flatMap((r) => (r.objection ? [r.objection.state] : [])).sort();
  expect(states).toEqual(['rejected', 'upheld']);
  expect((await demo.h.ok(as('secretary'), 'outcome.list', { period: 'quarter', key: '2026-Q3' })).state).toBe('final');
});

it('keeps volunteer hours beside their points, and leaves reports waiting in 村民小组长’s inboxes', async () => {
  const ledger = dump().ledger as unknown as LedgerEntry[];
  const hours = ledger.filter((e) => e.itemId === 'self.volunteer');
  expect(hours.length).toBeGreaterThan(0);
  expect(hours.every((e) => e.hours !== undefined && e.points === e.hours)).toBe(true);
  const waiting = (await demo.h.ok(as('leader1'), 'inbox.list', {})).claims;
  expect(waiting.length).toBeGreaterThan(0);
  expect(waiting[0].createdByName).toMatch(/（.+户）$/);
});
