/**
 * The enterprise template's pure rules (seeds/004 第一篇): 固定积分 from attributes and attendance
 * (五、1), proposals beyond a limit routed to the first level that covers them (三、2), and the
 * month-end list with its one reprieve (六、4).
 */
import type { Attendance, Reprieve } from '../../typings/models';
import { DomainError } from '../../domain/errors';
import { assertMonthBegun, creditAttendance, monthlyRate, parseAttributes, pointsForAttendance, recordedWorkdays } from '../../domain/fixed-points';
import { coveringStart } from '../../domain/routing';
import { parseScheme } from '../../domain/scheme';
import { ENTERPRISE_SCHEME } from '../../domain/schemes';
import { monthEndKeys, monthEndTotals, reprieveRefusal } from '../../domain/separation';

const FIXED = ENTERPRISE_SCHEME.fixedPoints!;
const ORDER = ENTERPRISE_SCHEME.review.escalation;

const attendance = (over: Partial<Attendance> = {}): Attendance => ({
  _id: 'm1:2026-10',
  memberId: 'm1',
  month: '2026-10',
  days: 22,
  workdays: 22,
  revision: 1,
  pending: true,
  rate: null,
  credited: null,
  recordedBy: 'hr',
  recordedAt: '2026-11-02T02:00:00.000Z',
  ...over,
});

describe('固定积分 (五、1)', () => {
  it('reads attribute values by id or by name, and sums the table for a month', () => {
    const attributes = parseAttributes({ 学历: '本科', title: 'middle', 职务: '班组长', 技能: '技师', 工龄: '20年以上', 特长: '' }, FIXED);
    expect(attributes).toEqual({ education: 'bachelor', title: 'middle', post: 'team', skill: 'technician', seniority: 'from20' });
    expect(monthlyRate(attributes, FIXED)).toBe(4 + 4 + 2 + 4 + 4);
    expect(monthlyRate(undefined, FIXED)).toBe(0);
  });

  it('names the attribute and its values when a value is unknown', () => {
    expect(() => parseAttributes({ 职称: '特级' }, FIXED)).toThrow('职称“特级”无效，应为 无、初级、中级、高级');
  });

  it('credits a month in proportion to the days worked, never beyond the whole month', () => {
    expect(pointsForAttendance(15, 11, 22)).toBe(7.5);
    expect(pointsForAttendance(15, 21.5, 22)).toBe(14.66);
    expect(pointsForAttendance(15, 23, 22)).toBe(15);
  });

  it('credits a correction by the difference at the rate the month was first credited with', () => {
    const first = creditAttendance(attendance(), { education: 'bachelor' }, FIXED);
    expect(first.entry).toMatchObject({ _id: 'fixed:m1:2026-10', points: 4 });
    // The person's attributes changed since; the month keeps its rate.
    const corrected = creditAttendance({ ...first.attendance, days: 11, revision: 2 }, { education: 'master' }, FIXED);
    expect(corrected.entry).toMatchObject({ _id: 'fixed:m1:2026-10:r2', points: -2 });
    expect(corrected.attendance).toMatchObject({ credited: 2, rate: 4, pending: false });
    expect(creditAttendance(corrected.attendance, { education: 'master' }, FIXED).entry).toBeNull();
  });

  it('gives a department the 应出勤天数 of its latest recording, and none where nothing was recorded (E23)', () => {
    const earlier = attendance({ workdays: 22, recordedAt: '2026-11-02T02:00:00.000Z' });
    const later = attendance({ memberId: 'm2', workdays: 23, recordedAt: '2026-11-04T02:00:00.000Z' });
    expect(recordedWorkdays([later, earlier])).toBe(23);
    expect(recordedWorkdays([earlier, later])).toBe(23);
    expect(recordedWorkdays([])).toBeNull();
  });

  it('refuses to read or record a month not yet begun, naming what was asked', () => {
    const now = new Date('2026-11-30T04:00:00Z');
    expect(() => assertMonthBegun('2026-12', now, '查看')).toThrow('2026-12 尚未开始，不能查看出勤');
    expect(() => assertMonthBegun('2026-12', now, '录入')).toThrow('2026-12 尚未开始，不能录入出勤');
    expect(() => assertMonthBegun('2026-11', now, '查看')).not.toThrow();
  });
});

describe('分层分级授权 (三、2)', () => {
  it('starts at the usual level where its limit covers the points, else the first level up that does', () => {
    expect(coveringStart('dept_manager', ORDER, 8, ENTERPRISE_SCHEME)).toBe('dept_manager');
    expect(coveringStart('dept_manager', ORDER, 21, ENTERPRISE_SCHEME)).toBe('general_manager');
    expect(coveringStart('dept_manager', ORDER, 150, ENTERPRISE_SCHEME)).toBe('chairman');
    expect(() => coveringStart('dept_manager', ORDER, 201, ENTERPRISE_SCHEME)).toThrow('本次201分超出所有领导的权限，请提交经理办公会研究');
  });
});

describe('零分、负分名单 (六、4)', () => {
  it('takes the months after the listed one off the all-time total', () => {
    const keys = monthEndKeys('2026-09', new Date('2026-11-05T04:00:00Z'));
    expect(keys).toEqual({ all: 'all', later: ['m:2026-10', 'm:2026-11'] });
    const totals = monthEndTotals(
      [
        { memberId: 'a', key: 'all', total: 10 },
        { memberId: 'a', key: 'm:2026-10', total: 12 },
        { memberId: 'a', key: 'm:2026-11', total: -1 },
        { memberId: 'b', key: 'all', total: 4 },
      ],
      keys,
    );
    expect(Object.fromEntries(totals)).toEqual({ a: -1, b: 4 });
  });

  it('gives one reprieve to someone listed, and refuses a second or someone above the line', () => {
    const def = ENTERPRISE_SCHEME.separation!;
    expect(reprieveRefusal('刘矿工', '2026-10', -3, [], def)).toBeNull();
    const given = [{ _id: 'm2:1', month: '2026-08' } as Reprieve];
    expect(reprieveRefusal('刘矿工', '2026-10', 0, given, def)).toEqual(new DomainError('CONFLICT', '刘矿工已于 2026-08 用过一次不离职的机会（六、4），不能再次申请'));
    expect(reprieveRefusal('陈矿工', '2026-10', 0.5, [], def)?.code).toBe('INVALID_INPUT');
  });
});

it('is a valid scheme as written', () => {
  expect(parseScheme(structuredClone(ENTERPRISE_SCHEME))).toEqual(ENTERPRISE_SCHEME);
});

it('gives the first credit of a month its own id even after changes before it', () => {
  expect(creditAttendance(attendance({ revision: 3 }), { education: 'middle' }, FIXED).entry).toMatchObject({ _id: 'fixed:m1:2026-10', points: 1 });
});

it('refuses a fixed-points table whose item is missing or could be reported by hand, or with a value named twice', () => {
  const variant = structuredClone(ENTERPRISE_SCHEME);
  variant.fixedPoints!.item = 'fixed.none';
  expect(() => parseScheme(variant)).toThrow('固定积分项目 fixed.none 不在项目表中');
  const claimable = structuredClone(ENTERPRISE_SCHEME);
  claimable.items.find((i) => i.id === 'fixed.monthly')!.claimable = true;
  expect(() => parseScheme(claimable)).toThrow('固定积分项目 fixed.monthly 须为不可申报的自定分值项目');
  const twice = structuredClone(ENTERPRISE_SCHEME);
  twice.fixedPoints!.attributes[0].values.push({ id: 'bachelor', name: '学士', points: 4 });
  expect(() => parseScheme(twice)).toThrow('学历的取值 id 重复: bachelor');
});
