/**
 * What a 支部 hands in on the party-branch template (seeds/001): the 考核表 of a weighted,
 * deduction-based composition with a bonus (each part on its own scale, what it counts at its weight,
 * the score out of 100 with the bonus outside), and for a closed year the 评定结果 of each 支部: every
 * 党员's 日常, 评议, 动态管理, score, grade, stars, 一票否决 and flags, from the year's outcome rows.
 */
import { ADMIN_OPENID } from '../support/api';
import { noon, partyOpenid as as, partyWorld } from '../support/party';
import { storedSheets } from '../support/workbook';

const world = partyWorld('2026-01-05', 'party-branch');
const { record } = world;

const sheets = (fileID: string) => storedSheets(world.h, fileID);

describe('考核表 of a weighted, deduction-based composition with a bonus', () => {
  it('shows each part on its own scale, what it counts at its weight, and the score', async () => {
    await record('2026-02-26', 'daily.absent', ['a'], { count: 2 });
    await record('2026-03-26', 'daily.proxy', ['a'], { count: 2 });
    await record('2026-03-10', 'bonus.province', ['b']);
    await record('2026-03-11', 'bonus.rescue', ['b']);
    await record('2026-03-12', 'bonus.city', ['b']);
    await record('2026-03-13', 'penalty.minor', ['p']);
    world.h.setNow(noon('2026-04-02'));

    const { fileID } = await world.h.ok(ADMIN_OPENID, 'admin.export', { period: 'quarter', key: '2026-Q1', scope: { branchId: world.party.unit('第一党支部') } });
    const book = await sheets(fileID);
    // A quarter is not a closed year: no 评定结果.
    expect([...book.keys()]).toEqual(['排行榜', '积分明细', '考核表-第一党支部']);
    const rows = book.get('考核表-第一党支部')!;
    expect(rows[0][0]).toBe('党委党员积分管理考核表');
    const names = rows[2].slice(3, -1) as string[];
    const of = (row: unknown[], name: string) => row[3 + names.indexOf(name)];
    const line = (label: string) => rows.find((r) => String(r[2]).startsWith(label))!;

    expect(line('无故缺席集体学习或组织生活')).toEqual(expect.arrayContaining(['日常考核积分（100分，占70%）', '组织生活', '无故缺席集体学习或组织生活　扣 2 分/次']));
    expect(of(line('无故缺席'), '陈党员')).toBe(-4);
    expect(of(line('替会或虚假签到'), '陈党员')).toBe(-10);

    const subtotals = rows.filter((r) => r[1] === '小计');
    expect(subtotals.map((r) => [r[0], r.at(-1)])).toEqual([
      ['日常考核积分（100分，占70%）', '基础分值 100 分，倒扣记分，扣完为止'],
      ['年度评议积分（100分，占30%）', ''],
      ['动态管理积分（至多10分）', '加分至多 10 分，在 100 分之外；扣分照扣，可为负分'],
    ]);
    expect(subtotals.map((r) => of(r, '陈党员'))).toEqual([86, 0, 0]);
    // 13 earned counts 10; 孙预备's misconduct counts −5.
    expect(subtotals.map((r) => of(r, '刘党员'))).toEqual([100, 0, 10]);
    expect(subtotals.map((r) => of(r, '孙预备'))).toEqual([100, 0, -5]);
    const weighted = rows.filter((r) => r[1] === '折合');
    expect(weighted.map((r) => [r[2], of(r, '陈党员')])).toEqual([
      ['按 70% 计入得分', 60.2],
      ['按 30% 计入得分', 0],
    ]);
    const score = rows.at(-1)!;
    expect(score.slice(0, 3)).toEqual(['得分', '', '满分 100']);
    expect([of(score, '陈党员'), of(score, '刘党员'), of(score, '孙预备'), of(score, '李支委')]).toEqual([60.2, 80, 65, 70]);
  });
});

describe('评定结果 of a closed year', () => {
  it('lists each 支部’s 党员 with their parts, score, grade, stars, veto and flags, as the year’s rows say', async () => {
    await record('2026-12-28', 'review.score', ['a', 'b'], { count: 90 });
    await record('2026-12-28', 'review.score', ['c1', 's1'], { count: 85 });
    world.h.setNow(noon('2027-01-04'));
    for (const [secretary, unit] of [['s1', '第一党支部'], ['s2', '第二党支部']] as const) {
      const target = { period: 'cycle', key: '2026', unitId: world.party.unit(unit) } as const;
      await world.h.ok(as(secretary), 'admin.period.close', target);
      if (secretary === 's1') await world.h.ok(as(secretary), 'admin.period.publish', target);
    }

    const { fileID } = await world.h.ok(ADMIN_OPENID, 'admin.export', { period: 'cycle', key: '2026' });
    const book = await sheets(fileID);
    expect([...book.keys()].filter((n) => n.startsWith('评定结果-')).sort()).toEqual(['评定结果-第一党支部', '评定结果-第二党支部'].sort());

    const rows = book.get('评定结果-第一党支部')!;
    expect(rows[0][0]).toBe('第一党支部2026年度党员积分评定结果');
    expect(rows[1]).toEqual(expect.arrayContaining(['所在支部：第一党支部', '考核周期：2026', '公示：公示中', '支部书记签名：']));
    expect(rows[2]).toEqual(['名次', '姓名', '党员类别', '日常考核积分', '年度评议积分', '动态管理积分', '总分', '等次', '星级', '一票否决', '否决理由', '提示', '异议']);
    const listed = rows.slice(3);
    const outcome = (await world.h.ok(as('s1'), 'outcome.list', { period: 'cycle', key: '2026' })).rows;
    expect(listed).toHaveLength(outcome.length);
    expect(listed.map((r) => r[1])).toEqual([...outcome].sort((x, y) => (x.rank ?? 0) - (y.rank ?? 0) || y.score - x.score || x.name.localeCompare(y.name, 'zh')).map((r) => r.name));
    for (const row of outcome) {
      const line = listed.find((r) => r[1] === row.name)!;
      expect(line.slice(3, 9)).toEqual([...row.parts!.map((p) => p.points), row.score, row.gradeName ?? '', ['', '一星级', '二星级', '三星级', '四星级', '五星级'][row.stars ?? 0]]);
      expect(line[11] ?? '').toBe(row.flags.join('；'));
    }
    // 陈党员: 86 × 0.7 + 90 × 0.3 = 87.2, 四星.
    expect(listed.find((r) => r[1] === '陈党员')!.slice(2, 9)).toEqual(['正式党员', 86, 90, 0, 87.2, '合格', '四星级']);
    // 刘党员's 107 takes the one 优秀 place of six 党员; 王书记 and 李支委's 95.5 are 合格 beyond it.
    expect(listed.slice(0, 3).map((r) => [r[1], r[6], r[7]])).toEqual([
      ['刘党员', 107, '优秀'],
      expect.arrayContaining([95.5, '合格']),
      expect.arrayContaining([95.5, '合格']),
    ]);
    expect(String(listed.find((r) => r[1] === '王书记')![11])).toContain('超出优秀名额（1名）');
    expect(listed.find((r) => r[1] === '孙预备')![2]).toBe('预备党员');

    const second = book.get('评定结果-第二党支部')!;
    expect(second[1]).toContain('公示：草稿（未公示）');
  });

  it('lists one 支部 only when the export is scoped to it', async () => {
    const { fileID } = await world.h.ok(ADMIN_OPENID, 'admin.export', { period: 'cycle', key: '2026', scope: { branchId: world.party.unit('第二党支部') } });
    expect([...(await sheets(fileID)).keys()].filter((n) => n.startsWith('评定结果-'))).toEqual(['评定结果-第二党支部']);
  });
});
