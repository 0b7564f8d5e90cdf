import type { Attendance, AttendanceSheetRow, DataOf, DirectoryMember, LedgerEntry, PayloadOf, SchemeTerms } from '../../typings/api';
import { schemeTerms } from '../../domain/glossary';
import { ENTERPRISE_SCHEME } from '../../domain/schemes/enterprise';
import { aLedgerEntry, jingmenTerms } from './support/builders';
import { eventsOf, fail, ok, stubApi } from './support/cloud';
import { restoreClock, setNow } from './support/clock';
import { emit, settle, tap, textOf, textsOf, typeInto } from './support/load';
import { openPageAt } from './support/page';
import { aDirectoryMember, anAttendanceSheet, aSheetRow } from './support/records';
import { restoreWx, stubWx } from './support/wx';
import { monthChoicesOf, rowErrorOf, sheetsOf, type AttendanceRow } from '../../miniprogram/pages/attendance/attendance-view';

const PAGE = 'pages/attendance/index';
const terms: SchemeTerms = schemeTerms(ENTERPRISE_SCHEME);
const BRANCHES = [
  { _id: 'd-zc1', name: '综采一队' },
  { _id: 'd-jd', name: '机电科' },
];

/** A person of 综采一队 with the monthly points their attributes give (the server's, from the template's table). */
const worker = (id: string, name: string, monthly = 0, attributes: Record<string, string> = {}): AttendanceSheetRow => aSheetRow({ memberId: id, name, monthly, attributes });

const member = (id: string, name: string): DirectoryMember => aDirectoryMember({ _id: id, name, branchId: 'd-zc1', branchName: '综采一队' });

function directory(members: DirectoryMember[], cursor: string | null = null, t: SchemeTerms = terms): DataOf<'members.list'> {
  return { members, branches: BRANCHES, cursor, terms: t };
}

function anAttendance(memberId: string, days: number, overrides: Partial<Attendance> = {}): Attendance {
  const month = overrides.month ?? '2026-10';
  return { _id: `${memberId}:${month}`, memberId, month, days, workdays: 26, revision: 1, pending: false, rate: 10, credited: 10, recordedBy: 'hr', recordedAt: '2026-11-30T02:00:00Z', ...overrides };
}

const entryOf = (memberId: string, points: number): LedgerEntry => aLedgerEntry({ _id: `fixed:${memberId}:2026-10`, memberId, points, occurredOn: '2026-10-31' });

const records = (callFunction: jest.Mock) => eventsOf(callFunction).filter((e) => e.action === 'admin.attendance.record').map((e) => e.payload as PayloadOf<'admin.attendance.record'>);

/**
 * Opens the page and picks 综采一队 with `people` in it. What `record` answers is kept, and
 * admin.attendance.get answers it back, as the server would after saving.
 */
async function openDepartment(people: AttendanceSheetRow[], record: (p: PayloadOf<'admin.attendance.record'>) => ReturnType<typeof ok<DataOf<'admin.attendance.record'>>>) {
  const stored = new Map<string, Attendance>();
  const callFunction = stubApi({
    'members.list': ok(directory([])),
    'admin.attendance.get': ({ month }) => ok(anAttendanceSheet(people.map((p) => ({ ...p, recorded: stored.get(`${p.memberId}:${month}`) ?? p.recorded })), { month })),
    'admin.attendance.record': (payload) => {
      const answer = record(payload);
      if (answer.ok) for (const a of answer.data.attendance) stored.set(a._id, a);
      return answer;
    },
  });
  const page = openPageAt(PAGE);
  await settle();
  await emit(page, '.sheet__department', 'change', { value: 0 });
  await settle();
  return { page, callFunction };
}

beforeEach(() => {
  setNow('2026-11-30T04:00:00Z');
  stubWx('showToast');
});

afterEach(() => {
  restoreWx();
  restoreClock();
});

describe('出勤录入 (seeds/004 五、1: 根据个人的月度出勤自动录入固定积分)', () => {
  it('offers the current month and the five before it, the last ended one first chosen, and the departments', async () => {
    const callFunction = stubApi({ 'members.list': ok(directory([])) });
    const page = openPageAt(PAGE);
    await settle();

    expect(eventsOf(callFunction).map((e) => e.action)).toEqual(['members.list']);
    expect(monthChoicesOf('2026-11-30').map((m) => m.label)).toEqual(['2026年11月（本月）', '2026年10月', '2026年9月', '2026年8月', '2026年7月', '2026年6月']);
    expect(textOf(page, '.sheet__month')).toContain('2026年10月');
    expect(page.instance.data.departments.map((d: { name: string }) => d.name)).toEqual(['综采一队', '机电科', '公司机关']);
    expect(textOf(page, '.sheet__department')).toContain('请选择部门');
  });

  it('lists a department with each person’s monthly 固定积分, credits an ended month at once and says how much', async () => {
    const people = [worker('m-wang', '王建国', 8, { education: 'bachelor', title: 'middle' }), worker('m-li', '李志强')];
    const { page, callFunction } = await openDepartment(people, ({ rows }) =>
      ok({ attendance: rows.map((r) => anAttendance(r.memberId, r.days, { credited: r.memberId === 'm-wang' ? 7.5 : 0 })), entries: [entryOf('m-wang', 7.5)] }),
    );
    expect(textsOf(page, '.row__name')).toEqual(['王建国', '李志强']);
    expect(textsOf(page, '.row__rate')).toEqual(['每月 8 分', '未设固定积分']);

    await typeInto(page, '.sheet__workdays', '26');
    await typeInto(page, '.row__days', '24.5');
    await tap(page, '.actions__save');
    await settle();

    expect(records(callFunction)).toEqual([{ month: '2026-10', workdays: 26, rows: [{ memberId: 'm-wang', days: 24.5 }, { memberId: 'm-li', days: 26 }] }]);
    // The page reads back what is stored.
    expect(eventsOf(callFunction).map((e) => e.action).slice(-2)).toEqual(['admin.attendance.record', 'admin.attendance.get']);
    expect(textsOf(page, '.row__rate')).toEqual(['每月 8 分', '未设固定积分']);
    expect(textsOf(page, '.row__outcome')).toEqual(['24.5/26 天，已计入 7.5 分', '26/26 天，已计入 0 分']);
    expect(textsOf(page, '.row__mark')).toEqual(['已记录', '已记录']);
    expect(textOf(page, '.actions__saved')).toBe('已保存2026年10月 2 人的出勤，计入固定积分 1 笔共 7.5 分');
  });

  it('keeps the current month for the monthly job and says so', async () => {
    const { page, callFunction } = await openDepartment([worker('m-wang', '王建国')], ({ month, workdays, rows }) =>
      ok({ attendance: rows.map((r) => anAttendance(r.memberId, r.days, { month, workdays, pending: true, rate: null, credited: null })), entries: [] }),
    );
    await emit(page, '.sheet__month', 'change', { value: 0 });
    await settle();
    expect(textOf(page, '.sheet__caption')).toContain('待月末由每月任务计入固定积分');
    await typeInto(page, '.sheet__workdays', '22');
    await tap(page, '.actions__save');
    await settle();

    expect(records(callFunction)[0]).toMatchObject({ month: '2026-11', workdays: 22 });
    expect(textsOf(page, '.row__outcome')).toEqual(['22/22 天，月末计入']);
    expect(textOf(page, '.actions__saved')).toBe('已保存2026年11月 1 人的出勤；本月结束后，每月任务按出勤计入固定积分');
  });

  it('asks for 应出勤天数 before sending anything', async () => {
    const { page, callFunction } = await openDepartment([worker('m-wang', '王建国')], () => ok({ attendance: [], entries: [] }));
    await tap(page, '.actions__save');
    expect(textOf(page, '.actions__error')).toBe('应出勤天数应为 1 到 31 的整数');
    await typeInto(page, '.sheet__workdays', '32');
    await tap(page, '.actions__save');
    expect(textOf(page, '.actions__error')).toBe('应出勤天数应为 1 到 31 的整数');
    expect(records(callFunction)).toEqual([]);
  });

  it('shows the server’s refusal of bad rows, each named by line and person', async () => {
    const { page } = await openDepartment([worker('m-wang', '王建国'), worker('m-li', '李志强')], () =>
      fail('INVALID_INPUT', '第 2 行：出勤天数应为 0 到 26（应出勤天数）之间，可以是半天'),
    );
    await typeInto(page, '.sheet__workdays', '26');
    await tap(page, '.actions__save');
    await settle();
    expect(textOf(page, '.actions__error')).toBe('第 2 行（李志强）：出勤天数应为 0 到 26（应出勤天数）之间，可以是半天');
    expect(textOf(page, '.actions__saved')).toBeNull();
  });

  it('sends a department of 150 in two sheets, and names a bad row of the second by its line on the page', async () => {
    const people = Array.from({ length: 150 }, (_, i) => worker(`m-${i + 1}`, `员工${i + 1}`));
    const { page, callFunction } = await openDepartment(people, ({ rows }) =>
      rows[0].memberId === 'm-101' ? fail('INVALID_INPUT', '第 3 行：李四已离职') : ok({ attendance: rows.map((r) => anAttendance(r.memberId, r.days)), entries: [] }),
    );
    await typeInto(page, '.sheet__workdays', '26');
    await tap(page, '.actions__save');
    await settle();

    expect(records(callFunction).map((r) => r.rows.length)).toEqual([100, 50]);
    expect(textOf(page, '.actions__error')).toBe('第 103 行（员工103）：李四已离职（前 100 行已保存）');
  });

  it('asks for the organisation’s own people as the root, and reads every page of a large department', async () => {
    const callFunction = stubApi({
      'members.list': ok(directory([])),
      'admin.attendance.get': ({ cursor }) =>
        cursor ? ok(anAttendanceSheet([worker('m-hr2', '人事乙')], { unitId: 'root', unitName: '公司机关' })) : ok(anAttendanceSheet([worker('m-hr1', '人事甲')], { unitId: 'root', unitName: '公司机关', cursor: '500' })),
    });
    const page = openPageAt(PAGE);
    await settle();
    await emit(page, '.sheet__department', 'change', { value: 2 });
    await settle();
    expect(textsOf(page, '.row__name')).toEqual(['人事甲', '人事乙']);
    expect(eventsOf(callFunction).map((e) => e.payload)).toEqual([
      { status: 'active', limit: 1 },
      { month: '2026-10', unitId: 'root' },
      { month: '2026-10', unitId: 'root', cursor: '500' },
    ]);
  });

  it('says so on a template without 固定积分, and shows a refusal to load', async () => {
    stubApi({ 'members.list': ok(directory([], null, jingmenTerms())) });
    const none = openPageAt(PAGE);
    await settle();
    expect(textOf(none, '.state')).toContain('本方案没有固定积分');

    stubApi({ 'members.list': fail('FORBIDDEN', '只有领导小组成员和秘书处可以查看员工名录') });
    const refused = openPageAt(PAGE);
    await settle();
    expect(textOf(refused, '.state')).toContain('只有领导小组成员和秘书处可以查看员工名录');
  });
});

describe('a person’s 固定积分 attributes, from their name on 出勤录入', () => {
  it('shows each value with its monthly points and the month they give, and saves them', async () => {
    const { page } = await openDepartment([worker('m-wang', '王建国', 4, { education: 'bachelor' })], () => ok({ attendance: [], entries: [] }));
    const setter = stubApi({
      'admin.attributes.set': ({ rows }) => ok({ updated: 1, members: [{ memberId: rows[0].memberId, name: '王建国', attributes: rows[0].attributes, monthly: 8 }] }),
    });
    await tap(page, '.row__who');
    const sheet = ['.attributes-sheet'];
    expect(textOf(page, [...sheet, '.attributes__title'])).toBe('王建国的固定积分');
    expect(textOf(page, [...sheet, '.attributes__monthly'])).toBe('按以上各项，满勤每月 4 分');

    // 职务 副科级 (4 分): the third attribute's third value.
    page.querySelector('.attributes-sheet')!.querySelectorAll('.attributes__field')[2].dispatchEvent('change', { detail: { value: 2 } });
    await settle();
    expect(textOf(page, [...sheet, '.attributes__monthly'])).toBe('按以上各项，满勤每月 8 分');
    await tap(page, [...sheet, '.attributes__save']);
    await settle();

    expect(eventsOf(setter).map((e) => e.payload)).toEqual([{ rows: [{ memberId: 'm-wang', attributes: { education: 'bachelor', post: 'deputy' } }] }]);
    expect(textsOf(page, '.row__rate')).toEqual(['每月 8 分']);
    expect(page.instance.data.editing.visible).toBe(false);
  });

  it('shows the server’s refusal in the sheet and keeps it open', async () => {
    const { page } = await openDepartment([worker('m-wang', '王建国')], () => ok({ attendance: [], entries: [] }));
    stubApi({ 'admin.attributes.set': fail('INVALID_INPUT', '第 1 行：王建国已离职') });
    await tap(page, '.row__who');
    await tap(page, ['.attributes-sheet', '.attributes__save']);
    await settle();
    expect(textOf(page, ['.attributes-sheet', '.attributes__error'])).toBe('第 1 行：王建国已离职');
    expect(page.instance.data.editing.visible).toBe(true);
  });
});

describe('the sheets 出勤录入 sends', () => {
  const rows: AttendanceRow[] = [1, 2, 3].map((line) => ({ memberId: `m-${line}`, line, name: `员工${line}`, rateText: '', days: line === 2 ? '20' : '', recorded: false, outcome: '' }));

  it('sends a blank as every required day', () => {
    expect(sheetsOf(rows, 22)).toEqual([{ first: 1, rows: [{ memberId: 'm-1', days: 22 }, { memberId: 'm-2', days: 20 }, { memberId: 'm-3', days: 22 }] }]);
  });

  it('renumbers every row the server names', () => {
    expect(rowErrorOf('第 1 行：甲；第 2 行：乙', 2, rows)).toBe('第 2 行（员工2）：甲；第 3 行（员工3）：乙');
  });
});

describe('人力资源部’s way in from 管理', () => {
  it('shows 出勤录入 and 零分负分名单 on a template with 固定积分, and opens them', async () => {
    const navigate = stubWx('navigateTo');
    stubApi({ 'members.list': ok(directory([member('m-wang', '王建国')])) });
    const page = openPageAt('pages/admin/index');
    await settle();
    await settle();

    expect(textOf(page, '.hr__attendance')).toBe('出勤录入');
    expect(textOf(page, '.hr__negatives')).toBe('零分负分名单');
    await tap(page, '.hr__negatives');
    expect(navigate.mock.calls.map((c) => (c[0] as { url: string }).url)).toEqual(['/pages/negatives/index']);
  });

  it('says under 导出 that the Excel carries the 薪酬积分 sheet for payroll (六、1、2)', async () => {
    stubApi({ 'members.list': ok(directory([member('m-wang', '王建国')])) });
    const page = openPageAt('pages/admin/index');
    await settle();
    await settle();
    expect(textOf(page, ['#export', '.export__payroll'])).toBe('导出的 Excel 另有“薪酬积分”表：每人所在月、季、年度及累计积分，供核算奖金、福利（六、1、2）。');
  });

  it('shows neither on a template without 固定积分', async () => {
    stubApi({ 'members.list': ok(directory([member('m-wang', '王建国')], null, jingmenTerms())) });
    const page = openPageAt('pages/admin/index');
    await settle();
    await settle();
    expect(textOf(page, ['#members', '.member'])).toContain('王建国');
    expect(textOf(page, '.hr__attendance')).toBeNull();
    expect(textOf(page, ['#export', '.export__payroll'])).toBeNull();
  });
});
