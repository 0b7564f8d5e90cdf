/**
 * A reward's stock in shards (domain/shop-stock.ts; docs/rules.md S22): `rewardStock/<rewardId>-<i>`,
 * i from 0 to the reward's `shards` − 1, each `{ rewardId, index, stock }`. A reservation reads one
 * shard drawn from its id and, when that shard is short, every shard, all at its transaction's snapshot:
 * it is refused for stock only when the shards it read hold too few in all. It writes only the shards
 * it takes from, so reservations of one reward on different shards do not conflict. A reward saved
 * before shards existed keeps its stock in its own document (`stock`, no `shards`) until it is saved
 * again: that document is then its only shard.
 */
import { createHash } from 'node:crypto';
import type { Reward } from '../../typings/api';
import { planTake, shardCountFor, spreadStock, totalStock, type ShardTake } from '../../domain/shop-stock';
import { database, getOrNull, type DocRef, type Tx } from '../cloud';
import { COLLECTIONS } from './collections';
import { readAll } from './members';

/** A reward as stored: its stock lives in its shards (`shards` of them), or in `stock` for a reward saved before shards. */
export type StoredReward = Omit<Reward, 'stock'> & { shards?: number; stock?: number };

interface StockShard {
  _id: string;
  rewardId: string;
  index: number;
  stock: number;
}

export const stockShardId = (rewardId: string, index: number): string => `${rewardId}-${index}`;

const shardsOf = (reward: StoredReward): number => reward.shards ?? 1;

/**
 * Draws from the hash of a reservation's id: reservations spread over the shards as their ids do, and
 * a request retried with the same key takes and returns the same shards as the first try.
 */
function drawFrom(seed: string): (n: number) => number {
  // Hashed once: every draw of one reservation answers from the same value, as it always has.
  const value = createHash('sha256').update(seed).digest().readUInt32BE(0);
  return (n) => value % n;
}

function shardRef(tx: Tx, reward: StoredReward, index: number): DocRef {
  return reward.shards === undefined ? tx.collection(COLLECTIONS.rewards).doc(reward._id) : tx.collection(COLLECTIONS.rewardStock).doc(stockShardId(reward._id, index));
}

async function readShard(tx: Tx, reward: StoredReward, index: number): Promise<number> {
  return (await getOrNull<{ stock?: number }>(shardRef(tx, reward, index)))?.stock ?? 0;
}

async function writeShard(tx: Tx, reward: StoredReward, index: number, stock: number): Promise<void> {
  if (reward.shards === undefined) await shardRef(tx, reward, index).update({ data: { stock } });
  else await shardRef(tx, reward, index).set({ data: { rewardId: reward._id, index, stock } });
}

/** What a reservation may draw from a reward: `available` (at least the quantity, or every shard's stock in all) and, when enough, where to take it. */
export interface StockDraw {
  available: number;
  plan: ShardTake[] | null;
  /** The stock of each shard read, by index. */
  read: Map<number, number>;
}

/**
 * Reads the stock for reservation `redemptionId` of `quantity` in `tx`: a shard drawn from the id,
 * and every other shard only when that one is short (S22).
 */
export async function drawStock(tx: Tx, reward: StoredReward, quantity: number, redemptionId: string): Promise<StockDraw> {
  const count = shardsOf(reward);
  const pick = drawFrom(redemptionId);
  const first = pick(count);
  const stock = await readShard(tx, reward, first);
  if (stock >= quantity) return { available: stock, plan: [{ index: first, take: quantity }], read: new Map([[first, stock]]) };
  const stocks = await Promise.all(Array.from({ length: count }, (_, i) => (i === first ? stock : readShard(tx, reward, i))));
  return { available: totalStock(stocks), plan: planTake(stocks, quantity, pick), read: new Map(stocks.map((s, i) => [i, s])) };
}

/** Takes a drawn reservation's items from their shards, in `tx`. */
export async function takeStock(tx: Tx, reward: StoredReward, draw: StockDraw): Promise<void> {
  for (const { index, take } of draw.plan ?? []) await writeShard(tx, reward, index, draw.read.get(index)! - take);
}

/** Puts a cancelled or expired reservation's items back on a shard of its reward drawn from its id, in `tx` (S12, S6). */
export async function returnStock(tx: Tx, redemption: { _id: string; rewardId: string; quantity: number }): Promise<void> {
  const { rewardId, quantity } = redemption;
  const found = await getOrNull<StoredReward>(tx.collection(COLLECTIONS.rewards).doc(rewardId));
  if (!found) return;
  const reward = { ...found, _id: rewardId };
  const index = drawFrom(`return:${redemption._id}`)(shardsOf(reward));
  await writeShard(tx, reward, index, (await readShard(tx, reward, index)) + quantity);
}

/**
 * Sets a reward's stock to `stock`, spread over its shards, in `tx` (shop.reward.save): shards the new
 * count no longer needs are removed. Answers the count, for the reward's `shards`.
 */
export async function setStock(tx: Tx, rewardId: string, stock: number, earlier: StoredReward | null): Promise<number> {
  const spread = spreadStock(stock, shardCountFor(stock));
  for (const [index, shard] of spread.entries()) await tx.collection(COLLECTIONS.rewardStock).doc(stockShardId(rewardId, index)).set({ data: { rewardId, index, stock: shard } });
  for (let index = spread.length; index < (earlier?.shards ?? 0); index++) await tx.collection(COLLECTIONS.rewardStock).doc(stockShardId(rewardId, index)).remove();
  return spread.length;
}

/** The total stock of each reward, by id: its shards added up (outside a transaction; shop.list). */
export async function stocksOf(rewards: readonly StoredReward[]): Promise<Map<string, number>> {
  const db = database();
  const totals = new Map(rewards.map((r) => [r._id, r.shards === undefined ? Math.max(0, r.stock ?? 0) : 0]));
  const sharded = rewards.filter((r) => r.shards !== undefined).map((r) => r._id);
  for (let i = 0; i < sharded.length; i += 500) {
    const shards = await readAll<StockShard>(db.collection(COLLECTIONS.rewardStock).where({ rewardId: db.command.in(sharded.slice(i, i + 500)) }));
    for (const shard of shards) totals.set(shard.rewardId, (totals.get(shard.rewardId) ?? 0) + Math.max(0, shard.stock));
  }
  return totals;
}
