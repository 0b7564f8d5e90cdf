/**
 * Volunteer hours as an item kind (seeds/004 第五篇 二(五)3 志愿服务时长兑换积分; docs/rules.md W1–W9):
 * hours in half-hour steps converted at the item's rate, rounded down to half a point, the hours kept
 * beside the points.
 */
import { hoursOf, linePoints } from '../../domain/points';
import { catalogItem, parseScheme } from '../../domain/scheme';
import { VILLAGE_SCHEME } from '../../domain/schemes';
import type { CatalogItem } from '../../typings/models';
import { expectDomainError } from './builders';

const volunteer = catalogItem(VILLAGE_SCHEME, 'self.volunteer');
const atRate = (rate: number): CatalogItem => ({ ...volunteer, rate });

describe('converting hours to points', () => {
  it('gives the village one point an hour', () => {
    expect(linePoints(volunteer, { value: 3 })).toEqual({ points: 3, discretionary: 0 });
    expect(linePoints(volunteer, { value: 2.5 })).toEqual({ points: 2.5, discretionary: 0 });
  });

  it('rounds down to half a point at another rate', () => {
    expect(linePoints(atRate(0.3), { value: 4.5 }).points).toBe(1);
    expect(linePoints(atRate(2), { value: 1.5 }).points).toBe(3);
  });

  it('keeps the hours beside the points, and nothing for other kinds', () => {
    expect(hoursOf(volunteer, { value: 2.5 })).toEqual({ hours: 2.5 });
    expect(hoursOf(catalogItem(VILLAGE_SCHEME, 'self.labour'), { value: 2.5 })).toEqual({});
  });
});

describe('refusing what is not a number of hours', () => {
  it('asks for the hours when none are given', () => {
    expectDomainError(() => linePoints(volunteer, {}), 'INVALID_INPUT', '请填写志愿服务时长（小时，大于0）');
  });

  it('refuses a time that is not in half hours', () => {
    expectDomainError(() => linePoints(volunteer, { value: 1.25 }), 'INVALID_INPUT', '志愿服务时长按半小时计，1.25 小时不是半小时的整数倍');
  });

  it('refuses more than one day’s service in one report', () => {
    expectDomainError(() => linePoints(volunteer, { value: 30 }), 'INVALID_INPUT', '每次最多申报 24 小时，本次填写了 30 小时；多日的服务请分日申报');
  });

  it('refuses hours too few to earn half a point', () => {
    expectDomainError(() => linePoints(atRate(0.2), { value: 0.5 }), 'INVALID_INPUT', '0.5 小时不足半分，不能折算积分');
  });
});

describe('the item in a scheme', () => {
  it('needs a rate and takes no cap', () => {
    const without = structuredClone(VILLAGE_SCHEME);
    without.items = without.items.map((i) => (i.id === 'self.volunteer' ? { ...i, rate: undefined } : i));
    expect(() => parseScheme(without)).toThrow('是志愿服务时长项目，须填写每小时分值，不设封顶分值');
  });
});
