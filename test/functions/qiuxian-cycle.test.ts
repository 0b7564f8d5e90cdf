/**
 * A half-year of 邱县新联会 (seeds/003) through the api: a month closed, published for 3 working days
 * and made final (一月一公布); 分会 against each other on the quarter's and the half's boards
 * (一季一比拼); the half closed with stars by place and 挂牌公示 of the leading units (半年一评比); 末尾淘汰's
 * list with ties and the earlier half; no upper limit; and the refusals.
 */
import type { ImportRow } from '../../typings/api';
import { ADMIN_OPENID, ApiHarness } from '../support/api';

const noon = (date: string): Date => new Date(`${date}T12:00:00+08:00`);
const as = (key: string): string => `q-${key}`;
const B1 = '医疗保障分会';
const B2 = '心理咨询分会';

/** key, name, 分会, roles, category. */
const PEOPLE: [string, string, string | null, string[], string?][] = [
  ['pres', '李会长', null, ['president']],
  ['vp1', '王副会长', null, ['vice_president']],
  ['secgen', '赵秘书长', null, ['secretary_general']],
  ['liaison', '统战部刘科长', null, ['uf_liaison']],
  ['bp1', '孙医生', B1, ['branch_president']],
  ['m1', '周企业家', B1, []],
  ['m2', '吴护士', B1, []],
  ['m3', '郑药师', B1, []],
  ['u1', '邱县康宁医药有限公司', B1, [], 'unit_member'],
  ['d1', '邱县仁和医院', B1, [], 'unit_director'],
  ['bp2', '冯咨询师', B2, ['branch_president']],
  ['m4', '陈老师', B2, []],
  ['m5', '褚社工', B2, []],
  ['m6', '卫律师', B2, []],
  ['u2', '邱县心语心理咨询中心', B2, [], 'unit_member'],
  ['u3', '邱县阳光家庭服务社', B2, [], 'unit_member'],
  ['u4', '邱县青禾教育咨询有限公司', B2, [], 'unit_member'],
  ['d2', '邱县安康心理医院', B2, [], 'unit_director'],
  ['p1', '邱县宏达实业集团', B2, [], 'unit_president'],
];

let h: ApiHarness;
const ids = new Map<string, string>();
const id = (key: string) => ids.get(key)!;

beforeAll(async () => {
  h = new ApiHarness({ now: noon('2025-12-15') });
  await h.ok(ADMIN_OPENID, 'admin.scheme.adopt', { template: 'qiuxian' });
  const rows: ImportRow[] = PEOPLE.map(([, name, branch, roles, category], i) => ({
    name,
    phone: `1393100${String(1000 + i)}`,
    ...(branch ? { branch } : {}),
    roles,
    ...(category ? { category } : {}),
  }));
  const imported = await h.ok(ADMIN_OPENID, 'admin.members.import', { rows });
  expect(imported.errors).toEqual([]);
  for (const [i, [key]] of PEOPLE.entries()) {
    ids.set(key, imported.members[i].memberId);
    await h.ok(as(key), 'me.bind', { inviteCode: imported.members[i].inviteCode });
  }
}, 60_000);
afterAll(() => h.close());

const keyOf = (memberId: string) => [...ids].find(([, v]) => v === memberId)![0];

/**
 * The 秘书长 records an item for these people on a day; the 会长 gives final review (two persons),
 * and the 统战部 liaison for the 会长's own line.
 */
async function award(day: string, itemId: string, keys: string[], extra: { count?: number } = {}, recordedOn = day) {
  h.setNow(noon(recordedOn));
  const recipients = keys.map((k) => ({ memberId: id(k) }));
  const { claims } = await h.ok(as('secgen'), 'award.propose', { itemId, occurredOn: day, recipients, note: '', ...extra });
  for (const claim of claims) {
    const [reviewer] = claim.waitingFor!.memberIds;
    expect(keyOf(reviewer)).toBe(claim.lines.some((l) => l.memberId === id('pres')) ? 'liaison' : 'pres');
    await h.ok(as(keyOf(reviewer)), 'claim.decide', { claimId: claim._id, decision: 'approve' });
  }
}

const rowsOf = async (period: 'month' | 'half', key: string) => Object.fromEntries((await h.ok(ADMIN_OPENID, 'outcome.list', { period, key })).rows.map((r) => [r.name, r]));
const nameOf = (key: string) => PEOPLE.find(([k]) => k === key)![1];

describe('邱县新联会, the second half of 2025 and the first of 2026', () => {
  it('closes 2025’s second half with its December activity', async () => {
    await award('2025-12-20', 'event.association', ['m1', 'm3', 'm5', 'm6']);
    h.setNow(noon('2026-01-05'));
    expect(await h.ok(as('secgen'), 'admin.period.close', { period: 'half', key: '2025-H2' })).toMatchObject({ done: true, publication: { state: 'draft', drafted: PEOPLE.length } });
  });

  it('routes a member’s self-report to their 分会会长, then to the 秘书长', async () => {
    h.setNow(noon('2026-01-08'));
    const { claim } = await h.ok(as('m2'), 'claim.submit', { itemId: 'study.monthly', occurredOn: '2026-01-07', note: '参加一月交流研讨' });
    expect(claim.waitingFor?.memberIds).toEqual([id('bp1')]);
    const endorsed = (await h.ok(as('bp1'), 'claim.decide', { claimId: claim._id, decision: 'approve' })).claim;
    expect(endorsed.waitingFor?.memberIds).toEqual([id('secgen')]);
    await h.ok(as('secgen'), 'claim.decide', { claimId: claim._id, decision: 'reject', reason: '已由分会统一记录' });
  });

  it('publishes January for 3 working days and makes it final (一月一公布)', async () => {
    await award('2026-01-10', 'event.association', ['pres', 'vp1', 'bp1', 'bp2', 'm1', 'm2', 'm4', 'u1', 'u2', 'u3', 'd1', 'd2']);
    await award('2026-01-15', 'event.branch', ['bp1', 'm1', 'm2', 'u1', 'd1']);
    await award('2026-01-20', 'media.forward', ['m1'], { count: 100 });
    h.setNow(noon('2026-01-31'));
    expect(await h.fails(as('secgen'), 'admin.period.close', { period: 'month', key: '2026-01' })).toMatchObject({ code: 'CONFLICT', message: '2026-01 月尚未结束，结束后才能考评' });
    h.setNow(noon('2026-02-02'));
    const month = { period: 'month', key: '2026-01' } as const;
    expect(await h.fails(as('bp1'), 'admin.period.close', month)).toMatchObject({ code: 'FORBIDDEN' });
    await h.ok(as('secgen'), 'admin.period.close', month);
    const published = await h.ok(as('secgen'), 'admin.period.publish', month);
    expect(published.publication).toMatchObject({ state: 'public', signedBy: { name: '赵秘书长' }, publicUntil: '2026-02-05T15:59:59.999Z' });
    const rows = await rowsOf('month', '2026-01');
    expect(rows[nameOf('m1')]).toMatchObject({ total: 115, stars: null, flags: [] });
    expect(rows[nameOf('m3')]).toMatchObject({ total: 0 });
    expect(await h.fails(as('secgen'), 'admin.period.finalize', month)).toMatchObject({ code: 'CONFLICT', message: '公示期至 2026-02-05 结束，期满后才能确定' });
    h.setNow(noon('2026-02-06'));
    expect((await h.ok(as('secgen'), 'admin.period.finalize', month)).publication.state).toBe('final');
  });

  it('refuses to close a quarter: quarters are a competition of 分会, not a 公示', async () => {
    expect(await h.fails(as('secgen'), 'admin.period.close', { period: 'quarter', key: '2025-Q4' })).toMatchObject({
      code: 'INVALID_INPUT',
      message: '本方案按月、半年、考核周期考评和公示，不按季度',
    });
  });

  it('ranks the 分会 against each other on the quarter’s and the half’s boards (一季一比拼)', async () => {
    await award('2026-02-10', 'brand.lead', ['u2', 'd2']);
    await award('2026-03-05', 'service.volunteer', ['u3', 'm4', 'u1']);
    await award('2026-03-10', 'media.forward', ['m1'], { count: 100 });
    await award('2026-03-20', 'rota.lead', ['vp1']);
    const q1 = await h.ok(as('m4'), 'ranking.get', { period: 'quarter', key: '2026-Q1', by: 'unit' });
    expect(q1.rows.map((r) => [r.name, r.total, r.rank])).toEqual([
      [B1, 283, 1],
      [B2, 106, 2],
    ]);
    await award('2026-04-10', 'media.forward', ['m3', 'm5', 'u4', 'p1'], { count: 3 });
    await award('2026-05-10', 'media.forward', ['m1'], { count: 100 });
    h.setNow(noon('2026-06-30'));
    const half = await h.ok(as('m4'), 'ranking.get', { period: 'half', key: '2026-H1', by: 'unit' });
    expect(half.rows.map((r) => [r.name, r.total, 'members' in r ? r.members : null])).toEqual([
      [B1, 386, 6],
      [B2, 115, 9],
    ]);
  });

  it('counts every point of a member far above the rest: no upper limit (积分+)', async () => {
    const board = await h.ok(as('m4'), 'ranking.get', { period: 'half', key: '2026-H1' });
    expect(board.rows[0]).toMatchObject({ name: nameOf('m1'), total: 315, rank: 1 });
    expect(board.rows[1].total).toBe(30);
  });

  it('closes the half with stars by place and 挂牌公示 of the first units of each kind (半年一评比)', async () => {
    h.setNow(noon('2026-07-01'));
    const half = { period: 'half', key: '2026-H1' } as const;
    await h.ok(as('secgen'), 'admin.period.close', half);
    await h.ok(as('secgen'), 'admin.period.publish', half);
    const rows = await rowsOf('half', '2026-H1');
    const stars = (...keys: string[]) => keys.map((k) => rows[nameOf(k)].stars);
    // 18 members on the board (the 统战部 liaison is not one): 五星 to place 2, 四星 to 6, 三星 to 11, 二星 to 17.
    expect(stars('m1', 'vp1', 'u2', 'd2')).toEqual([5, 5, 5, 5]);
    expect(stars('u1', 'm4', 'u3')).toEqual([4, 4, 4]);
    expect(stars('bp1', 'm2', 'd1', 'pres', 'bp2')).toEqual([3, 3, 3, 3, 3]);
    expect(stars('m3', 'm5', 'u4', 'p1')).toEqual([2, 2, 2, 2]);
    // Nothing earned in the half: 一星 wherever the place falls.
    expect(stars('secgen', 'm6')).toEqual([1, 1]);
    expect(rows[nameOf('liaison')]).toMatchObject({ stars: null, flags: [] });
    expect(rows[nameOf('u2')]).toMatchObject({ rank: 2, flags: ['挂牌公示：会员单位第1名'] });
    expect(rows[nameOf('u1')].flags).toEqual(['挂牌公示：会员单位第2名']);
    expect(rows[nameOf('u3')].flags).toEqual(['挂牌公示：会员单位第3名']);
    expect(rows[nameOf('u4')].flags).toEqual([]);
    expect(rows[nameOf('d2')].flags).toEqual(['挂牌公示：理事单位第1名']);
    expect(rows[nameOf('d1')].flags).toEqual(['挂牌公示：理事单位第2名']);
    expect(rows[nameOf('p1')].flags).toEqual(['挂牌公示：会长单位第1名']);
    expect(rows[nameOf('m1')].flags).toEqual([]);
    // Closing again changes nothing.
    const before = h.snapshot();
    await h.ok(as('secgen'), 'admin.period.close', half);
    expect(h.snapshot()).toBe(before);
  });

  it('lists the last places for the 会长会 with ties and their earlier half (末尾淘汰)', async () => {
    const list = await h.ok(as('vp1'), 'bottom.list', { period: 'half', key: '2026-H1' });
    // 5% of 18 is 1, at least 5: the fifth-lowest is at 3 points, and all four at 3 share place 13.
    expect(list.rows.map((r) => [r.name, r.total, r.rank])).toEqual([
      [nameOf('m6'), 0, 17],
      [nameOf('secgen'), 0, 17],
      [nameOf('m5'), 3, 13],
      [nameOf('p1'), 3, 13],
      [nameOf('u4'), 3, 13],
      [nameOf('m3'), 3, 13],
    ]);
    const byName = Object.fromEntries(list.rows.map((r) => [r.name, r]));
    // 2025-H2 is closed: its December activity; 2025-H1 and 2024-H2 were never closed.
    expect(byName[nameOf('m6')].history).toEqual([{ key: '2025-H2', total: 10, rank: 1 }]);
    expect(byName[nameOf('secgen')].history).toEqual([{ key: '2025-H2', total: 0, rank: 5 }]);
    expect(byName[nameOf('u4')]).toMatchObject({ category: 'unit_member', branchName: B2 });
  });

  it('refuses the list to members and 分会 heads, and for a period not closed', async () => {
    expect(await h.fails(as('m1'), 'bottom.list', { period: 'half', key: '2026-H1' })).toMatchObject({
      code: 'FORBIDDEN',
      message: '末尾淘汰名单只有秘书处和会长会成员可以查看',
    });
    expect((await h.fails(as('bp1'), 'bottom.list', { period: 'half', key: '2026-H1' })).code).toBe('FORBIDDEN');
    expect(await h.fails(ADMIN_OPENID, 'bottom.list', { period: 'month', key: '2026-05' })).toMatchObject({
      code: 'CONFLICT',
      message: '2026-05 月尚未考评结束，考评后才能列出末尾名单',
    });
    expect((await h.fails(ADMIN_OPENID, 'bottom.list', { period: 'half', key: '2026-H3' })).code).toBe('INVALID_INPUT');
    expect((await h.ok(as('liaison'), 'bottom.list', { period: 'month', key: '2026-01' })).rows.length).toBeGreaterThanOrEqual(5);
  });

  it('places a row an upheld objection drafts again at finalize, and moves the others it passes', async () => {
    h.setNow(noon('2026-07-02'));
    const row = (await rowsOf('half', '2026-H1'))[nameOf('u4')];
    const { claim } = await h.ok(as('u4'), 'objection.submit', { outcomeId: row.outcomeId, reason: '4月20日转发公众号信息30条未记' });
    expect(claim.waitingFor?.memberIds).toEqual([id('secgen')]);
    await award('2026-04-20', 'media.forward', ['u4'], { count: 30 }, '2026-07-02');
    await h.ok(as('secgen'), 'claim.decide', { claimId: claim._id, decision: 'approve' });
    h.setNow(noon('2026-07-07'));
    await h.ok(as('secgen'), 'admin.period.finalize', { period: 'half', key: '2026-H1' });
    const rows = await rowsOf('half', '2026-H1');
    expect(rows[nameOf('u4')]).toMatchObject({ total: 33, rank: 2, stars: 5, flags: ['挂牌公示：会员单位第1名'], objection: { state: 'upheld' } });
    expect(rows[nameOf('u2')]).toMatchObject({ rank: 3, stars: 4, flags: ['挂牌公示：会员单位第2名'] });
    expect(rows[nameOf('u1')].flags).toEqual(['挂牌公示：会员单位第3名']);
    expect(rows[nameOf('u3')].flags).toEqual([]);
  });
});
