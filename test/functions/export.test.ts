/**
 * admin.export: the board as an .xlsx in cloud storage, read back with exceljs.
 */
import type { BoardScope, Period } from '../../typings/api';
import { ApiHarness } from '../support/api';
import { openidOf, putMember, associationAt, approveSelfReport } from '../support/fixtures';
import { storedSheets } from '../support/workbook';

const NOW = new Date('2026-11-21T04:00:00Z');
const CLERK = openidOf('clerk');

let h: ApiHarness;
beforeEach(() => (h = associationAt(NOW)));
afterEach(() => h.close());

const snapshot = (): string => h.snapshot();

/** The rows of each sheet as arrays of cell values, header first. */
async function readBack(fileID: string): Promise<Record<string, unknown[][]>> {
  expect(h.cloud.storage.read(fileID)).not.toBeNull();
  return Object.fromEntries(await storedSheets(h, fileID));
}

async function exportBoard(period: Period, key?: string, scope?: BoardScope) {
  const { fileID } = await h.ok(CLERK, 'admin.export', { period, key, scope });
  return { fileID, sheets: await readBack(fileID) };
}

/** A small workload: dues for three people and one approved self-report. */
async function workload(): Promise<void> {
  await h.ok(CLERK, 'admin.dues.record', { memberId: 'director', paidOn: '2026-09-15', years: 5 });
  await h.ok(CLERK, 'admin.dues.record', { memberId: 'm1', paidOn: '2026-11-02', years: 1 });
  await h.ok(CLERK, 'admin.dues.record', { memberId: 'm3', paidOn: '2026-10-20', years: 1 });
  const { claim } = await h.ok(openidOf('m1'), 'claim.submit', { itemId: 'deed.unquantified', occurredOn: '2026-11-20', points: 4, note: '助老志愿服务' });
  await approveSelfReport(h, claim._id);
}

describe('admin.export', () => {
  it('exports the month board with the same rows and order as ranking.get, and each member’s entries', async () => {
    await workload();
    const { fileID, sheets } = await exportBoard('month');
    expect(fileID).toMatch(/^cloud:\/\/.+\/exports\/2026-11-21\/month-2026-11-[0-9a-f]{24}\.xlsx$/);
    expect(h.cloud.storage.exists(fileID)).toBe(true);

    const board = await h.ok(CLERK, 'ranking.get', { period: 'month', limit: 100 });
    expect(sheets['排行榜']).toEqual([
      ['排名', '姓名', '分会', '会费档次', '职业', '积分'],
      ...board.rows.map((r) => [r.rank, r.name, r.branchName ?? '直属', expect.any(String), '律师', r.total]),
    ]);
    expect(sheets['排行榜'].slice(1).map((r) => [r[0], r[1], r[2], r[3], r[5]])).toEqual([
      [1, '会员甲', '东宝分会', '会员', 114],
      [2, '赵理事', '东宝分会', '理事', 20],
      [3, '会员丙', '掇刀分会', '会员', 10],
    ]);

    expect(sheets['积分明细'][0]).toEqual(['排名', '姓名', '分会', '日期', '项目', '积分', '说明', '记录编号']);
    expect(sheets['积分明细'].slice(1).map((r) => [r[1], r[3], r[4], r[5]])).toEqual([
      ['会员甲', '2026-11-02', '年度会费职务积分', 100],
      ['会员甲', '2026-11-02', '月度职务积分', 10],
      ['会员甲', '2026-11-20', '办实事（价值无法量化）', 4],
      ['赵理事', '2026-11-01', '月度职务积分', 20],
      ['会员丙', '2026-11-01', '月度职务积分', 10],
    ]);
  });

  it('exports the year and all-time boards with the entries of that period', async () => {
    await workload();
    const year = await exportBoard('year', '2026');
    expect(year.sheets['排行榜'].slice(1).map((r) => [r[1], r[5]])).toEqual([
      ['赵理事', 310],
      ['会员丙', 120],
      ['会员甲', 114],
    ]);
    expect(year.sheets['积分明细']).toHaveLength(1 + 5 + 3 + 3);

    const earlier = await exportBoard('month', '2026-09');
    expect(earlier.sheets['排行榜'].slice(1).map((r) => [r[1], r[5]])).toEqual([['赵理事', 270]]);
    expect(earlier.sheets['积分明细'].slice(1).map((r) => [r[3], r[5]])).toEqual([
      ['2026-09-15', 200],
      ['2026-09-15', 20],
      ['2026-09-15', 50],
    ]);

    const all = await exportBoard('all');
    expect(all.fileID).toMatch(/\/exports\/2026-11-21\/all-all-[0-9a-f]{24}\.xlsx$/);
    expect(all.sheets['积分明细']).toHaveLength(1 + 11);
  });

  it('narrows to a scope and leaves out members who left', async () => {
    await workload();
    const member = h.cloud.store.dump().members.find((m) => m._id === 'm1')!;
    // What admin.members.update does when a member leaves: the member and their tallies say 'left'.
    const tallies = h.cloud.store.dump().tallies.filter((t) => t.memberId === 'm1');
    h.cloud.store.commit([
      { collection: 'members', id: 'm1', doc: { ...member, status: 'left' } },
      ...tallies.map((t) => ({ collection: 'tallies', id: t._id, doc: { ...t, status: 'left' } })),
    ]);
    const { sheets } = await exportBoard('year', '2026', { branchId: 'b1' });
    expect(sheets['排行榜'].slice(1).map((r) => [r[0], r[1]])).toEqual([[1, '赵理事']]);
    expect(sheets['积分明细'].slice(1).every((r) => r[1] === '赵理事')).toBe(true);
  });

  it('includes every ranked member past 1000, with competition ranks', async () => {
    const tallies = [];
    for (let i = 0; i < 1234; i++) {
      const id = `x${String(i).padStart(4, '0')}`;
      putMember(h, id, { name: `成员${id}`, bound: false });
      tallies.push({
        collection: 'tallies',
        id: `${id}:all`,
        doc: {
          _id: `${id}:all`, memberId: id, key: 'all', total: 2000 - Math.floor(i / 2), name: `成员${id}`,
          branchId: 'b1', branchName: '东宝分会', tier: 'member', group: 'members', profession: '律师', socialRoles: [], status: 'active', openid: null,
        },
      });
    }
    h.cloud.store.commit(tallies);
    const { sheets } = await exportBoard('all');
    const rows = sheets['排行榜'].slice(1);
    expect(rows).toHaveLength(1234);
    expect(rows.slice(0, 4).map((r) => [r[0], r[1], r[5]])).toEqual([
      [1, '成员x0000', 2000],
      [1, '成员x0001', 2000],
      [3, '成员x0002', 1999],
      [3, '成员x0003', 1999],
    ]);
    expect(rows[1233].slice(0, 2)).toEqual([1233, '成员x1233']);
    const top = await h.ok(CLERK, 'ranking.get', { period: 'all', limit: 100 });
    expect(rows.slice(0, 100).map((r) => [r[0], r[1], r[5]])).toEqual(top.rows.map((r) => [r.rank, r.name, r.total]));
  });

  it('exports an empty board as headers only', async () => {
    const { sheets } = await exportBoard('month', '2025-01');
    expect(sheets['排行榜']).toHaveLength(1);
    expect(sheets['积分明细']).toHaveLength(1);
  });

  it.each([
    ['an unknown period', { period: 'week' }],
    ['a malformed month', { period: 'month', key: '2026-13' }],
    ['a year key on a month board', { period: 'month', key: '2026' }],
    ['an unknown scope field', { period: 'all', scope: { city: '荆门' } }],
    ['an unknown field', { period: 'all', limit: 10 }],
    ['no payload', undefined],
  ])('answers %s with INVALID_INPUT and uploads nothing', async (_label, payload) => {
    const before = snapshot();
    expect((await h.fails(CLERK, 'admin.export', payload)).code).toBe('INVALID_INPUT');
    expect(snapshot()).toBe(before);
  });

  it.each([
    ['a plain member', openidOf('m1')],
    ['the president', openidOf('president')],
    ['a stranger', 'stranger'],
  ])('refuses %s', async (_label, openid) => {
    expect((await h.fails(openid, 'admin.export', { period: 'all' })).code).toBe('FORBIDDEN');
  });
});
