/**
 * 出勤录入 reads a department's month back (admin.attendance.get; seeds/004 第一篇 五、1, 七(三)
 * 人力资源部): the 应出勤天数 as recorded, each active person with the days recorded or none, and
 * the points credited by HR's recording or by the monthly job (docs/rules.md E6, E23).
 */
import { performance } from 'perf_hooks';
import type { ApiResult, AttendanceSheetRow, DataOf } from '../../typings/api';
import type { MonthlyResult } from '../../server/cron/monthly';
import { newBranchId } from '../../server/data/branches';
import { ApiHarness } from '../support/api';
import { companyOpenid as as, companyOrganisation, type Company } from '../support/company';
import { noon } from '../support/party';

let h: ApiHarness;
let co: Company;

beforeAll(async () => {
  h = new ApiHarness({ now: noon('2026-09-25') });
  co = await companyOrganisation(h);
}, 60_000);
afterAll(() => h.close());

const sheet = (month: string, unitId: string, cursor?: string): Promise<DataOf<'admin.attendance.get'>> =>
  h.ok(as('hr'), 'admin.attendance.get', { month, unitId, ...(cursor ? { cursor } : {}) });
const rowOf = (rows: AttendanceSheetRow[], key: string) => rows.find((r) => r.memberId === co.id(key));

async function monthlyJob(month: string): Promise<MonthlyResult> {
  const result = (await h.cloud.invoke('cron', { job: 'monthly', month }, { openid: as('hr') })) as ApiResult<MonthlyResult>;
  if (!result.ok) throw new Error(`cron: ${result.error.message}`);
  return result.data;
}

describe('a department’s month as recorded (五、1)', () => {
  it('answers a month nothing was recorded for with every active person, by name, marked unrecorded', async () => {
    const read = await sheet('2026-09', co.unit('综采一队'));
    expect(read).toMatchObject({ month: '2026-09', unitName: '综采一队', workdays: null, people: 4, recorded: 0, cursor: null });
    expect(read.rows.map((r) => r.name)).toEqual(['刘矿工', '李队长', '赵班长', '陈矿工'].sort((a, b) => (a < b ? -1 : 1)));
    expect(read.rows.every((r) => r.recorded === null)).toBe(true);
    // 陈矿工's attributes give 15 a month (test/support/company.ts), for the attributes sheet the page opens from a name.
    expect(rowOf(read.rows, 'w1')).toMatchObject({ monthly: 15, attributes: { education: 'bachelor', specialty: 'one' } });
  });

  it('shows the current month’s days as recorded, waiting for the monthly job, and then what the job credited', async () => {
    await h.ok(as('hr'), 'admin.attendance.record', { month: '2026-09', workdays: 22, rows: [{ memberId: co.id('w1'), days: 20 }, { memberId: co.id('w2'), days: 22 }] });
    const waiting = await sheet('2026-09', co.unit('综采一队'));
    expect(waiting).toMatchObject({ workdays: 22, recorded: 2 });
    expect(rowOf(waiting.rows, 'w1')?.recorded).toMatchObject({ days: 20, workdays: 22, pending: true, credited: null });
    expect(rowOf(waiting.rows, 'tl1')?.recorded).toBeNull();

    h.setNow(new Date('2026-10-01T00:10:00+08:00'));
    expect((await monthlyJob('2026-10')).fixedPoints).toMatchObject({ credited: 2 });
    const credited = await sheet('2026-09', co.unit('综采一队'));
    expect(rowOf(credited.rows, 'w1')?.recorded).toMatchObject({ days: 20, workdays: 22, pending: false, credited: 13.64 });
    expect(rowOf(credited.rows, 'w2')?.recorded).toMatchObject({ days: 22, pending: false, credited: 2 });
  });

  it('shows an ended month HR just recorded as credited at once, and the company’s own people under 公司机关', async () => {
    h.setNow(noon('2026-11-03'));
    await h.ok(as('hr'), 'admin.attendance.record', { month: '2026-10', workdays: 21, rows: [{ memberId: co.id('hr'), days: 10.5 }] });
    const own = await sheet('2026-10', 'root');
    expect(own).toMatchObject({ unitId: 'root', unitName: '公司机关', workdays: 21, people: 3, recorded: 1 });
    expect(own.rows.map((r) => r.name).sort()).toEqual(['王人事', '贾董事长', '韩总经理'].sort());
    expect(rowOf(own.rows, 'hr')?.recorded).toMatchObject({ days: 10.5, workdays: 21, pending: false, credited: 2.5 });
    // Another department's month stays its own.
    expect(await sheet('2026-10', co.unit('机电科'))).toMatchObject({ workdays: null, recorded: 0 });
  });

  it('gives the 应出勤天数 of the latest recording where a department was saved with other days before', async () => {
    await h.ok(as('hr'), 'admin.attendance.record', { month: '2026-10', workdays: 22, rows: [{ memberId: co.id('w3'), days: 22 }] });
    h.setNow(noon('2026-11-04'));
    await h.ok(as('hr'), 'admin.attendance.record', { month: '2026-10', workdays: 23, rows: [{ memberId: co.id('dm2'), days: 23 }] });
    const read = await sheet('2026-10', co.unit('机电科'));
    expect(read.workdays).toBe(23);
    expect(read.rows.map((r) => [r.name, r.recorded?.days, r.recorded?.workdays])).toEqual([
      ['周电工', 22, 22],
      ['孙科长', 23, 23],
    ]);
  });

  it('answers a department of 560 in pages of 500, leaving out those who left, with the department’s figures on each page', async () => {
    const unit = newBranchId('掘进二队');
    const at = '2026-01-01T00:00:00.000Z';
    const person = (n: number, status: 'active' | 'left') => {
      const key = `big-${String(n).padStart(3, '0')}`;
      const doc = { _id: key, name: `掘进${String(n).padStart(3, '0')}`, branchId: unit, branchName: '掘进二队', category: 'staff', roles: [], status, secretariat: false, phone: null, openid: null, inviteCode: `BIG${n}`, tallyKeys: [], createdAt: at, updatedAt: at };
      return { collection: 'members', id: key, doc };
    };
    h.cloud.store.commit([
      { collection: 'branches', id: unit, doc: { _id: unit, name: '掘进二队' } },
      ...Array.from({ length: 560 }, (_, i) => person(i + 1, 'active')),
      person(561, 'left'),
    ]);
    await h.ok(as('hr'), 'admin.attendance.record', { month: '2026-10', workdays: 22, rows: [{ memberId: 'big-002', days: 21 }, { memberId: 'big-551', days: 0 }] });

    const started = performance.now(); // perf_hooks' clock: the harness fakes the global timers, not this one
    const first = await sheet('2026-10', unit);
    const second = await sheet('2026-10', unit, first.cursor!);
    console.log(`admin.attendance.get: a department of 560, two pages in ${Math.round(performance.now() - started)} ms`);

    expect([first.rows.length, first.cursor, second.rows.length, second.cursor]).toEqual([500, '500', 60, null]);
    for (const page of [first, second]) expect(page).toMatchObject({ people: 560, recorded: 2, workdays: 22 });
    expect(first.rows[1]).toMatchObject({ name: '掘进002', recorded: { days: 21 } });
    expect(second.rows.find((r) => r.name === '掘进551')?.recorded).toMatchObject({ days: 0, credited: 0 });
    expect([...first.rows, ...second.rows].map((r) => r.name)).not.toContain('掘进561');
  });
});

describe('what admin.attendance.get refuses', () => {
  it('refuses a month not yet begun, a malformed month, an unknown department and another organisation’s, in words, writing nothing', async () => {
    const before = h.snapshot();
    const unit = co.unit('综采一队');
    expect(await h.fails(as('hr'), 'admin.attendance.get', { month: '2026-12', unitId: unit })).toMatchObject({ code: 'INVALID_INPUT', message: '2026-12 尚未开始，不能查看出勤' });
    expect(await h.fails(as('hr'), 'admin.attendance.get', { month: '2026-13', unitId: unit })).toMatchObject({ code: 'INVALID_INPUT', message: '输入有误：月份：格式应为 YYYY-MM' });
    expect(await h.fails(as('hr'), 'admin.attendance.get', { month: '2026-10' })).toMatchObject({ code: 'INVALID_INPUT', message: '输入有误：缺少单位' });
    const unknown = { code: 'NOT_FOUND', message: '所选部门不存在，请重新选择部门' };
    expect(await h.fails(as('hr'), 'admin.attendance.get', { month: '2026-10', unitId: 'br-000000000000' })).toMatchObject(unknown);
    // 荆门市新联会's 第一分会 is a unit of another organisation: this company has no such department.
    expect(await h.fails(as('hr'), 'admin.attendance.get', { month: '2026-10', unitId: newBranchId('第一分会') })).toMatchObject(unknown);
    expect(await h.fails(as('hr'), 'admin.attendance.get', { month: '2026-10', unitId: unit, cursor: 'x' })).toMatchObject({ code: 'INVALID_INPUT', message: '分页游标无效' });
    expect(h.snapshot()).toBe(before);
  });

  it('answers HR only: neither a 部门经理 nor a worker reads the attendance sheet', async () => {
    for (const key of ['dm1', 'w1', 'gm']) {
      expect(await h.fails(as(key), 'admin.attendance.get', { month: '2026-10', unitId: co.unit('综采一队') })).toMatchObject({ code: 'FORBIDDEN' });
    }
  });
});
