/**
 * The party-branch demo `SCHEME=party-branch npm start` seeds (seeds/001), replayed through the real
 * api at the moments it happened: last year closed, published and final for each 支部 with its 日常,
 * 评议 and 动态管理积分, stars and flags, 街道机关党支部's 优秀 line in a tie; every ended quarter final;
 * today's inboxes waiting; tallies equal to the ledger.
 */
import type { OutcomeView } from '../../typings/api';
import { PARTY_BRANCH_SCHEME } from '../../domain/schemes/party-branch';
import { demoOpenid } from '../../scripts/demos';
import { seedPartyBranch } from '../../scripts/demos/party-branch';
import { seededDemo, SEEDING_LIMIT_MS, talliesAndLedger } from '../support/demo';

const now = new Date('2026-11-21T04:00:00Z'); // noon on a Saturday in Shanghai
const demo = seededDemo(now, seedPartyBranch);

const dump = () => demo.h.cloud.store.dump();
const as = demoOpenid;
const lastYear = async (who: string) => (await demo.h.ok(as(who), 'outcome.list', { period: 'cycle', key: '2025' })).rows;

it('seeds through the api and says who to be', () => {
  // About 11 s on a quiet machine (npm start's own figure), 14–18 s with other work on the cores.
  console.log(`${demo.summary}\n(seeded in ${Math.round(demo.ms)} ms)`);
  expect(demo.summary).toContain('from 2025-01-04 to 2026-11-21');
  expect(demo.ms).toBeLessThan(SEEDING_LIMIT_MS);
  expect(new Date().toISOString()).toBe(now.toISOString());
});

it('has the 党委 and four 支部 of 10 to 18 党员 with every role of the template and a few 预备党员', () => {
  const branches = dump().branches as unknown as { _id: string; name: string }[];
  expect(branches.map((b) => b.name).sort()).toEqual(['街道机关党支部', '幸福里社区党支部', '城南实验小学党支部', '非公企业联合党支部'].sort());
  const members = dump().members as unknown as { roles: string[]; category: string; openid: string | null; branchId: string | null }[];
  expect(members).toHaveLength(57);
  for (const b of branches) expect(members.filter((m) => m.branchId === b._id).length).toBeGreaterThanOrEqual(10);
  for (const { id } of PARTY_BRANCH_SCHEME.organisation.roles) expect([id, members.some((m) => m.roles.includes(id))]).toEqual([id, true]);
  expect(members.filter((m) => m.category === 'probationary')).toHaveLength(5);
  expect(members.every((m) => m.openid !== null)).toBe(true);
});

it('closed, published and made final 2025 for each 支部, with the three parts, stars and flags', async () => {
  const all: OutcomeView[] = [];
  for (const slug of ['b1', 'b2', 'b3', 'b4']) {
    const list = await demo.h.ok(as(`${slug}-secretary`), 'outcome.list', { period: 'cycle', key: '2025' });
    expect(list.state).toBe('final');
    all.push(...list.rows);
  }
  expect(all).toHaveLength(54);
  const row = (name: string) => all.find((r) => r.name === name)!;
  expect(row('李明辉').parts!.map((p) => [p.name, p.points])).toEqual([
    ['日常考核积分', 100],
    ['年度评议积分', 98],
    ['动态管理积分', 0],
  ]);
  // 萧长林: 日常 stops at 0 (扣完为止); 评议 45 → 13.5, 一星.
  expect(row('萧长林')).toMatchObject({ score: 13.5, stars: 1 });
  expect(row('萧长林').parts![0].points).toBe(0);
  // 高秀珍's distinctions came to 12; 动态管理积分 counts 10.
  expect(row('高秀珍').parts![2]).toMatchObject({ points: 10, max: 10 });
  // 丁磊's misconduct counts against the score (−5).
  expect(row('丁磊').parts![2].points).toBe(-5);
  // The 预备党员 at 一星 is flagged (篇十五).
  expect(row('江一帆').stars).toBe(1);
  expect(row('江一帆').flags).toContain('预备党员一星级：按组织程序延长预备期或取消预备党员资格');
  const stars = new Set(all.map((r) => r.stars));
  expect([...stars].sort()).toEqual([1, 2, 3, 4, 5]);
});

it('puts 街道机关党支部’s 优秀 line in a tie: two places, the second shared on score by 赵丽萍 and 孙国栋', async () => {
  const rows = [...(await lastYear('b1-secretary'))].sort((a, b) => b.score - a.score);
  expect(rows).toHaveLength(14);
  expect(rows[0]).toMatchObject({ name: '李明辉', score: 99.4 });
  expect(rows.slice(1, 3).map((r) => r.score)).toEqual([94.2, 94.2]);
  expect(rows.slice(1, 3).map((r) => r.name).sort()).toEqual(['孙国栋', '赵丽萍'].sort());
  expect(rows[3].score).toBeLessThan(94.2);
  // The tie is broken by 日常 (G3): 赵丽萍 96 takes the second place, 孙国栋 93 is 合格 beyond the quota.
  const row = (name: string) => rows.find((r) => r.name === name)!;
  expect(row('赵丽萍').parts![0].points).toBe(96);
  expect(row('孙国栋').parts![0].points).toBe(93);
  expect([row('李明辉').gradeName, row('赵丽萍').gradeName, row('孙国栋').gradeName]).toEqual(['优秀', '优秀', '合格']);
  expect(row('孙国栋').flags).toContain('达到90分，超出优秀名额（2名）');
  const { quota } = await demo.h.ok(as('b1-secretary'), 'outcome.list', { period: 'cycle', key: '2025' });
  expect(quota).toMatchObject({ name: '优秀', places: 2, members: 14 });
});

it('published every ended quarter for 7 working days and made it final, with an objection rejected with its reason', async () => {
  const publications = dump().publications as unknown as { state: string }[];
  expect(publications).toHaveLength(4 * 8); // 2025 Q1–Q4, 2026 Q1–Q3 and the 2025 cycle, for each 支部
  expect(publications.every((p) => p.state === 'final')).toBe(true);
  const row = (await lastYear('b4-03')).find((r) => r.name === '傅强')!;
  expect(row.objection).toMatchObject({ state: 'rejected' });
});

it('leaves reports with the 记分员 and a disputed deduction with the 支委会', async () => {
  const kinds = async (key: string) => (await demo.h.ok(as(key), 'inbox.list', {})).claims.map((c) => c.kind);
  expect(await kinds('b1-scorekeeper')).toEqual(['self']);
  expect(await kinds('b2-scorekeeper')).toEqual(['self']);
  expect(await kinds('b3-scorekeeper')).toEqual(['self']);
  expect(await kinds('b2-committee')).toEqual(['objection']);
  const rejected = (await demo.h.ok(as('b4-03'), 'claim.mine', {})).claims.find((c) => c.status === 'rejected' && c.kind === 'self');
  expect(rejected?.decisions.at(-1)?.reason).toBe('所附证书为企业内部表彰，不属于县（区）级表彰');
});

it('has this year’s 一票否决 of 萧长林 in force, with its condition and reason (篇二十一)', async () => {
  const { vetoes } = await demo.h.ok(as('b2-secretary'), 'veto.list', { key: '2026' });
  expect(vetoes).toHaveLength(1);
  expect(vetoes[0]).toMatchObject({ memberName: '萧长林', condition: 'unpaid_six_months', effect: 'zero', proposedBy: { name: '朱玉兰' }, decidedBy: { name: '马桂英' } });
  expect(vetoes[0].reason).toContain('连续6个月未交纳党费');
});

it('has a live year board by score, and keeps every tally equal to the ledger', async () => {
  const board = await demo.h.ok(as('b1-04'), 'ranking.get', { period: 'cycle', limit: 100 });
  expect(board.key).toBe('2026');
  expect(board.rows.length).toBeGreaterThanOrEqual(20);
  expect((await demo.h.ok(as('b1-04'), 'ranking.get', { period: 'quarter' })).key).toBe('2026-Q4');

  const { tallies, sums } = talliesAndLedger(demo.h, PARTY_BRANCH_SCHEME.calendar);
  expect(tallies).toEqual(sums);
});
