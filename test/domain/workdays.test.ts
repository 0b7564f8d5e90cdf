import { CHINA_WORKING_DAYS } from '../../domain/calendars/china';
import { isWorkingDay, knowsYear, nthWorkingDayAfter } from '../../domain/workdays';

describe('the China working-day calendar', () => {
  it('counts Monday to Friday as working days and weekends as rest', () => {
    expect(isWorkingDay('2026-11-30', CHINA_WORKING_DAYS)).toBe(true); // Monday
    expect(isWorkingDay('2026-11-28', CHINA_WORKING_DAYS)).toBe(false); // Saturday
    expect(isWorkingDay('2026-11-29', CHINA_WORKING_DAYS)).toBe(false); // Sunday
  });

  it('rests on the published public holidays and works on the weekend days made working days (调休)', () => {
    expect(isWorkingDay('2026-10-01', CHINA_WORKING_DAYS)).toBe(false); // 国庆节, a Thursday
    expect(isWorkingDay('2025-01-28', CHINA_WORKING_DAYS)).toBe(false); // 春节 eve, a Tuesday
    expect(isWorkingDay('2025-01-26', CHINA_WORKING_DAYS)).toBe(true); // a Sunday made a working day
    expect(isWorkingDay('2026-10-10', CHINA_WORKING_DAYS)).toBe(true); // a Saturday made a working day
  });

  it('holds every year from 2004 to 2026', () => {
    for (let year = 2004; year <= 2026; year++) expect(knowsYear(`${year}-06-01`, CHINA_WORKING_DAYS)).toBe(true);
  });
});

describe('the nth working day after a publication (公示 5 个工作日, not counting the day of publication)', () => {
  it('ends a window published on a Monday on the next Monday', () => {
    expect(nthWorkingDayAfter('2026-11-30', 5, CHINA_WORKING_DAYS)).toBe('2026-12-07');
  });

  it('skips a weekend: published on a Friday, it ends on the next Friday', () => {
    expect(nthWorkingDayAfter('2026-12-04', 5, CHINA_WORKING_DAYS)).toBe('2026-12-11');
  });

  it('skips the National Day holiday and counts its 调休 Saturday', () => {
    // 2026-09-30 (Wed) → 10-01..10-07 rest, 10-08 Thu, 10-09 Fri, 10-10 Sat (worked), 10-12 Mon, 10-13 Tue.
    expect(nthWorkingDayAfter('2026-09-30', 5, CHINA_WORKING_DAYS)).toBe('2026-10-13');
  });

  it('counts a publication made on a rest day from the next working day', () => {
    expect(nthWorkingDayAfter('2026-11-29', 1, CHINA_WORKING_DAYS)).toBe('2026-11-30');
  });
});
