import { awardLines, linePoints } from '../../domain/points';
import { catalogItem } from '../../domain/scheme';
import { JINGMEN_SCHEME } from '../../domain/schemes/jingmen';
import type { CatalogItem } from '../../typings/models';
import { expectDomainError } from './builders';

const item = (id: string) => catalogItem(JINGMEN_SCHEME, id);
const worth = (id: string, input = {}, authority?: number) => linePoints(item(id), input, authority);

describe('fixed catalog points (第六条、第七条、第九条、第十条)', () => {
  const fixed: [string, number][] = [
    ['meeting.attend.city_uf', 40],
    ['meeting.attend.county_uf', 30],
    ['meeting.attend.association', 20],
    ['meeting.attend.branch', 10],
    ['meeting.speak.city_uf', 20],
    ['meeting.speak.county_uf', 15],
    ['meeting.speak.association', 10],
    ['meeting.speak.branch', 5],
    ['meeting.host.city_uf', 200],
    ['meeting.host.county_uf', 150],
    ['meeting.host.association', 100],
    ['meeting.host.branch', 50],
    ['activity.attend.city_uf', 40],
    ['activity.attend.county_uf', 30],
    ['activity.attend.association', 20],
    ['activity.attend.branch', 10],
    ['activity.host.city_uf', 200],
    ['activity.host.county_uf', 150],
    ['activity.host.association', 100],
    ['activity.host.branch', 50],
    ['outreach.suggestion', 2],
    ['honor.national', 50],
    ['honor.provincial', 30],
    ['honor.city', 20],
    ['honor.county', 10],
  ];

  it.each(fixed)('%s is worth %i and needs no authority', (id, points) => {
    expect(worth(id)).toEqual({ points, discretionary: 0 });
  });

  it('ignores points a client sends for a fixed item', () => {
    expect(worth('honor.national', { points: 500 })).toEqual({ points: 50, discretionary: 0 });
  });

  it('leaves a fixed item’s points to verification even where the approver’s authority is smaller (第十三条)', () => {
    expect(worth('meeting.host.city_uf', {}, 2)).toEqual({ points: 200, discretionary: 0 });
  });
});

describe('range items: the chosen value is discretionary (第七条、第八条、第九条, 第十三条)', () => {
  const ranges: [string, number, number][] = [
    ['activity.outstanding.city_uf', 1, 20],
    ['activity.outstanding.county_uf', 1, 15],
    ['activity.outstanding.association', 1, 10],
    ['activity.outstanding.branch', 1, 5],
    ['deed.unquantified', 1, 20],
    ['outreach.adopted', 5, 10],
  ];

  it.each(ranges)('%s accepts %i to %i', (id, min, max) => {
    expect(worth(id, { points: min })).toEqual({ points: min, discretionary: min });
    expect(worth(id, { points: max })).toEqual({ points: max, discretionary: max });
    expectDomainError(() => worth(id, { points: min - 1 }), 'INVALID_INPUT', `${min}–${max}分`);
    expectDomainError(() => worth(id, { points: max + 1 }), 'INVALID_INPUT', `${min}–${max}分`);
  });

  it('asks for a whole number of points', () => {
    expectDomainError(() => worth('deed.unquantified', {}), 'INVALID_INPUT', /请填写分值/);
    expectDomainError(() => worth('deed.unquantified', { points: 2.5 }), 'INVALID_INPUT');
    expectDomainError(() => worth('deed.unquantified', { points: Number.NaN }), 'INVALID_INPUT');
  });

  it('refuses a chosen value above the deciding authority', () => {
    expect(worth('deed.unquantified', { points: 5 }, 5).points).toBe(5);
    expectDomainError(() => worth('deed.unquantified', { points: 6 }, 5), 'OVER_AUTHORITY', /需要6分权限，您的权限为5分/);
  });
});

describe('deed.quantified: 1% of the value, rounded down, at most 100 per deed (第八条)', () => {
  const cases: [number, number][] = [
    [100, 1],
    [150, 1],
    [199.99, 1],
    [700, 7],
    [5700, 57],
    [9999, 99],
    [10000, 100],
    [250000, 100],
  ];

  it.each(cases)('a deed worth %d yuan earns %i points, set by the rulebook', (value, points) => {
    expect(worth('deed.quantified', { value })).toEqual({ points, discretionary: 0 });
  });

  it('does not lose a point to binary rounding (100 × 0.29 is 28.999… in floating point)', () => {
    const share: CatalogItem = { id: 'share', name: '分成', category: '其他', kind: 'value_share', rate: 0.29, cap: 1000, claimable: true };
    expect(linePoints(share, { value: 100 }).points).toBe(29);
  });

  it('refuses a value too small to earn a point, naming the least value', () => {
    expectDomainError(() => worth('deed.quantified', { value: 99 }), 'INVALID_INPUT', '价值不足100元，不能获得积分');
  });

  it.each([[undefined], [0], [-500], [Number.NaN], [Number.POSITIVE_INFINITY]])('refuses value %p', (value) => {
    expectDomainError(() => worth('deed.quantified', { value }), 'INVALID_INPUT', /请填写实事的价值/);
  });
});

describe('outreach.recruit: 20 per member introduced (第九条)', () => {
  it('multiplies by the count and needs no authority', () => {
    expect(worth('outreach.recruit', { count: 1 })).toEqual({ points: 20, discretionary: 0 });
    expect(worth('outreach.recruit', { count: 3 })).toEqual({ points: 60, discretionary: 0 });
  });

  it.each([[undefined], [0], [-1], [1.5]])('refuses count %p', (count) => {
    expectDomainError(() => worth('outreach.recruit', { count }), 'INVALID_INPUT', /请填写人数/);
  });
});

describe('other: 1 to the proposer’s authority (第十一条、第十三条)', () => {
  it('is discretionary in full', () => {
    expect(worth('other', { points: 2 }, 2)).toEqual({ points: 2, discretionary: 2 });
    expect(worth('other', { points: 10 }, 10)).toEqual({ points: 10, discretionary: 10 });
  });

  it('refuses 3 points from a 2-point director', () => {
    expectDomainError(() => worth('other', { points: 3 }, 2), 'OVER_AUTHORITY');
  });

  it('refuses zero or missing points', () => {
    expectDomainError(() => worth('other', { points: 0 }, 10), 'INVALID_INPUT', /不小于1的整数/);
    expectDomainError(() => worth('other', {}, 10), 'INVALID_INPUT');
  });
});

describe('deed.major: decided by a committee within its authority (第八条、第十三条)', () => {
  it('allows up to 200 from the 会长会 and 50 from a branch’s 会长会', () => {
    expect(worth('deed.major', { points: 200 }, 200)).toEqual({ points: 200, discretionary: 200 });
    expectDomainError(() => worth('deed.major', { points: 201 }, 200), 'OVER_AUTHORITY');
    expectDomainError(() => worth('deed.major', { points: 51 }, 50), 'OVER_AUTHORITY');
  });
});

describe('position points (第五条)', () => {
  it.each([['position.annual'], ['position.monthly'], ['position.term_bonus']])('%s cannot be claimed as a line', (id) => {
    expectDomainError(() => worth(id, { points: 10 }), 'FORBIDDEN', /会费记录/);
  });
});

describe('deductions of other schemes (seeds/004)', () => {
  it('enter as negative points, their magnitude being what authority covers', () => {
    const absent: CatalogItem = { id: 'absent', name: '缺席', category: '扣分', kind: 'range', range: [1, 5], claimable: false, deduction: true };
    expect(linePoints(absent, { points: 3 }, 5)).toEqual({ points: -3, discretionary: 3 });
  });
});

describe('collective events: one line per recipient, marks as separate lines (第六条、第十五条)', () => {
  const attend = item('meeting.attend.association');

  it('gives attendance to everyone and the speaker and host extras as their own lines', () => {
    const { lines, discretionary } = awardLines(
      attend,
      [{ memberId: 'a' }, { memberId: 'b', spoke: true }, { memberId: 'c', spoke: true, hosted: true }],
      JINGMEN_SCHEME,
    );
    expect(lines.map((l) => [l.memberId, l.itemId, l.points])).toEqual([
      ['a', 'meeting.attend.association', 20],
      ['b', 'meeting.attend.association', 20],
      ['b', 'meeting.speak.association', 10],
      ['c', 'meeting.attend.association', 20],
      ['c', 'meeting.speak.association', 10],
      ['c', 'meeting.host.association', 100],
    ]);
    expect(discretionary).toBe(0);
  });

  it('has no speaker extra for an activity', () => {
    expectDomainError(
      () => awardLines(item('activity.attend.branch'), [{ memberId: 'a', spoke: true }], JINGMEN_SCHEME),
      'INVALID_INPUT',
      /没有发言加分/,
    );
  });

  it('caps each recipient’s chosen value by the proposer’s authority, per person per event (第十三条)', () => {
    const outstanding = item('activity.outstanding.city_uf');
    const batch = [
      { memberId: 'a', points: 3 },
      { memberId: 'b', points: 5 },
    ];
    expect(awardLines(outstanding, batch, JINGMEN_SCHEME, { authority: 5 }).discretionary).toBe(5);
    expectDomainError(() => awardLines(outstanding, batch, JINGMEN_SCHEME, { authority: 2 }), 'OVER_AUTHORITY');
  });

  it('refuses an empty list and a member listed twice', () => {
    expectDomainError(() => awardLines(attend, [], JINGMEN_SCHEME), 'INVALID_INPUT', /至少选择一名会员/);
    expectDomainError(() => awardLines(attend, [{ memberId: 'a' }, { memberId: 'a' }], JINGMEN_SCHEME), 'INVALID_INPUT', /重复/);
  });
});
