import { tallyKeysOf } from '../../domain/calendar';
import { boardPeriod as boardPeriodIn, inScope, newTally, rankingGroup, tallyAttributes, tallyId } from '../../domain/tally';
import { JINGMEN_SCHEME as scheme } from '../../domain/schemes/jingmen';
import type { Period } from '../../typings/api';

const tallyKeys = (date: string) => tallyKeysOf(date, scheme.calendar);
const boardPeriod = (period: Period, key: string | undefined, now: Date) => boardPeriodIn(period, key, now, scheme);
import { expectDomainError, member } from './builders';

describe('tally keys (SPEC §4 Ledger and tallies)', () => {
  it('adds an entry to all time, its year and its month', () => {
    expect(tallyKeys('2026-02-01').sort()).toEqual(['all', 'm:2026-02', 'y:2026']);
    expect(tallyKeys('2025-12-31').sort()).toEqual(['all', 'm:2025-12', 'y:2025']);
  });

  it('refuses an impossible date', () => {
    expectDomainError(() => tallyKeys('2026-02-30'), 'INVALID_INPUT');
  });

  it('names one document per member and key', () => {
    expect(tallyId('m7', 'm:2026-02')).toBe('m7:m:2026-02');
    expect(tallyId('m7', 'all')).toBe('m7:all');
  });
});

describe('the board asked for (第十六条 按月度、年度和累计积分进行排名)', () => {
  const newYear = new Date('2025-12-31T16:30:00Z'); // 00:30 on 1 January 2026 in Shanghai

  it('defaults to the current month and year in Shanghai', () => {
    expect(boardPeriod('month', undefined, newYear)).toEqual({ key: '2026-01', tallyKey: 'm:2026-01' });
    expect(boardPeriod('year', undefined, newYear)).toEqual({ key: '2026', tallyKey: 'y:2026' });
    expect(boardPeriod('all', undefined, newYear)).toEqual({ key: 'all', tallyKey: 'all' });
  });

  it('reads the key asked for', () => {
    expect(boardPeriod('month', '2025-11', newYear).tallyKey).toBe('m:2025-11');
    expect(boardPeriod('year', '2024', newYear).tallyKey).toBe('y:2024');
  });

  it('refuses a key of the wrong shape', () => {
    expectDomainError(() => boardPeriod('month', '2025', newYear), 'INVALID_INPUT', '月份无效');
    expectDomainError(() => boardPeriod('year', '2025-01', newYear), 'INVALID_INPUT', '年份无效');
  });
});

describe('what a tally carries for filtering (第十六条)', () => {
  it('ranks 会长会成员 as leaders, apart from members and directors (为会长和会员设立独立的排名)', () => {
    expect(rankingGroup(member({ tier: 'council' }), scheme)).toBe('leaders');
    expect(rankingGroup(member({ tier: 'director' }), scheme)).toBe('members');
    expect(rankingGroup(member({ tier: 'member' }), scheme)).toBe('members');
    expect(rankingGroup(member({ tier: null }), scheme)).toBe('members');
  });

  it('copies branch, tier, group, profession, social roles and status', () => {
    const lawyer = member({
      _id: 'm1',
      name: '张律师',
      branchId: 'east',
      branchName: '东区分会',
      tier: 'council',
      profession: '律师',
      socialRoles: ['政协委员'],
    });
    expect(tallyAttributes(lawyer, scheme)).toEqual({
      name: '张律师',
      branchId: 'east',
      branchName: '东区分会',
      category: 'council',
      group: 'leaders',
      profession: '律师',
      socialRoles: ['政协委员'],
      status: 'active',
    });
    expect(newTally(lawyer, 'y:2026', { total: 40 }, scheme)).toMatchObject({ _id: 'm1:y:2026', memberId: 'm1', key: 'y:2026', total: 40 });
  });

  it('puts a tally on the boards of its scope only, and members who left on none (第十七条)', () => {
    const tally = tallyAttributes(member({ branchId: 'east', tier: 'director', profession: '教师', socialRoles: ['人大代表'] }), scheme);
    expect(inScope(tally)).toBe(true);
    expect(inScope(tally, { branchId: 'east', group: 'members', tier: 'director', profession: '教师', socialRole: '人大代表' })).toBe(true);
    expect(inScope(tally, { branchId: 'west' })).toBe(false);
    expect(inScope(tally, { group: 'leaders' })).toBe(false);
    expect(inScope(tally, { tier: 'council' })).toBe(false);
    expect(inScope(tally, { profession: '律师' })).toBe(false);
    expect(inScope(tally, { socialRole: '政协委员' })).toBe(false);
    expect(inScope({ ...tally, status: 'left' })).toBe(false);
  });
});
