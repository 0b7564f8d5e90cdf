/**
 * A reward's stock in shards (docs/rules.md S22): how a stock is spread, and where a reservation takes
 * its items. A reservation is refused only when the shards it read hold too few in all.
 */
import { planTake, shardCountFor, spreadStock, STOCK_SHARDS, totalStock } from '../../domain/shop-stock';

const first = () => 0;
const last = (n: number) => n - 1;

describe('spreading a stock', () => {
  it('gives each item a shard of its own up to eight shards, and a stock of none one empty shard', () => {
    expect([0, 1, 5, 8, 9, 1000].map(shardCountFor)).toEqual([1, 1, 5, STOCK_SHARDS, STOCK_SHARDS, STOCK_SHARDS]);
  });

  it('spreads as evenly as it goes, the odd items on the first shards, losing none', () => {
    expect(spreadStock(21, 8)).toEqual([3, 3, 3, 3, 3, 2, 2, 2]);
    expect(spreadStock(0, 1)).toEqual([0]);
    for (const stock of [1, 7, 8, 25, 999]) expect(totalStock(spreadStock(stock, shardCountFor(stock)))).toBe(stock);
  });
});

describe('taking a reservation', () => {
  it('takes it from one shard that holds it all, drawn among those that do', () => {
    expect(planTake([0, 2, 1, 3], 2, first)).toEqual([{ index: 1, take: 2 }]);
    expect(planTake([0, 2, 1, 3], 2, last)).toEqual([{ index: 3, take: 2 }]);
  });

  it('takes it from the fullest shards in turn when no one shard holds it all', () => {
    expect(planTake([1, 0, 2, 1], 4, first)).toEqual([
      { index: 2, take: 2 },
      { index: 0, take: 1 },
      { index: 3, take: 1 },
    ]);
  });

  it('refuses only when all the shards together hold too few', () => {
    expect(planTake([1, 1, 1], 3, first)).toHaveLength(3);
    expect(planTake([1, 1, 0], 3, first)).toBeNull();
    expect(planTake([0, 0], 1, first)).toBeNull();
  });
});
