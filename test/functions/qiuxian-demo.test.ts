/**
 * The qiuxian demo (scripts/demos/qiuxian.ts; seeds/003) as `SCHEME=qiuxian npm start` seeds it: 350
 * members and units (half of the 700) in 14 分会, every ended month published and final, the first half of the year
 * closed with stars by place and 挂牌公示, published and final, reports waiting, tallies equal to the
 * ledger.
 */
import type { LedgerEntry } from '../../typings/models';
import { QIUXIAN_SCHEME } from '../../domain/schemes/qiuxian';
import { demoOpenid } from '../../scripts/demos';
import { seedQiuxian } from '../../scripts/demos/qiuxian';
import { seededDemo, SEEDING_LIMIT_MS, talliesAndLedger } from '../support/demo';

const now = new Date('2026-11-21T04:00:00Z'); // noon on a Saturday in Shanghai
const demo = seededDemo(now, seedQiuxian);

const dump = () => demo.h.cloud.store.dump();
const as = demoOpenid;

it('seeds its 350 members through the api', () => {
  console.log(`${demo.summary}\n(seeded in ${Math.round(demo.ms)} ms)`);
  expect(demo.summary).toContain('from 2026-01-01 to 2026-11-21');
  expect(demo.ms).toBeLessThan(SEEDING_LIMIT_MS);
  expect(new Date().toISOString()).toBe(now.toISOString());
});

it('has 14 分会, the 会长 and 13 副会长, a 分会会长 in each, and units of the three kinds as accounts', () => {
  expect(dump().branches).toHaveLength(14);
  const members = dump().members as unknown as { name: string; roles: string[]; category: string | null; openid: string | null }[];
  expect(members.filter((m) => m.category !== null)).toHaveLength(350);
  const holding = (role: string) => members.filter((m) => m.roles.includes(role)).length;
  expect([holding('president'), holding('vice_president'), holding('secretary_general'), holding('branch_president'), holding('uf_liaison')]).toEqual([1, 13, 1, 14, 1]);
  const kinds = (category: string) => members.filter((m) => m.category === category);
  expect([kinds('unit_president').length, kinds('unit_director').length, kinds('unit_member').length]).toEqual([14, 28, 56]);
  expect(kinds('unit_member').every((m) => m.name.startsWith('邱县'))).toBe(true);
  // Everyone who acts in the demo has bound their WeChat.
  expect(members.filter((m) => m.openid !== null).length).toBeGreaterThan(140);
});

it('published every ended month for 3 working days and made it final (一月一公布)', () => {
  const publications = dump().publications as unknown as { _id: string; state: string }[];
  const months = publications.filter((p) => p._id.startsWith('month:')).map((p) => [p._id, p.state]);
  expect(months).toEqual(Array.from({ length: 10 }, (_, i) => [`month:2026-${String(i + 1).padStart(2, '0')}:root`, 'final']));
});

it('closed the first half with stars by place and 挂牌公示 of the leading units, published and final (半年一评比)', async () => {
  const list = await demo.h.ok(as('clerk'), 'outcome.list', { period: 'half', key: '2026-H1' });
  expect(list.state).toBe('final');
  const rows = [...list.rows];
  for (let cursor = list.cursor; cursor; ) {
    const page = await demo.h.ok(as('clerk'), 'outcome.list', { period: 'half', key: '2026-H1', cursor });
    rows.push(...page.rows);
    cursor = page.cursor;
  }
  expect(rows).toHaveLength(351);
  const stars = (n: number) => rows.filter((r) => r.stars === n).length;
  // 350 on the board: the first 35 places 五星 (ties may add a few), and every band used.
  expect(stars(5)).toBeGreaterThanOrEqual(35);
  expect(stars(5)).toBeLessThan(40);
  for (const n of [4, 3, 2, 1]) expect(stars(n)).toBeGreaterThan(0);
  const plaques = rows.flatMap((r) => r.flags.filter((f) => f.startsWith('挂牌公示')));
  for (const kind of ['会员单位', '理事单位', '会长单位']) expect(plaques.filter((f) => f.includes(kind)).length).toBeGreaterThanOrEqual(3);
});

it('lists the half’s last places for the 会长会 (末尾淘汰)', async () => {
  const { rows } = await demo.h.ok(as('president'), 'bottom.list', { period: 'half', key: '2026-H1' });
  // 5% of 350, rounded up: 18 places, and the ties at the last of them.
  expect(rows.length).toBeGreaterThanOrEqual(18);
  expect(rows[0].rank).toBeGreaterThan(300);
});

it('leaves reports waiting for their 分会 and for final review, and one sent back', async () => {
  const latest = async (key: string) => (await demo.h.ok(as(key), 'claim.mine', {})).claims[0];
  for (const key of ['xinli-05', 'falv-07', 'zhunong-03']) expect(await latest(key)).toMatchObject({ status: 'pending', step: 'endorse' });
  for (const key of ['yiliao-06', 'jiaoyu-04']) expect(await latest(key)).toMatchObject({ status: 'pending', step: 'final' });
  expect((await demo.h.ok(as('xinli-head'), 'inbox.list', {})).claims.some((c) => c.note === '为社区居民开展心理疏导讲座')).toBe(true);
  const rejected = (await demo.h.ok(as('zimeiti-02'), 'claim.mine', {})).claims.find((c) => c.status === 'rejected');
  expect(rejected?.decisions.at(-1)?.reason).toBe('请附上县融媒体刊发链接或截图后重新申报');
});

it('has entries in all seven 板块, boards of 分会 by quarter, and every tally equal to the ledger', async () => {
  const ledger = dump().ledger as unknown as LedgerEntry[];
  const sections = new Set(ledger.map((e) => QIUXIAN_SCHEME.items.find((i) => i.id === e.itemId)?.category));
  expect([...sections].sort()).toEqual(['会长轮值活动', '信息转发', '参加集体活动', '品牌活动', '学习交流', '服务大局', '社会服务'].sort());
  const q3 = await demo.h.ok(as('xinli-05'), 'ranking.get', { period: 'quarter', key: '2026-Q3', by: 'unit' });
  expect(q3.rows).toHaveLength(14);
  expect(q3.rows[0].total).toBeGreaterThan(q3.rows[13].total);

  const { tallies, sums } = talliesAndLedger(demo.h, QIUXIAN_SCHEME.calendar);
  expect(tallies).toEqual(sums);
});
