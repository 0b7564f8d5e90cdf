/**
 * A reward's stock kept in several shards (docs/rules.md S22). Every reservation of a reward writes
 * its stock, and the cloud database lets only the first of two open transactions write a document:
 * with the stock in one document, households asking for the same reward at once queue behind each
 * other round after round. Spread over shards, reservations landing on different shards commit side
 * by side. The total is what the shop shows and what an administrator sets; which shard holds an
 * item means nothing to anyone. Pure: the shell reads the shards and writes what these plan.
 */

/** The most shards a reward's stock is spread over. */
export const STOCK_SHARDS = 8;

/** How many shards hold a stock: one an item up to STOCK_SHARDS, and one for none (so a reward always has a shard to return to). */
export function shardCountFor(stock: number): number {
  return Math.min(STOCK_SHARDS, Math.max(1, stock));
}

/** A stock spread as evenly as it goes over `count` shards, the odd items on the first ones. */
export function spreadStock(stock: number, count: number): number[] {
  const each = Math.floor(stock / count);
  return Array.from({ length: count }, (_, i) => each + (i < stock % count ? 1 : 0));
}

/** One shard's part of a reservation: take `take` items from shard `index`. */
export interface ShardTake {
  index: number;
  take: number;
}

/**
 * Where a reservation of `quantity` takes its items, given every shard's stock as one transaction
 * read them: from one shard that holds them all (drawn by `pick(n)`, an integer in [0, n), so
 * households asking at once spread over the shards), else from the fullest shards in turn. Null only
 * when the shards hold fewer than `quantity` in all: a reservation is never refused while the stock
 * it read could serve it.
 */
export function planTake(stocks: readonly number[], quantity: number, pick: (n: number) => number): ShardTake[] | null {
  const whole = stocks.flatMap((stock, index) => (stock >= quantity ? [index] : []));
  if (whole.length > 0) return [{ index: whole[pick(whole.length)], take: quantity }];
  if (totalStock(stocks) < quantity) return null;
  const fullest = stocks.map((stock, index) => ({ stock, index })).sort((a, b) => b.stock - a.stock || a.index - b.index);
  const plan: ShardTake[] = [];
  let left = quantity;
  for (const { stock, index } of fullest) {
    if (left === 0) break;
    const take = Math.min(stock, left);
    if (take > 0) plan.push({ index, take });
    left -= take;
  }
  return plan;
}

/** The items left in all shards. */
export function totalStock(stocks: readonly number[]): number {
  return stocks.reduce((sum, stock) => sum + Math.max(0, stock), 0);
}
