/**
 * A company month on the enterprise template (seeds/004 第一篇) through the api: 固定积分 credited for
 * the months worked from HR's attendance, by the monthly job or at once for an ended month, once per
 * person and month; deductions within a manager's limit and beyond it (routed up, 三、2); a negative
 * balance on the month-end list with its one reprieve (六、4); and the payroll sheet (六、1、2).
 */
import type { ApiResult } from '../../typings/api';
import type { LedgerEntry } from '../../typings/models';
import type { MonthlyResult } from '../../server/cron/monthly';
import { ApiHarness } from '../support/api';
import { companyOpenid as as, companyOrganisation, type Company } from '../support/company';
import { noon } from '../support/party';
import { storedSheets } from '../support/workbook';

let h: ApiHarness;
let co: Company;

beforeAll(async () => {
  h = new ApiHarness({ now: noon('2026-09-01') });
  co = await companyOrganisation(h);
}, 60_000);
afterAll(() => h.close());

const ledger = (): LedgerEntry[] => (h.cloud.store.dump().ledger ?? []) as unknown as LedgerEntry[];
const fixedOf = (key: string) => ledger().filter((e) => e.itemId === 'fixed.monthly' && e.memberId === co.id(key));
const total = async (key: string) => (await h.ok(as('hr'), 'ranking.get', { period: 'all', limit: 100 })).rows.find((r) => r.memberId === co.id(key))?.total ?? 0;

async function monthlyJob(month: string): Promise<MonthlyResult> {
  const result = (await h.cloud.invoke('cron', { job: 'monthly', month }, { openid: as('hr') })) as ApiResult<MonthlyResult>;
  if (!result.ok) throw new Error(`cron: ${result.error.message}`);
  return result.data;
}

const SEPTEMBER = ['w1', 'w2', 'w3'];

describe('固定积分 (五、1)', () => {
  it('keeps the attributes on the record and refuses an unknown value, naming the attribute', async () => {
    const refused = await h.fails(as('hr'), 'admin.attributes.set', { rows: [{ memberId: co.id('w3'), attributes: { 学历: '博士后', 身高: '180' } }] });
    expect(refused.code).toBe('INVALID_INPUT');
    expect(refused.message).toContain('第 1 行（周电工）');
    expect(refused.message).toContain('学历“博士后”无效，应为 初中及以下、高中或中专、大专、本科、硕士及以上');
    expect(refused.message).toContain('没有“身高”这一项固定积分');
    const set = await h.ok(as('hr'), 'admin.attributes.set', { rows: [{ memberId: co.id('w1'), attributes: { 特长: '一项' } }] });
    expect(set.members[0]).toMatchObject({ name: '陈矿工', monthly: 15, attributes: { education: 'bachelor', specialty: 'one' } });
  });

  it('shows HR each person’s attributes in the directory (出勤录入 reads the monthly points from them), and a leader none', async () => {
    const hr = await h.ok(as('hr'), 'members.list', { limit: 200 });
    expect(hr.members.find((m) => m._id === co.id('w1'))?.attributes).toMatchObject({ education: 'bachelor', specialty: 'one' });
    expect(hr.terms.fixedPoints?.attributes.map((a) => a.name)).toEqual(['学历', '职称', '职务', '技能', '工龄', '特长']);
    const leader = await h.ok(as('gm'), 'members.list', { limit: 200 });
    expect(leader.members.find((m) => m._id === co.id('w1'))?.attributes).toBeUndefined();
  });

  it('takes the attributes as columns of the roster import, reporting a bad value by its row and writing nothing', async () => {
    const before = h.snapshot();
    const bad = await h.ok(as('hr'), 'admin.members.import', {
      rows: [
        { name: '吴新工', branch: '机电科', attributes: { 学历: '大专', 技能: '初级工' } },
        { name: '郑新工', branch: '机电科', attributes: { 工龄: '三年' } },
      ],
    });
    expect(bad).toMatchObject({ created: 0, errors: [{ row: 2, message: expect.stringContaining('工龄“三年”无效') }] });
    expect(h.snapshot()).toBe(before);
    const good = await h.ok(as('hr'), 'admin.members.import', { rows: [{ name: '吴新工', branch: '机电科', attributes: { 学历: '大专', 技能: '初级工' } }] });
    const stored = (h.cloud.store.dump().members ?? []).find((m) => m._id === good.members[0].memberId) as unknown as { attributes: Record<string, string> };
    expect(stored.attributes).toEqual({ education: 'college', skill: 'junior' });
    await h.ok(as('hr'), 'admin.members.update', { memberId: good.members[0].memberId, patch: { status: 'left' } });
  });

  it('holds attendance recorded during September until the month ends, then the job credits it once', async () => {
    h.setNow(noon('2026-09-25'));
    const recorded = await h.ok(as('hr'), 'admin.attendance.record', { month: '2026-09', workdays: 22, rows: SEPTEMBER.map((key) => ({ memberId: co.id(key), days: 22 })) });
    expect(recorded.entries).toEqual([]);
    expect(recorded.attendance.every((a) => a.pending)).toBe(true);

    h.setNow(new Date('2026-10-01T00:10:00+08:00'));
    const run = await monthlyJob('2026-10');
    expect(run.fixedPoints).toEqual({ credited: 3, entries: 3, done: true });
    expect(fixedOf('w1')).toMatchObject([{ _id: `fixed:${co.id('w1')}:2026-09`, points: 15, occurredOn: '2026-09-30' }]);
    expect(fixedOf('w2')).toMatchObject([{ points: 2 }]);

    // HR pasting September's sheet again after the job changes nothing.
    await h.ok(as('hr'), 'admin.attendance.record', { month: '2026-09', workdays: 22, rows: [{ memberId: co.id('w1'), days: 22 }] });
    const again = await monthlyJob('2026-10');
    expect(again.fixedPoints).toEqual({ credited: 0, entries: 0, done: true });
    expect(fixedOf('w1')).toHaveLength(1);
  });

  it('credits October at once when HR records it after the month, in proportion to the days worked', async () => {
    h.setNow(noon('2026-11-03'));
    const recorded = await h.ok(as('hr'), 'admin.attendance.record', {
      month: '2026-10',
      workdays: 22,
      rows: [
        { memberId: co.id('w1'), days: 22 },
        { memberId: co.id('w2'), days: 11 },
        { memberId: co.id('w3'), days: 0 },
      ],
    });
    expect(recorded.entries.map((e) => [e.memberName, e.points])).toEqual([
      ['陈矿工', 15],
      ['刘矿工', 1],
    ]);
    // The same sheet pasted again, and the next month's job, credit nothing more.
    await h.ok(as('hr'), 'admin.attendance.record', { month: '2026-10', workdays: 22, rows: [{ memberId: co.id('w1'), days: 22 }] });
    expect((await monthlyJob('2026-11')).fixedPoints).toMatchObject({ credited: 0, entries: 0 });
    expect(fixedOf('w1').map((e) => e.points)).toEqual([15, 15]);
  });

  it('adjusts a credited month by the difference when HR corrects its attendance', async () => {
    const corrected = await h.ok(as('hr'), 'admin.attendance.record', { month: '2026-10', workdays: 22, rows: [{ memberId: co.id('w1'), days: 20 }] });
    expect(corrected.entries).toMatchObject([{ _id: `fixed:${co.id('w1')}:2026-10:r2`, points: -1.36, note: expect.stringContaining('出勤更正为 20/22 天') }]);
    expect(corrected.attendance[0]).toMatchObject({ revision: 2, credited: 13.64, pending: false });
    expect(await total('w1')).toBe(28.64);
  });

  it('refuses a month not yet begun, days beyond the required days, someone twice, and a hand-made award of fixed points', async () => {
    const before = h.snapshot();
    expect(await h.fails(as('hr'), 'admin.attendance.record', { month: '2026-12', workdays: 22, rows: [{ memberId: co.id('w1'), days: 2 }] })).toMatchObject({
      code: 'INVALID_INPUT',
      message: '2026-12 尚未开始，不能录入出勤',
    });
    const rows = [
      { memberId: co.id('w1'), days: 23 },
      { memberId: co.id('w2'), days: 21.3 },
    ];
    expect((await h.fails(as('hr'), 'admin.attendance.record', { month: '2026-10', workdays: 22, rows })).message).toBe(
      '第 1 行：出勤天数应为 0 到 22（应出勤天数）之间，可以是半天；第 2 行：出勤天数应为 0 到 22（应出勤天数）之间，可以是半天',
    );
    const twice = [{ memberId: co.id('w1'), days: 20 }, { memberId: co.id('w1'), days: 20 }];
    expect((await h.fails(as('hr'), 'admin.attendance.record', { month: '2026-10', workdays: 22, rows: twice })).message).toBe('第 2 行：与第 1 行是同一人');
    expect(await h.fails(as('w1'), 'admin.attendance.record', { month: '2026-10', workdays: 22, rows: [{ memberId: co.id('w1'), days: 22 }] })).toMatchObject({ code: 'FORBIDDEN' });
    expect(
      await h.fails(as('dm1'), 'award.propose', { itemId: 'fixed.monthly', occurredOn: '2026-11-02', recipients: [{ memberId: co.id('w1'), points: 5 }], note: '' }),
    ).toMatchObject({ code: 'FORBIDDEN', message: '固定积分由人力资源部按月度出勤计入，不能手工奖分' });
    expect(h.snapshot()).toBe(before);
  });
});

describe('分层分级授权奖扣分 (三、2)', () => {
  it('sends a 班组长’s 3-point deduction within their limit to their 部门经理, and it counts once approved', async () => {
    h.setNow(noon('2026-11-04'));
    const { claim } = await h.ok(as('tl1'), 'award.propose', { itemId: 'fault.discipline', occurredOn: '2026-10-20', recipients: [{ memberId: co.id('w1'), points: 3 }], note: '早班迟到' });
    expect(claim).toMatchObject({ status: 'pending', total: -3, waitingFor: { memberIds: [co.id('dm1')], label: '部门经理' } });
    await h.ok(as('dm1'), 'claim.decide', { claimId: claim._id, decision: 'approve' });
    expect(ledger().filter((e) => e.claimId === claim._id)).toMatchObject([{ points: -3, memberId: co.id('w1') }]);
  });

  it('routes a 30-point deduction beyond the 班组长’s 5 and the 部门经理’s 20 up to the 总经理, whom alone it waits for', async () => {
    const { claim } = await h.ok(as('tl1'), 'award.propose', { itemId: 'fault.safety', occurredOn: '2026-10-20', recipients: [{ memberId: co.id('w2'), points: 30 }], note: '井下违章作业' });
    expect(claim).toMatchObject({ total: -30, discretionary: 30, waitingFor: { memberIds: [co.id('gm')], label: '总经理（超出提出人5分权限，上报）' } });
    expect(await h.fails(as('dm1'), 'claim.decide', { claimId: claim._id, decision: 'approve' })).toMatchObject({ code: 'FORBIDDEN' });
    await h.ok(as('gm'), 'claim.decide', { claimId: claim._id, decision: 'approve' });
    // 2 (September) + 1 (half of October) − 30: the balance goes below zero.
    expect(await total('w2')).toBe(-27);
  });

  it('sends a 班组长’s 8 points, beyond their 5, to the 部门经理 whose 20 covers it', async () => {
    const { claim } = await h.ok(as('tl1'), 'award.propose', { itemId: 'merit.emergency', occurredOn: '2026-10-20', recipients: [{ memberId: co.id('w1'), points: 8 }], note: '处理顶板冒落险情' });
    expect(claim.waitingFor).toMatchObject({ memberIds: [co.id('dm1')], label: '部门经理（超出提出人5分权限，上报）' });
  });

  it('lets a worker report an award item, endorsed by a 班组长 and decided by their 部门经理', async () => {
    const { claim } = await h.ok(as('w3'), 'claim.submit', { itemId: 'merit.good_deed', occurredOn: '2026-10-20', points: 3, note: '拾到工友饭卡归还' });
    expect(claim.waitingFor).toMatchObject({ memberIds: [co.id('dm2')] });
    const endorsed = (await h.ok(as('dm2'), 'claim.decide', { claimId: claim._id, decision: 'approve' })).claim;
    expect(endorsed).toMatchObject({ status: 'pending', waitingFor: { memberIds: [co.id('gm')], label: '总经理' } });
    expect(await h.fails(as('w3'), 'claim.submit', { itemId: 'fault.slack', occurredOn: '2026-10-20', points: 3, note: '' })).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('lets a manager deduct only in their own department', async () => {
    const refused = await h.fails(as('tl1'), 'award.propose', { itemId: 'fault.slack', occurredOn: '2026-10-20', recipients: [{ memberId: co.id('w3'), points: 2 }], note: '' });
    expect(refused).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('周电工（机电科）') });
  });
});

describe('零分、负分名单 (六、4)', () => {
  it('lists at October’s end the accounts at zero or below, 周电工 with nothing and 刘矿工 at −27', async () => {
    h.setNow(noon('2026-11-05'));
    const { rows, atOrBelow } = await h.ok(as('hr'), 'admin.negatives.list', { month: '2026-10' });
    expect(atOrBelow).toBe(0);
    const listed = rows.map((r) => [r.name, r.branchName, r.total, r.reprieve]);
    expect(listed).toContainEqual(['刘矿工', '综采一队', -27, null]);
    expect(listed.map((r) => r[0])).not.toContain('陈矿工');
    // The company's leaders earned no fixed points (HR recorded no attendance for them): they stand at 0.
    expect(listed.map((r) => r[0])).toContain('贾董事长');
    expect(await h.fails(as('hr'), 'admin.negatives.list', { month: '2026-11' })).toMatchObject({ message: '2026-11 尚未结束，月末积分还不能确定' });
  });

  it('records 刘矿工’s one reprieve, shows it on the list, and refuses a second and one for someone not listed', async () => {
    const { reprieve } = await h.ok(as('hr'), 'admin.reprieve.record', { memberId: co.id('w2'), month: '2026-10', note: '本人书面申请一次不离职的机会' });
    expect(reprieve).toMatchObject({ name: '刘矿工', month: '2026-10', total: -27 });
    const row = (await h.ok(as('hr'), 'admin.negatives.list', { month: '2026-10' })).rows.find((r) => r.name === '刘矿工');
    expect(row?.reprieve).toMatchObject({ month: '2026-10', note: '本人书面申请一次不离职的机会' });
    const before = h.snapshot();
    expect(await h.fails(as('hr'), 'admin.reprieve.record', { memberId: co.id('w2'), month: '2026-10', note: '再次申请' })).toMatchObject({
      code: 'CONFLICT',
      message: '刘矿工已于 2026-10 用过一次不离职的机会（六、4），不能再次申请',
    });
    expect(await h.fails(as('hr'), 'admin.reprieve.record', { memberId: co.id('w1'), month: '2026-10', note: '申请' })).toMatchObject({
      code: 'INVALID_INPUT',
      message: '陈矿工 2026-10 月末积分为 25.64 分，不在零分或负分名单上，无须申请不离职的机会',
    });
    expect(await h.fails(as('dm1'), 'admin.negatives.list', { month: '2026-10' })).toMatchObject({ code: 'FORBIDDEN' });
    expect(h.snapshot()).toBe(before);
  });
});

describe('薪酬积分 (六、1、2)', () => {
  it('exports October with each person’s month, quarter, year and all-time totals by department', async () => {
    const { fileID } = await h.ok(as('hr'), 'admin.export', { period: 'month', key: '2026-10' });
    const rows = (await storedSheets(h, fileID)).get('薪酬积分')!;
    expect(rows[0]).toEqual(['部门', '姓名', '2026-10 月积分', '2026-Q4 季度积分', '2026 年度积分', '累计积分']);
    expect(rows).toContainEqual(['综采一队', '陈矿工', 13.64 - 3, 13.64 - 3, 15 + 13.64 - 3, 15 + 13.64 - 3]);
    expect(rows).toContainEqual(['综采一队', '刘矿工', 1 - 30, 1 - 30, -27, -27]);
    expect(rows).toContainEqual(['机电科', '周电工', 0, 0, 2, 2]);
    expect(rows.filter((r) => r[0] === '公司机关').map((r) => r[1]).sort()).toEqual(['王人事', '贾董事长', '韩总经理'].sort());
  });
});

describe('a month recorded while it runs, then pasted again after it ended', () => {
  it('credits it at that second recording, and the job after finds nothing waiting', async () => {
    h.setNow(noon('2026-11-20'));
    await h.ok(as('hr'), 'admin.attendance.record', { month: '2026-11', workdays: 20, rows: [{ memberId: co.id('w3'), days: 10 }] });
    h.setNow(noon('2026-12-02'));
    const { entries } = await h.ok(as('hr'), 'admin.attendance.record', { month: '2026-11', workdays: 20, rows: [{ memberId: co.id('w3'), days: 10 }] });
    expect(entries).toMatchObject([{ _id: `fixed:${co.id('w3')}:2026-11`, points: 1, occurredOn: '2026-11-30' }]);
    expect((await monthlyJob('2026-12')).fixedPoints).toMatchObject({ credited: 0 });
    expect(fixedOf('w3').map((e) => e.points)).toEqual([2, 1]);
  });
});
