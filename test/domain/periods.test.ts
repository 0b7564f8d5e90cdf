import {
  addMonths,
  assertCalendarDate,
  assertInClaimsWindow,
  currentMonthKey,
  currentYearKey,
  daysBetween,
  duesMonths,
  isCalendarDate,
  isMonthKey,
  monthKeyOf,
  monthsBetween,
  nextMonth,
  previousMonth,
  shanghaiDate,
  yearKeyOf,
} from '../../domain/periods';
import { expectDomainError } from './builders';

const at = (iso: string) => new Date(iso);

describe('today in Asia/Shanghai, though cloud functions run in UTC (SPEC §2)', () => {
  it.each([
    ['2026-01-31T16:30:00Z', '2026-02-01'],
    ['2026-01-31T15:59:59Z', '2026-01-31'],
    ['2026-01-31T16:00:00Z', '2026-02-01'],
    ['2025-12-31T16:00:00Z', '2026-01-01'],
    ['2025-12-31T15:59:59.999Z', '2025-12-31'],
    ['2024-02-28T16:00:00Z', '2024-02-29'],
  ])('%s is %s in Shanghai', (instant, date) => {
    expect(shanghaiDate(at(instant))).toBe(date);
  });

  it('puts 00:30 on New Year’s Day in Shanghai into the new month and year', () => {
    const now = at('2025-12-31T16:30:00Z');
    expect(currentMonthKey(now)).toBe('2026-01');
    expect(currentYearKey(now)).toBe('2026');
  });

  it('keeps 23:59 on New Year’s Eve in the old year', () => {
    const now = at('2025-12-31T15:59:00Z');
    expect(currentMonthKey(now)).toBe('2025-12');
    expect(currentYearKey(now)).toBe('2025');
  });
});

describe('calendar dates are strict', () => {
  it.each([['2026-02-28'], ['2024-02-29'], ['2000-02-29'], ['2026-12-31']])('%s is a date', (date) => {
    expect(isCalendarDate(date)).toBe(true);
  });

  it.each([['2026-02-30'], ['2025-02-29'], ['1900-02-29'], ['2026-04-31'], ['2026-13-01'], ['2026-00-10'], ['2026-1-5'], ['2026-01-05T00:00'], ['']])(
    '%p is not',
    (date) => {
      expect(isCalendarDate(date)).toBe(false);
      expectDomainError(() => assertCalendarDate(date), 'INVALID_INPUT', '日期无效');
    },
  );

  it('gives the month and year keys of a date', () => {
    expect(monthKeyOf('2026-02-01')).toBe('2026-02');
    expect(yearKeyOf('2026-02-01')).toBe('2026');
    expectDomainError(() => monthKeyOf('2026-02-30'), 'INVALID_INPUT');
  });

  it('checks month keys', () => {
    expect(isMonthKey('2026-12')).toBe(true);
    expect(isMonthKey('2026-13')).toBe(false);
    expect(isMonthKey('2026-1')).toBe(false);
  });
});

describe('month arithmetic', () => {
  it('crosses year ends both ways', () => {
    expect(previousMonth('2026-01')).toBe('2025-12');
    expect(nextMonth('2025-12')).toBe('2026-01');
    expect(addMonths('2026-03', 59)).toBe('2031-02');
    expect(addMonths('2026-03', -15)).toBe('2024-12');
    expect(monthsBetween('2025-11', '2026-02')).toBe(3);
  });

  it('refuses a bad month key', () => {
    expectDomainError(() => nextMonth('2026-13'), 'INVALID_INPUT', '月份无效');
  });

  it('counts days across a leap day', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2026-01-01', '2025-12-31')).toBe(-1);
  });

  it('lists the months a dues payment covers, from the payment month (第五条 2)', () => {
    expect(duesMonths('2026-03-15', 1)).toEqual([
      '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08',
      '2026-09', '2026-10', '2026-11', '2026-12', '2027-01', '2027-02',
    ]);
    const term = duesMonths('2026-03-15', 5);
    expect(term).toHaveLength(60);
    expect(term[59]).toBe('2031-02');
  });
});

describe('the claims window (SPEC §4, 90 days by default)', () => {
  // 00:10 on 1 April in Shanghai, still 31 March in UTC.
  const now = at('2026-03-31T16:10:00Z');

  it('accepts today in Shanghai, even where UTC is still yesterday', () => {
    expect(() => assertInClaimsWindow('2026-04-01', now, 90)).not.toThrow();
  });

  it('refuses tomorrow', () => {
    expectDomainError(() => assertInClaimsWindow('2026-04-02', now, 90), 'OUT_OF_WINDOW', '日期不能晚于今天');
  });

  it('accepts a deed exactly 90 days old and refuses one 91 days old', () => {
    expect(daysBetween('2026-01-01', '2026-04-01')).toBe(90);
    expect(() => assertInClaimsWindow('2026-01-01', now, 90)).not.toThrow();
    expectDomainError(() => assertInClaimsWindow('2025-12-31', now, 90), 'OUT_OF_WINDOW', '只能申报90天内的事项');
  });

  it('follows the configured window', () => {
    expectDomainError(() => assertInClaimsWindow('2026-03-01', now, 30), 'OUT_OF_WINDOW', '30天');
  });

  it('refuses an impossible date as invalid input, not as out of window', () => {
    expectDomainError(() => assertInClaimsWindow('2026-02-30', now, 90), 'INVALID_INPUT');
  });
});
