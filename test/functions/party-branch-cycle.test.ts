/**
 * Three years of 第一党支部 on the party-branch template (seeds/001) through the api: 日常考核 starting
 * full and deducted down to 0 at most (扣完为止), the 动态管理积分 capped at 10 outside the 100 with
 * misconduct against it, 日常 and 评议 weighted 7:3, a quarter closed, signed and published by the
 * 支部书记 for 7 working days with an objection during its 公示, and each year closed into stars,
 * with the 预备党员 at 一星 and three years below 三星 flagged (篇十五).
 */
import { noon, partyOpenid as as, partyWorld } from '../support/party';

const world = partyWorld('2024-01-05', 'party-branch');
const { record } = world;

const standing = async (key: string) => {
  const { standings } = await world.h.ok(as(key), 'home.get', {});
  return standings!.cycle!;
};
const partsOf = async (key: string) => Object.fromEntries((await standing(key)).components!.map((c) => [c.id, c.points]));

/** The 支部书记 closes, signs and publishes a period of 第一党支部, and makes it final once the 公示 has ended. */
async function settle(period: 'quarter' | 'cycle', key: string, closeOn: string, finalOn: string) {
  const target = { period, key, unitId: world.party.unit('第一党支部') } as const;
  world.h.setNow(noon(closeOn));
  await world.h.ok(as('s1'), 'admin.period.close', target);
  await world.h.ok(as('s1'), 'admin.period.publish', target);
  world.h.setNow(noon(finalOn));
  await world.h.ok(as('s1'), 'admin.period.finalize', target);
  return (await world.h.ok(as('s1'), 'outcome.list', { period, key })).rows;
}

describe('2024 of 第一党支部', () => {
  it('starts everyone at the full 日常 of 100 (70 of the score) and stops deductions at 0 (扣完为止)', async () => {
    await record('2024-01-20', 'daily.absent', ['a'], { count: 3 });
    expect(await partsOf('a')).toEqual({ daily: 94, review: 0, bonus: 0 });
    expect((await standing('a')).score).toBe(65.8);
    // 刘党员 misses and signs in for others: 125 deducted, 日常 stops at 0.
    for (const day of ['2024-01-22', '2024-02-19', '2024-03-18', '2024-04-15', '2024-05-20']) await record(day, 'daily.proxy', ['b'], { count: 5 });
    expect(await partsOf('b')).toEqual({ daily: 0, review: 0, bonus: 0 });
    expect((await standing('b')).score).toBe(0);
    const { entries } = await world.h.ok(as('b'), 'ledger.list', {});
    expect(entries.every((e) => e.points === -25 && e.component === 'daily')).toBe(true);
  });

  it('caps 动态管理积分 at 10 outside the 100, and counts misconduct against it', async () => {
    await record('2024-02-05', 'bonus.province', ['a']);
    await record('2024-02-26', 'bonus.rescue', ['a']);
    await record('2024-03-04', 'bonus.city', ['a']);
    expect(await partsOf('a')).toEqual({ daily: 94, review: 0, bonus: 10 });
    expect((await standing('a')).score).toBe(75.8);
    await record('2024-03-11', 'penalty.minor', ['a']);
    // 13 earned counts 10; less 5 for misconduct.
    expect(await partsOf('a')).toEqual({ daily: 94, review: 0, bonus: 5 });
    // Misconduct counts with no bonus earned too: 李支委 has −10 of 动态管理积分.
    await record('2024-03-12', 'penalty.conduct', ['c1']);
    expect(await partsOf('c1')).toEqual({ daily: 100, review: 0, bonus: -10 });
    expect((await standing('c1')).score).toBe(60);
  });

  it('closes Q1 signed by the 支部书记 for 7 working days, with an objection during its 公示 rejected with a reason', async () => {
    const q1 = { period: 'quarter', key: '2024-Q1', unitId: world.party.unit('第一党支部') } as const;
    world.h.setNow(noon('2024-04-01')); // Monday
    expect(await world.h.fails(as('k1'), 'admin.period.close', q1)).toMatchObject({ code: 'FORBIDDEN' });
    await world.h.ok(as('s1'), 'admin.period.close', q1);
    const { publication } = await world.h.ok(as('s1'), 'admin.period.publish', q1);
    // 2, 3 April, 清明 4–6, Sunday 7 (调休, worked), 8, 9, 10, 11: open to the end of 11 April.
    expect(publication).toMatchObject({ state: 'public', signedBy: { name: '王书记' }, publicUntil: '2024-04-11T15:59:59.999Z' });

    world.h.setNow(noon('2024-04-03'));
    const rows = (await world.h.ok(as('b'), 'outcome.list', { period: 'quarter', key: '2024-Q1' })).rows;
    const own = rows.find((r) => r.memberId === world.party.id('b'))!;
    const { claim } = await world.h.ok(as('b'), 'objection.submit', { outcomeId: own.outcomeId, reason: '2月19日的替会记录有误，当天本人在场' });
    // To the 支委会: its 支委委员, the 书记 among them (篇一 三、3: 可向所在党支部反映).
    expect(claim).toMatchObject({ kind: 'objection', waitingFor: { label: '支委委员' } });
    expect([...claim.waitingFor!.memberIds].sort()).toEqual([world.party.id('s1'), world.party.id('c1')].sort());
    world.h.setNow(noon('2024-04-09'));
    await world.h.ok(as('c1'), 'claim.decide', { claimId: claim._id, decision: 'reject', reason: '经核对签到表和现场照片，替会属实' });

    world.h.setNow(noon('2024-04-11'));
    expect(await world.h.fails(as('s1'), 'admin.period.finalize', q1)).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('2024-04-11') });
    world.h.setNow(noon('2024-04-12'));
    expect((await world.h.ok(as('s1'), 'admin.period.finalize', q1)).publication.state).toBe('final');
    const final = await world.h.ok(as('b'), 'outcome.list', { period: 'quarter', key: '2024-Q1' });
    expect(final.state).toBe('final');
    expect(final.rows.find((r) => r.memberId === world.party.id('b'))).toMatchObject({ objection: { state: 'rejected' } });
  });

  it('weighs 日常 84 and 评议 90 at 7:3: 58.8 + 27 = 85.8', async () => {
    await record('2024-06-17', 'daily.proxy', ['p'], { count: 3 });
    await record('2024-06-24', 'daily.leave', ['p'], { count: 1 });
    await record('2024-12-27', 'review.score', ['p'], { count: 90 });
    expect(await partsOf('p')).toEqual({ daily: 84, review: 90, bonus: 0 });
    expect((await standing('p')).score).toBe(85.8);
  });

  it('closes the year into stars by score, 一星 flagged 不合格 with 教育转化 (篇十五)', async () => {
    await record('2024-12-27', 'review.score', ['a'], { count: 95 });
    await record('2024-12-27', 'review.score', ['b'], { count: 40 });
    const rows = await settle('cycle', '2024', '2025-01-02', '2025-01-14');
    const row = (key: string) => rows.find((r) => r.memberId === world.party.id(key))!;
    // 94 × 0.7 + 95 × 0.3 + 5.
    expect(row('a')).toMatchObject({ score: 99.3, stars: 5 });
    expect(row('a').parts!.map((p) => [p.name, p.points, p.max])).toEqual([
      ['日常考核积分', 94, 100],
      ['年度评议积分', 95, 100],
      ['动态管理积分', 5, 10],
    ]);
    expect(row('b')).toMatchObject({ score: 12, stars: 1 });
    expect(row('b').flags).toContain('一星级：定为不合格党员，进行为期6个月的教育转化');
    expect(row('p')).toMatchObject({ score: 85.8, stars: 4, flags: [] });
    // Nothing recorded: the full 日常, no 评议.
    expect(row('k1')).toMatchObject({ score: 70, stars: 3 });
  });
});

describe('2025 and 2026', () => {
  it('flags a 预备党员 at 一星 for the probation', async () => {
    await record('2025-03-17', 'daily.proxy', ['p'], { count: 5 });
    await record('2025-03-24', 'daily.absent', ['p'], { count: 10 });
    await record('2025-06-16', 'daily.proxy', ['b'], { count: 5 });
    const rows = await settle('cycle', '2025', '2026-01-05', '2026-01-15');
    const row = (key: string) => rows.find((r) => r.memberId === world.party.id(key))!;
    // 100 − 45 = 55 of 日常, no 评议: 38.5.
    expect(row('p')).toMatchObject({ score: 38.5, stars: 1 });
    expect(row('p').flags).toEqual(['一星级：定为不合格党员，进行为期6个月的教育转化', '预备党员一星级：按组织程序延长预备期或取消预备党员资格']);
    // Two years below 三星 are not yet three.
    expect(row('b')).toMatchObject({ score: 52.5, stars: 1 });
    expect(row('b').flags.some((f) => f.startsWith('连续三年'))).toBe(false);
  });

  it('flags three years in a row below 三星 once the third is closed, and nobody with a better year between', async () => {
    await record('2026-05-18', 'daily.absent', ['b'], { count: 10 });
    await record('2026-05-18', 'daily.absent', ['p'], { count: 10 });
    const rows = await settle('cycle', '2026', '2027-01-04', '2027-01-14');
    const row = (key: string) => rows.find((r) => r.memberId === world.party.id(key))!;
    expect(row('b')).toMatchObject({ score: 56, stars: 1 });
    expect(row('b').flags).toContain('连续三年低于三星级：换届时原则上不得提名为村党组织领导班子成员候选人');
    // 孙预备 was 四星 in 2024: 2025 and 2026 below 三星 are two years, not three.
    expect(row('p')).toMatchObject({ score: 56, stars: 1 });
    expect(row('p').flags.some((f) => f.startsWith('连续三年'))).toBe(false);
  });
});
