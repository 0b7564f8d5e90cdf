import { reviseScheme, schemeInForce } from '../../domain/versions';
import { JINGMEN_SCHEME as v1 } from '../../domain/schemes/jingmen';
import { expectDomainError } from './builders';

describe('rule versions (第二十、二十一条)', () => {
  const now = new Date('2026-03-01T02:00:00Z');
  const items = v1.items.map(({ claimable: _claimable, ...item }) =>
    item.id === 'honor.city' ? { ...item, points: 25 } : item,
  );

  it('publishes the next version effective now, defaulting who may claim by kind', () => {
    const v2 = reviseScheme(v1, items, now);
    expect(v2.version).toBe(2);
    expect(v2.effectiveFrom).toBe('2026-03-01T02:00:00.000Z');
    expect(v2.items.find((i) => i.id === 'honor.city')?.points).toBe(25);
    expect(v2.items.find((i) => i.id === 'position.annual')?.claimable).toBe(false);
    expect(v2.items.find((i) => i.id === 'deed.major')?.claimable).toBe(false);
    expect(v2.items.find((i) => i.id === 'other')?.claimable).toBe(true);
  });

  it('validates the new catalog', () => {
    expectDomainError(() => reviseScheme(v1, [...items, items[5]], now), 'INVALID_INPUT', '项目 id 重复');
    expectDomainError(() => reviseScheme(v1, items, now, '2020-01-01T00:00:00Z'), 'INVALID_INPUT', '生效时间');
  });

  it('applies a version from its effective time, not before', () => {
    const v2 = reviseScheme(v1, items, now, '2026-04-01T00:00:00+08:00');
    expect(schemeInForce([v1, v2], new Date('2026-03-31T15:59:59Z')).version).toBe(1);
    expect(schemeInForce([v2, v1], new Date('2026-03-31T16:00:00Z')).version).toBe(2);
    expectDomainError(() => schemeInForce([v2], new Date('2026-01-01T00:00:00Z')), 'INTERNAL');
  });
});
