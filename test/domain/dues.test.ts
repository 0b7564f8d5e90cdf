import { assertPaidOn, duesCoverage, duesCovers, duesEntries, duesEntriesInMonth, duesEntriesThrough, type DuesPayment } from '../../domain/dues';
import { parseScheme } from '../../domain/scheme';
import { JINGMEN_SCHEME as scheme } from '../../domain/schemes/jingmen';
import { expectDomainError } from './builders';

const payment = (overrides: Partial<DuesPayment> = {}): DuesPayment => ({
  _id: 'd1',
  paidOn: '2026-01-20',
  years: 1,
  tier: 'member',
  ...overrides,
});
const sum = (entries: { points: number }[]) => entries.reduce((total, e) => total + e.points, 0);

describe('position points from a dues record (第五条)', () => {
  it('credits a 5-year director payment made two months ago with 200 + 50 + 3 × 20 at once', () => {
    const entries = duesEntriesThrough(payment({ years: 5, tier: 'director' }), '2026-03', scheme);
    expect(entries).toEqual([
      { key: 'd1:annual:2026-01', itemId: 'position.annual', points: 200, occurredOn: '2026-01-20', month: '2026-01' },
      { key: 'd1:term_bonus', itemId: 'position.term_bonus', points: 50, occurredOn: '2026-01-20', month: '2026-01' },
      { key: 'd1:monthly:2026-01', itemId: 'position.monthly', points: 20, occurredOn: '2026-01-20', month: '2026-01' },
      { key: 'd1:monthly:2026-02', itemId: 'position.monthly', points: 20, occurredOn: '2026-02-01', month: '2026-02' },
      { key: 'd1:monthly:2026-03', itemId: 'position.monthly', points: 20, occurredOn: '2026-03-01', month: '2026-03' },
    ]);
    expect(sum(entries)).toBe(310);
  });

  it('credits a one-year member payment 100 once and 10 for each of 12 months, without a term bonus', () => {
    const entries = duesEntries(payment(), scheme);
    expect(entries.filter((e) => e.itemId === 'position.annual')).toHaveLength(1);
    expect(entries.filter((e) => e.itemId === 'position.monthly')).toHaveLength(12);
    expect(entries.some((e) => e.itemId === 'position.term_bonus')).toBe(false);
    expect(sum(entries)).toBe(100 + 12 * 10);
  });

  it('credits a 5-year council term 300 at the start of each dues-year, 30 a month for 60 months, and 50 once', () => {
    const entries = duesEntries(payment({ years: 5, tier: 'council' }), scheme);
    expect(entries.filter((e) => e.itemId === 'position.annual').map((e) => [e.month, e.occurredOn])).toEqual([
      ['2026-01', '2026-01-20'],
      ['2027-01', '2027-01-01'],
      ['2028-01', '2028-01-01'],
      ['2029-01', '2029-01-01'],
      ['2030-01', '2030-01-01'],
    ]);
    expect(entries.filter((e) => e.itemId === 'position.monthly')).toHaveLength(60);
    expect(sum(entries)).toBe(5 * 300 + 60 * 30 + 50);
  });

  it('gives the monthly job exactly one month: the start of dues-year 2 brings the annual points', () => {
    const entries = duesEntriesInMonth(payment({ years: 5, tier: 'director' }), '2027-01', scheme);
    expect(entries.map((e) => [e.key, e.points])).toEqual([
      ['d1:annual:2027-01', 200],
      ['d1:monthly:2027-01', 20],
    ]);
    expect(duesEntriesInMonth(payment(), '2027-01', scheme)).toEqual([]);
  });

  it('produces the same key for a month whether recording or the monthly job credits it', () => {
    const dues = payment({ years: 5 });
    const recorded = duesEntriesThrough(dues, '2026-03', scheme);
    const job = duesEntriesInMonth(dues, '2026-03', scheme);
    expect(recorded.filter((e) => e.month === '2026-03')).toEqual(job);
    expect(new Set(recorded.map((e) => e.key)).size).toBe(recorded.length);
  });

  it('credits nothing before the payment month', () => {
    expect(duesEntriesThrough(payment(), '2025-12', scheme)).toEqual([]);
  });

  it('records the months covered', () => {
    expect(duesCoverage('2026-01-20', 5)).toEqual({ fromMonth: '2026-01', toMonth: '2030-12' });
    expect(duesCovers(payment(), '2026-12')).toBe(true);
    expect(duesCovers(payment(), '2027-01')).toBe(false);
  });

  it('takes its numbers from the scheme', () => {
    const cheaper = parseScheme({
      ...structuredClone(scheme),
      dues: { ...structuredClone(scheme.dues), monthly: { member: 1, director: 2, council: 3 } },
    });
    expect(duesEntriesInMonth(payment(), '2026-02', cheaper)[0].points).toBe(1);
  });

  it('refuses a payer without a tier, a scheme without dues and a bad date', () => {
    expectDomainError(() => duesEntries({ ...payment(), tier: null as never }, scheme), 'INVALID_INPUT', /会费档次/);
    const noDues = parseScheme({ ...structuredClone(scheme), dues: undefined, items: scheme.items.filter((i) => i.kind !== 'dues') });
    expectDomainError(() => duesEntries(payment(), noDues), 'FORBIDDEN');
    expectDomainError(() => duesEntries(payment({ paidOn: '2026-02-30' }), scheme), 'INVALID_INPUT');
  });

  it('refuses a payment dated after today in Shanghai', () => {
    const now = new Date('2026-03-31T16:10:00Z'); // 1 April in Shanghai
    expect(() => assertPaidOn('2026-04-01', now)).not.toThrow();
    expectDomainError(() => assertPaidOn('2026-04-02', now), 'INVALID_INPUT', '缴费日期不能晚于今天');
  });
});
