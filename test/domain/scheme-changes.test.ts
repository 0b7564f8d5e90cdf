import type { CatalogItem } from '../../typings/models';
import { describePoints, schemeChanges } from '../../domain/scheme-changes';

const item = (spec: Partial<CatalogItem> & Pick<CatalogItem, 'id' | 'kind'>): CatalogItem => ({ name: spec.id, category: '其他', claimable: true, ...spec });

describe('describePoints', () => {
  it.each<[CatalogItem, string]>([
    [item({ id: 'a', kind: 'fixed', points: 40 }), '40 分'],
    [item({ id: 'b', kind: 'range', range: [1, 20] }), '1–20 分'],
    [item({ id: 'c', kind: 'per_count', points: 20, unit: '人' }), '每人 20 分'],
    [item({ id: 'd', kind: 'value_share', rate: 0.01, cap: 100 }), '按 1% 折算，最高 100 分'],
    [item({ id: 'e', kind: 'discretionary' }), '1 分至奖分权限'],
  ])('describes %j as %s', (it, text) => expect(describePoints(it)).toBe(text));
});

describe('schemeChanges', () => {
  const before = [
    item({ id: 'suggestion', name: '书面建言献策', kind: 'fixed', points: 2 }),
    item({ id: 'deed', name: '办实事', kind: 'range', range: [1, 20] }),
    item({ id: 'honor', name: '县处级表彰', kind: 'fixed', points: 10 }),
  ];

  it('lists points changed, items added and items removed', () => {
    const after = [
      item({ id: 'suggestion', name: '书面建言献策', kind: 'fixed', points: 3 }),
      item({ id: 'deed', name: '办实事', kind: 'range', range: [1, 30], claimable: false }),
      item({ id: 'industry', name: '行业表彰', kind: 'fixed', points: 5 }),
    ];
    expect(schemeChanges(before, after)).toEqual([
      '书面建言献策：分值由 2 分 改为 3 分',
      '办实事：分值由 1–20 分 改为 1–30 分',
      '办实事：改为不可自行申报',
      '新增项目：行业表彰（5 分）',
      '删除项目：县处级表彰',
    ]);
  });

  it('names a renamed item and a change of kind', () => {
    const after = [item({ id: 'suggestion', name: '建言献策', kind: 'range', range: [2, 5] }), before[1], before[2]];
    expect(schemeChanges(before, after)).toEqual(['项目更名：书面建言献策 改为 建言献策', '建言献策：计分方式由固定分值（2 分）改为区间分值（2–5 分）']);
  });

  it('finds nothing in an unchanged catalog', () => expect(schemeChanges(before, [...before])).toEqual([]));
});
