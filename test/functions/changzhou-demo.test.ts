/**
 * The changzhou demo `SCHEME=changzhou npm start` seeds (seeds/002), replayed through the real api
 * at the moments it happened: last year closed into scores, warnings and flags, every ended quarter
 * published and final with its objections decided, today's inboxes waiting, tallies equal to the
 * ledger.
 */
import { CHANGZHOU_SCHEME } from '../../domain/schemes/changzhou';
import { demoOpenid } from '../../scripts/demos';
import { seedChangzhou } from '../../scripts/demos/changzhou';
import { seededDemo, SEEDING_LIMIT_MS, talliesAndLedger } from '../support/demo';

const now = new Date('2026-11-21T04:00:00Z'); // noon on a Saturday in Shanghai
const demo = seededDemo(now, seedChangzhou);

const dump = () => demo.h.cloud.store.dump();
const as = demoOpenid;

it('seeds through the api and says who to be', () => {
  console.log(`${demo.summary}\n(seeded in ${Math.round(demo.ms)} ms)`);
  expect(demo.summary).toContain('from 2025-01-04 to 2026-11-21');
  expect(demo.ms).toBeLessThan(SEEDING_LIMIT_MS);
  // The clock is back where it was.
  expect(new Date().toISOString()).toBe(now.toISOString());
});

it('has the 机关党委 and four 支部 with every role of the template, and a probationary member in each', () => {
  expect(dump().branches.map((b) => b.name).sort()).toEqual(['第一党支部', '第二党支部', '第三党支部', '第四党支部'].sort());
  const members = dump().members as unknown as { roles: string[]; category: string; openid: string | null }[];
  expect(members).toHaveLength(63);
  for (const { id } of CHANGZHOU_SCHEME.organisation.roles) expect([id, members.some((m) => m.roles.includes(id))]).toEqual([id, true]);
  expect(members.filter((m) => m.category === 'probationary')).toHaveLength(4);
  expect(members.every((m) => m.openid !== null)).toBe(true);
});

it('closed 2025 into scores of three parts, with yellow and red warnings and the 预备党员 flag (七(二))', async () => {
  const { state, rows, signedBy } = await demo.h.ok(as('b3-secretary'), 'outcome.list', { period: 'cycle', key: '2025' });
  expect({ state, signedBy: signedBy?.name }).toEqual({ state: 'final', signedBy: '程伟' });
  expect(rows).toHaveLength(15);
  const probation = rows.find((r) => r.name === '叶子涵')!;
  expect(probation).toMatchObject({ warning: 'yellow' });
  expect(probation.flags).toContain('预备党员低于70分：支部书记约谈提醒');
  expect(probation.parts!.map((p) => p.name)).toEqual(['基础分', '特色分', '评议分']);
  const all = [];
  for (const slug of ['b1', 'b2', 'b3', 'b4']) all.push(...(await demo.h.ok(as(`${slug}-secretary`), 'outcome.list', { period: 'cycle', key: '2025' })).rows);
  expect(all).toHaveLength(60);
  const warned = Object.fromEntries(all.filter((r) => r.warning).map((r) => [r.name, r.warning]));
  expect(warned).toEqual({ 马晓东: 'yellow', 唐颖: 'red', 叶子涵: 'yellow' });
  // Most members reach the 70 of 基础分 and add 特色分 and 评议分.
  expect(all.filter((r) => r.score >= 80).length).toBeGreaterThan(40);
});

it('published every ended quarter for 5 working days and made it final, with objections upheld and rejected', async () => {
  const publications = dump().publications as unknown as { _id: string; state: string }[];
  expect(publications).toHaveLength(4 * 8); // 2025 Q1–Q4, 2026 Q1–Q3 and the 2025 cycle, for each 支部
  expect(publications.every((p) => p.state === 'final')).toBe(true);
  const q2 = async (who: string, name: string) =>
    (await demo.h.ok(as(who), 'outcome.list', { period: 'quarter', key: '2025-Q2' })).rows.find((r) => r.memberId === dump().members.find((m) => m.name === name)!._id)!;
  expect((await q2('b1-05', '周丽娟')).objection).toMatchObject({ state: 'upheld' });
  expect((await q2('b2-06', '谢婷婷')).objection).toMatchObject({ state: 'rejected' });
});

it('leaves today’s reports with the 记分员, an entry dispute with the 支委会 and an item with the 机关党委', async () => {
  const kinds = async (key: string) => (await demo.h.ok(as(key), 'inbox.list', {})).claims.map((c) => c.kind);
  expect(await kinds('b1-scorekeeper')).toEqual(['self']);
  expect(await kinds('b2-scorekeeper')).toEqual(['self']);
  expect(await kinds('b4-scorekeeper')).toEqual(['self']);
  expect(await kinds('b1-committee')).toEqual(['objection']);
  expect(await kinds('committee1')).toEqual(['item']);
  const rejected = (await demo.h.ok(as('b3-04'), 'claim.mine', {})).claims.find((c) => c.status === 'rejected');
  expect(rejected?.decisions.at(-1)?.reason).toBe('请补充走访对象和走访记录照片后重新申报');
});

it('has live quarter and year boards with scores, and keeps every tally equal to the ledger', async () => {
  const board = await demo.h.ok(as('b1-05'), 'ranking.get', { period: 'cycle', limit: 100 });
  expect(board.key).toBe('2026');
  expect(board.rows.length).toBeGreaterThanOrEqual(55);
  expect(board.rows[0].score).toBeGreaterThanOrEqual(80);
  expect((await demo.h.ok(as('b1-05'), 'ranking.get', { period: 'quarter' })).key).toBe('2026-Q4');

  const { tallies, sums } = talliesAndLedger(demo.h, CHANGZHOU_SCHEME.calendar);
  expect(tallies).toEqual(sums);
});
