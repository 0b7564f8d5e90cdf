/**
 * A unit exports its own sheets (docs/rules.md F2): a 支部书记 their 支部's 考核表 and 评定结果, a
 * 荆门 分会会长 their 分会's board, holding that unit's people only; anything wider stays the
 * secretariat's, and the file is its maker's (F1).
 */
import { ADMIN_OPENID, ApiHarness } from '../support/api';
import { approveSelfReport, associationAt, openidOf } from '../support/fixtures';
import { noon, PARTY, partyOpenid as as, partyWorld } from '../support/party';
import { storedSheets } from '../support/workbook';

const world = partyWorld('2026-01-05', 'party-branch');
const { record } = world;

const FIRST = PARTY.filter((p) => p.branch === '第一党支部').map((p) => p.name);
const SECOND = PARTY.filter((p) => p.branch === '第二党支部').map((p) => p.name);
const sheets = (fileID: string) => storedSheets(world.h, fileID);
const own = () => ({ branchId: world.party.unit('第一党支部') });
/** The names in a sheet's column, header row left out. */
const namesIn = (rows: unknown[][], column: number) => new Set(rows.slice(1).map((r) => String(r[column])));

describe('a 支部书记 exporting their 支部 (party-branch)', () => {
  it('exports the quarter’s 考核表 of their own 支部, with their 党员 only', async () => {
    await record('2026-02-26', 'daily.absent', ['a'], { count: 1 });
    await record('2026-03-10', 'bonus.province', ['b']);
    await world.h.ok(as('k2'), 'award.propose', { itemId: 'bonus.province', occurredOn: '2026-03-10', recipients: [{ memberId: world.party.id('d') }], note: '' });
    world.h.setNow(noon('2026-04-02'));

    const { fileID } = await world.h.ok(as('s1'), 'admin.export', { period: 'quarter', key: '2026-Q1', scope: own() });
    const book = await sheets(fileID);

    expect([...book.keys()]).toEqual(['排行榜', '积分明细', '考核表-第一党支部']);
    const ranked = namesIn(book.get('排行榜')!, 1);
    expect(ranked).toContain('陈党员');
    expect([...ranked].every((name) => FIRST.includes(name))).toBe(true);
    expect([...namesIn(book.get('积分明细')!, 1)]).toEqual(expect.arrayContaining(['陈党员', '刘党员']));
    expect([...namesIn(book.get('积分明细')!, 1)].some((name) => SECOND.includes(name))).toBe(false);
    const assessed = book.get('考核表-第一党支部')![2].slice(3, -1) as string[];
    expect(assessed.length).toBeGreaterThan(0);
    expect(assessed.every((name) => FIRST.includes(name))).toBe(true);
  });

  it('gives the same 支部书记 the same file that day, and the secretariat a file of its own', async () => {
    const payload = { period: 'quarter', key: '2026-Q1', scope: own() } as const;
    const first = await world.h.ok(as('s1'), 'admin.export', payload);
    const again = await world.h.ok(as('s1'), 'admin.export', payload);
    const secretariat = await world.h.ok(ADMIN_OPENID, 'admin.export', payload);

    expect(again.fileID).toBe(first.fileID);
    expect(secretariat.fileID).not.toBe(first.fileID);
    expect(world.h.cloud.storage.exists(first.fileID)).toBe(true);
    expect(world.h.cloud.storage.exists(secretariat.fileID)).toBe(true);
  });

  it('lets the 支部’s 记分员, who keeps its record, export it too, but not a 支委委员', async () => {
    await world.h.ok(as('k1'), 'admin.export', { period: 'quarter', key: '2026-Q1', scope: own() });
    const refused = await world.h.fails(as('c1'), 'admin.export', { period: 'quarter', key: '2026-Q1', scope: own() });
    expect(refused).toEqual({ code: 'FORBIDDEN', message: '只有秘书处和支部负责人可以导出积分表' });
  });

  it.each([
    ['another 支部', () => ({ branchId: world.party.unit('第二党支部') })],
    ['the whole 党委', () => undefined],
    ['a category across their 支部', () => ({ ...own(), category: 'probationary' })],
  ])('refuses %s, saying what they may export, and writes nothing', async (_label, scope) => {
    const before = world.h.snapshot();
    const refused = await world.h.fails(as('s1'), 'admin.export', { period: 'quarter', key: '2026-Q1', scope: scope() });
    expect(refused.code).toBe('FORBIDDEN');
    expect(refused.message).toBe('您只能导出本支部（第一党支部）的积分表，范围请选本支部；其他范围的积分表请向秘书处索取');
    expect(world.h.snapshot()).toBe(before);
  });

  it('refuses a 机关党委委员, whose role is held at the root: the 党委’s sheets are the secretariat’s', async () => {
    expect((await world.h.fails(as('committee'), 'admin.export', { period: 'quarter', key: '2026-Q1' })).code).toBe('FORBIDDEN');
  });

  it('exports a closed year’s 评定结果 of their 支部 alone, as the year’s rows say', async () => {
    world.h.setNow(noon('2027-01-04'));
    for (const [secretary, unit] of [['s1', '第一党支部'], ['s2', '第二党支部']] as const) {
      await world.h.ok(as(secretary), 'admin.period.close', { period: 'cycle', key: '2026', unitId: world.party.unit(unit) });
    }

    const { fileID } = await world.h.ok(as('s1'), 'admin.export', { period: 'cycle', key: '2026', scope: own() });
    const book = await sheets(fileID);

    expect([...book.keys()].filter((n) => n.startsWith('评定结果-'))).toEqual(['评定结果-第一党支部']);
    const rows = book.get('评定结果-第一党支部')!;
    expect(rows[0][0]).toBe('第一党支部2026年度党员积分评定结果');
    const listed = rows.slice(3).map((r) => String(r[1]));
    const outcome = (await world.h.ok(as('s1'), 'outcome.list', { period: 'cycle', key: '2026' })).rows;
    expect(listed.sort()).toEqual(outcome.map((r) => r.name).sort());
    expect(listed.every((name) => FIRST.includes(name))).toBe(true);
    expect([...namesIn(book.get('排行榜')!, 1)].every((name) => FIRST.includes(name))).toBe(true);
  });

  it('leaves the secretariat’s export of the whole 党委 as it was: every 支部', async () => {
    const { fileID } = await world.h.ok(ADMIN_OPENID, 'admin.export', { period: 'cycle', key: '2026' });
    const book = await sheets(fileID);
    expect([...book.keys()].filter((n) => n.startsWith('评定结果-')).sort()).toEqual(['评定结果-第一党支部', '评定结果-第二党支部'].sort());
  });
});

describe('a 分会会长 exporting their 分会 (荆门)', () => {
  let h: ApiHarness;
  beforeEach(async () => {
    h = associationAt(new Date('2026-11-21T04:00:00Z'));
    await h.ok(openidOf('clerk'), 'admin.dues.record', { memberId: 'm3', paidOn: '2026-10-20', years: 1 });
    const { claim } = await h.ok(openidOf('m1'), 'claim.submit', { itemId: 'deed.unquantified', occurredOn: '2026-11-20', points: 4, note: '助老志愿服务' });
    await approveSelfReport(h, claim._id);
  });
  afterEach(() => h.close());

  it('exports the month board of their own 分会, with its members only', async () => {
    const { fileID } = await h.ok(openidOf('b1head'), 'admin.export', { period: 'month', scope: { branchId: 'b1' } });
    const book = await storedSheets(h, fileID);
    const ranked = [...namesIn(book.get('排行榜')!, 1)];
    expect(ranked).toContain('会员甲');
    expect(ranked).not.toContain('会员丙');
    expect(book.get('排行榜')!.slice(1).every((r) => r[2] === '东宝分会')).toBe(true);
  });

  it('refuses another 分会 and the whole association, and a 分会领导班子成员 altogether', async () => {
    const head = openidOf('b1head');
    const before = h.snapshot();
    expect((await h.fails(head, 'admin.export', { period: 'month', scope: { branchId: 'b2' } })).message).toBe(
      '您只能导出本分会（东宝分会）的积分表，范围请选本分会；其他范围的积分表请向秘书处索取',
    );
    expect((await h.fails(head, 'admin.export', { period: 'month' })).code).toBe('FORBIDDEN');
    expect((await h.fails(openidOf('b1lead'), 'admin.export', { period: 'month', scope: { branchId: 'b1' } })).message).toBe('只有秘书处和分会负责人可以导出积分表');
    expect(h.snapshot()).toBe(before);
  });
});
