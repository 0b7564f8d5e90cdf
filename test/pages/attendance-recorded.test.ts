/**
 * 出勤录入 shows what was recorded before (admin.attendance.get; seeds/004 五、1, docs/rules.md E23):
 * choosing a month and a department fills the boxes with the days recorded, the 应出勤天数 as
 * recorded, each row marked 已记录 with its points or 未记录; an answer for a month or department
 * no longer chosen is never shown.
 */
import type { ApiEvent, ApiResult, AttendanceSheetRow, DataOf, PayloadOf, SchemeTerms } from '../../typings/api';
import { schemeTerms } from '../../domain/glossary';
import { ENTERPRISE_SCHEME } from '../../domain/schemes/enterprise';
import { eventsOf, fail, ok, stubApi, stubCallFunction } from './support/cloud';
import { restoreClock, setNow } from './support/clock';
import { emit, settle, tap, textOf, textsOf, typeInto } from './support/load';
import { openPageAt } from './support/page';
import { anAttendanceSheet, aSheetRow } from './support/records';
import { restoreWx, stubWx } from './support/wx';

const PAGE = 'pages/attendance/index';
const terms: SchemeTerms = schemeTerms(ENTERPRISE_SCHEME);
const DIRECTORY: DataOf<'members.list'> = { members: [], branches: [{ _id: 'd-zc1', name: '综采一队' }, { _id: 'd-jd', name: '机电科' }], cursor: null, terms };
/** The month picker's choices on 2026-11-30: 0 is November (本月), 1 October, 2 September, 3 August. */
const SEPTEMBER = 2;
const AUGUST = 3;

type Recorded = NonNullable<AttendanceSheetRow['recorded']>;
const recorded = (days: number, workdays: number, overrides: Partial<Recorded> = {}): Recorded => ({ days, workdays, pending: false, credited: 0, recordedAt: '2026-11-02T02:00:00Z', ...overrides });

const OCTOBER = anAttendanceSheet([
  aSheetRow({ memberId: 'm-wang', name: '王建国', monthly: 15, recorded: recorded(20, 22, { credited: 13.64 }) }),
  aSheetRow({ memberId: 'm-li', name: '李志强', monthly: 2, recorded: recorded(22, 22, { pending: true, credited: null }) }),
  aSheetRow({ memberId: 'm-zhang', name: '张三', monthly: 2 }),
]);

/** Opens the page with admin.attendance.get answered by `answer`, which may hold its answer back. */
function openWith(answer: (payload: PayloadOf<'admin.attendance.get'>) => ApiResult<DataOf<'admin.attendance.get'>> | Promise<ApiResult<DataOf<'admin.attendance.get'>>>) {
  const callFunction = stubCallFunction(async ({ data }) => {
    const { action, payload } = data as ApiEvent;
    if (action === 'members.list') return { result: ok(DIRECTORY), errMsg: 'cloud.callFunction:ok' };
    if (action !== 'admin.attendance.get') throw new Error(`no stub for action ${action}`);
    return { result: await answer(payload as PayloadOf<'admin.attendance.get'>), errMsg: 'cloud.callFunction:ok' };
  });
  return { page: openPageAt(PAGE), callFunction };
}

/** An answer held back until the test lets it go. */
function held() {
  let release: (result: ApiResult<DataOf<'admin.attendance.get'>>) => void = () => undefined;
  const promise = new Promise<ApiResult<DataOf<'admin.attendance.get'>>>((resolve) => (release = resolve));
  return { promise, release };
}

const daysIn = (page: ReturnType<typeof openPageAt>): string[] => page.instance.data.rows.map((r: { days: string }) => r.days);

beforeEach(() => {
  setNow('2026-11-30T04:00:00Z');
  stubWx('showToast');
});

afterEach(() => {
  restoreWx();
  restoreClock();
});

describe('出勤录入 reopened on a month already recorded', () => {
  it('fills the boxes with the days recorded, shows 应出勤天数 as recorded and marks each row with what it earned', async () => {
    const { page } = openWith(() => ok(OCTOBER));
    await settle();
    await emit(page, '.sheet__department', 'change', { value: 0 });
    await settle();

    expect(daysIn(page)).toEqual(['20', '22', '']);
    expect(page.instance.data.workdays).toBe('22');
    expect(textOf(page, '.sheet__recorded')).toBe('综采一队2026年10月已记录 2/3 人，应出勤天数按记录为 22 天');
    expect(textsOf(page, '.row__mark')).toEqual(['已记录', '已记录', '未记录']);
    // October has ended: 李志强's record waits for the monthly job, which credits it on its next run.
    expect(textsOf(page, '.row__outcome')).toEqual(['20/22 天，已计入 13.64 分', '22/22 天，待每月任务计入']);
    expect(textsOf(page, '.row__rate')).toEqual(['每月 15 分', '每月 2 分', '每月 2 分']);
  });

  it('saves the recorded days as they are and a blank as every required day', async () => {
    const { page } = openWith(() => ok(OCTOBER));
    await settle();
    await emit(page, '.sheet__department', 'change', { value: 0 });
    await settle();
    const recorder = stubApi({
      'admin.attendance.record': ok({ attendance: [], entries: [] }),
      'admin.attendance.get': ok(OCTOBER),
    });
    await tap(page, '.actions__save');
    await settle();
    const sent = eventsOf(recorder).filter((e) => e.action === 'admin.attendance.record').map((e) => e.payload);
    expect(sent).toEqual([{ month: '2026-10', workdays: 22, rows: [{ memberId: 'm-wang', days: 20 }, { memberId: 'm-li', days: 22 }, { memberId: 'm-zhang', days: 22 }] }]);
  });

  it('says when nothing was recorded, clears 应出勤天数 recorded for another month and keeps what HR typed', async () => {
    const { page } = openWith(({ month }) => ok(month === '2026-10' ? OCTOBER : anAttendanceSheet(OCTOBER.rows.map((r) => ({ ...r, recorded: null })), { month })));
    await settle();
    await emit(page, '.sheet__department', 'change', { value: 0 });
    await settle();
    expect(page.instance.data.workdays).toBe('22');

    await emit(page, '.sheet__month', 'change', { value: SEPTEMBER });
    await settle();
    expect(page.instance.data.workdays).toBe('');
    expect(daysIn(page)).toEqual(['', '', '']);
    expect(textsOf(page, '.row__mark')).toEqual(['未记录', '未记录', '未记录']);
    expect(textOf(page, '.sheet__recorded')).toBe('综采一队2026年9月尚未记录出勤');

    await typeInto(page, '.sheet__workdays', '21');
    await emit(page, '.sheet__month', 'change', { value: AUGUST });
    await settle();
    expect(page.instance.data.workdays).toBe('21');
  });

  it('never shows the answer for a month no longer chosen, however late it comes', async () => {
    const october = held();
    const { page, callFunction } = openWith(({ month }) => (month === '2026-10' ? october.promise : ok(anAttendanceSheet([aSheetRow({ name: '九月的人' })], { month }))));
    await settle();
    await emit(page, '.sheet__department', 'change', { value: 0 });
    await settle();
    await emit(page, '.sheet__month', 'change', { value: SEPTEMBER });
    await settle();
    october.release(ok(OCTOBER));
    await settle();

    expect(eventsOf(callFunction).filter((e) => e.action === 'admin.attendance.get').map((e) => (e.payload as { month: string }).month)).toEqual(['2026-10', '2026-09']);
    expect(textsOf(page, '.row__name')).toEqual(['九月的人']);
    expect(page.instance.data.workdays).toBe('');
  });

  it('never shows the answer for a department no longer chosen', async () => {
    const first = held();
    const { page } = openWith(({ unitId }) => (unitId === 'd-zc1' ? first.promise : ok(anAttendanceSheet([aSheetRow({ name: '周电工' })], { unitId, unitName: '机电科' }))));
    await settle();
    await emit(page, '.sheet__department', 'change', { value: 0 });
    await settle();
    await emit(page, '.sheet__department', 'change', { value: 1 });
    await settle();
    first.release(ok(OCTOBER));
    await settle();

    expect(textsOf(page, '.row__name')).toEqual(['周电工']);
    expect(textOf(page, '.sheet__recorded')).toBe('机电科2026年10月尚未记录出勤');
  });

  it('shows the server’s refusal to read a department, and reads it again on retry', async () => {
    let answers = 0;
    const { page } = openWith(() => (++answers === 1 ? fail('NOT_FOUND', '所选部门不存在，请重新选择部门') : ok(OCTOBER)));
    await settle();
    await emit(page, '.sheet__department', 'change', { value: 0 });
    await settle();
    expect(textOf(page, '.state')).toContain('所选部门不存在，请重新选择部门');
    expect(textsOf(page, '.row__name')).toEqual([]);

    await tap(page, ['.state', '.state-view__button']);
    await settle();
    expect(textsOf(page, '.row__name')).toEqual(['王建国', '李志强', '张三']);
  });
});
