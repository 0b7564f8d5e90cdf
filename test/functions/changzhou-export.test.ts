/**
 * The changzhou export: besides the board and its entries, a 考核表 per 支部 in the layout of
 * seeds/002 附件: items by part and category, a column per 党员, each part's value after its caps and
 * deductions, and the score.
 */
import { ADMIN_OPENID } from '../support/api';
import { noon, partyOpenid as as, partyWorld } from '../support/party';
import { storedSheets } from '../support/workbook';

const world = partyWorld('2026-02-02');
const { record } = world;

const sheets = (fileID: string) => storedSheets(world.h, fileID);

describe('考核表 (seeds/002 附件)', () => {
  it('lays out a 支部’s quarter item by item, person by person, with each part after its caps and the score', async () => {
    // 陈党员 earns 25 of 政治学习 in February, counted up to 15; 刘党员 misses 学习强国 three times.
    await record('2026-02-10', 'study.xuexi', ['a', 'b']);
    await record('2026-02-11', 'study.quiz', ['a']);
    await record('2026-02-12', 'study.group', ['a']);
    await record('2026-02-13', 'study.xuexi_missed', ['b'], { count: 3 });
    await record('2026-03-05', 'feature.volunteer', ['a']);
    world.h.setNow(noon('2026-04-02'));

    const { fileID } = await world.h.ok(ADMIN_OPENID, 'admin.export', { period: 'quarter', key: '2026-Q1', scope: { branchId: world.party.unit('第一党支部') } });
    const book = await sheets(fileID);
    expect([...book.keys()]).toEqual(['排行榜', '积分明细', '考核表-第一党支部']);
    const rows = book.get('考核表-第一党支部')!;

    expect(rows[0][0]).toBe('机关党委党员积分管理考核表');
    expect(rows[1][0]).toBe('所在支部：第一党支部');
    expect(rows[1]).toContain('考核期间：2026-Q1 季度');
    expect(rows[1].at(-1)).toBe('支部书记签名：');
    const header = rows[2];
    const names = header.slice(3, -1) as string[];
    expect(header.slice(0, 3)).toEqual(['考核类别', '考核内容', '考核分值']);
    expect(names).toEqual(expect.arrayContaining(['陈党员', '刘党员', '孙预备', '王书记']));
    const cell = (label: string, name: string) => rows.find((r) => String(r[2]).startsWith(label))![3 + names.indexOf(name)];

    expect(rows.find((r) => String(r[2]).startsWith('登录学习强国'))).toEqual(
      expect.arrayContaining(['基础分（70分）', '政治学习', '登录学习强国（当月）　10 分', '政治学习每月得 15 分为满分']),
    );
    expect(cell('登录学习强国', '陈党员')).toBe(10);
    expect(cell('完成每日一题', '陈党员')).toBe(10);
    expect(cell('学习强国未登录', '刘党员')).toBe(-1.5);
    expect(cell('学习强国未登录', '陈党员')).toBe('');
    expect(String(rows.find((r) => String(r[2]).startsWith('学习强国未登录'))![2])).toBe('学习强国未登录（每次）　扣 0.5 分/次');
    expect(cell('计入得分', '陈党员')).toBe(15);

    const subtotals = rows.filter((r) => r[1] === '小计');
    expect(subtotals.map((r) => r[0])).toEqual(['基础分（70分）', '特色分（20分）', '评议分（10分）']);
    const of = (row: unknown[], name: string) => row[3 + names.indexOf(name)];
    expect(subtotals.map((r) => of(r, '陈党员'))).toEqual([15, 5, 0]);
    expect(subtotals.map((r) => of(r, '刘党员'))).toEqual([8.5, 0, 0]);
    const score = rows.at(-1)!;
    expect(score.slice(0, 3)).toEqual(['得分', '', '满分 100']);
    expect([of(score, '陈党员'), of(score, '刘党员'), of(score, '孙预备')]).toEqual([20, 8.5, 0]);
  });

  it('gives every 支部 of the whole organisation its own sheet', async () => {
    const { fileID } = await world.h.ok(ADMIN_OPENID, 'admin.export', { period: 'quarter', key: '2026-Q1' });
    const names = [...(await sheets(fileID)).keys()];
    expect(names.filter((n) => n.startsWith('考核表-')).sort()).toEqual(['考核表-机关党委直属', '考核表-第一党支部', '考核表-第二党支部'].sort());
  });

  it('scores the year on its 考核表 as the year’s board does', async () => {
    const unitId = world.party.unit('第一党支部');
    const { fileID } = await world.h.ok(ADMIN_OPENID, 'admin.export', { period: 'cycle', key: '2026', scope: { branchId: unitId } });
    const rows = (await sheets(fileID)).get('考核表-第一党支部')!;
    const names = rows[2].slice(3, -1) as string[];
    const score = rows.at(-1)!;
    const board = await world.h.ok(ADMIN_OPENID, 'ranking.get', { period: 'cycle', key: '2026', scope: { branchId: unitId } });
    expect(board.rows.length).toBeGreaterThan(1);
    for (const row of board.rows) expect(score[3 + names.indexOf(row.name)]).toBe(row.score);
  });
});
