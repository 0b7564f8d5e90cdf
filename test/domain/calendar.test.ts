import { periodEnded, periodKeyOf, periodRange, tallyKeysOf, assertPeriodKey, type CalendarDef } from '../../domain/calendar';

const permanent: CalendarDef = { cycle: { kind: 'permanent' }, periods: ['month', 'year', 'all'] };
const calendarYear: CalendarDef = { cycle: { kind: 'annual', startMonth: 1 }, periods: ['month', 'quarter', 'year', 'cycle'] };
const fromJuly: CalendarDef = { cycle: { kind: 'annual', startMonth: 7 }, periods: ['quarter', 'cycle'] };

describe('period keys', () => {
  it('keys a day by month, quarter, half, year and cycle', () => {
    expect(periodKeyOf('month', '2026-08-15', calendarYear)).toBe('2026-08');
    expect(periodKeyOf('quarter', '2026-08-15', calendarYear)).toBe('2026-Q3');
    expect(periodKeyOf('half', '2026-06-30', calendarYear)).toBe('2026-H1');
    expect(periodKeyOf('half', '2026-07-01', calendarYear)).toBe('2026-H2');
    expect(periodKeyOf('cycle', '2026-08-15', calendarYear)).toBe('2026');
  });

  it('keys a 七一 cycle by the year it starts in', () => {
    expect(periodKeyOf('cycle', '2026-06-30', fromJuly)).toBe('2025');
    expect(periodKeyOf('cycle', '2026-07-01', fromJuly)).toBe('2026');
    expect(periodRange('cycle', '2026', fromJuly)).toEqual({ from: '2026-07-01', to: '2027-06-30' });
  });

  it('makes a permanent template\'s cycle all time', () => {
    expect(periodKeyOf('cycle', '2026-08-15', permanent)).toBe('all');
  });

  it('lists the tallies an entry touches: all time, and every period the calendar keeps', () => {
    expect(tallyKeysOf('2026-08-15', permanent)).toEqual(['all', 'y:2026', 'm:2026-08']);
    expect(tallyKeysOf('2026-08-15', calendarYear)).toEqual(['all', 'c:2026', 'y:2026', 'q:2026-Q3', 'm:2026-08']);
  });

  it('gives each period its first and last day, February of a leap year included', () => {
    expect(periodRange('month', '2028-02', calendarYear)).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(periodRange('quarter', '2026-Q4', calendarYear)).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(periodRange('half', '2026-H1', calendarYear)).toEqual({ from: '2026-01-01', to: '2026-06-30' });
  });

  it('says a period has ended only once its last day is over in Shanghai', () => {
    expect(periodEnded('quarter', '2026-Q4', new Date('2026-12-31T15:59:59Z'), calendarYear)).toBe(false);
    expect(periodEnded('quarter', '2026-Q4', new Date('2026-12-31T16:00:00Z'), calendarYear)).toBe(true);
  });

  it('refuses a key of the wrong form, naming the form', () => {
    expect(() => assertPeriodKey('quarter', '2026-3')).toThrow('季度无效：2026-3（应为 YYYY-Qn）');
    expect(() => assertPeriodKey('month', '2026-13')).toThrow('月份无效：2026-13（应为 YYYY-MM）');
  });
});
