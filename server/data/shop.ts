/**
 * The 积分超市's documents (domain/shop.ts): rewards, reservations (`redemptions`) and the pickup codes
 * of open reservations (`pickupCodes/<code>`, so two racing reservations never share a code: both
 * write the same document and one conflicts). Spending and returning points are ledger entries
 * (`spend-<id>`, `return-<id>`) posted like any other, moving the all-time tally's `spent`: the
 * balance is checked and changed in the same transaction as the reward's stock (its shards: shop-stock.ts).
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Redemption } from '../../typings/api';
import { DomainError } from '../../domain/errors';
import type { Scheme } from '../../domain/scheme';
import { newPickupCode } from '../../domain/shop';
import { tallyId } from '../../domain/tally';
import { database, getOrNull, type Tx } from '../cloud';
import { COLLECTIONS } from './collections';
import { postEntries, withoutId, type NewEntry, type StoredTally } from './ledger';
import { readAll, type StoredMember } from './members';
import { returnStock, type StoredReward } from './shop-stock';

const CODE_ATTEMPTS = 8;
const PAGE = 20;

/**
 * A reservation's id: derived from the caller's request key where there is one (a retried request
 * makes the same reservation, with the same code), else random.
 */
export const newRedemptionId = (requestKey: string | null): string =>
  requestKey ? createHash('sha256').update(`redemption:${requestKey}`).digest('hex').slice(0, 24) : randomBytes(12).toString('hex');

/** Draws from the hash of `seed`: a reservation's code candidates follow from its id, unpredictable as the id is. */
function drawsFrom(seed: string): (n: number) => number {
  const bytes = createHash('sha256').update(seed).digest();
  let i = 0;
  return (n) => bytes.readUInt16BE((i++ * 2) % 30) % n;
}
export const newRewardId = (): string => randomBytes(12).toString('hex');

export async function readReward(tx: Tx, rewardId: string): Promise<StoredReward> {
  const reward = await getOrNull<StoredReward>(tx.collection(COLLECTIONS.rewards).doc(rewardId));
  if (!reward) throw new DomainError('NOT_FOUND', '没有这件兑换商品');
  return { ...reward, _id: rewardId };
}

export async function writeReward(tx: Tx, reward: StoredReward): Promise<void> {
  await tx.collection(COLLECTIONS.rewards).doc(reward._id).set({ data: withoutId(reward) });
}

/** The rewards on offer, by name. */
export async function activeRewards(): Promise<StoredReward[]> {
  const rewards = await readAll<StoredReward>(database().collection(COLLECTIONS.rewards).where({ active: true }));
  return rewards.sort((a, b) => a.name.localeCompare(b.name, 'zh') || a._id.localeCompare(b._id));
}

/** The account's all-time tally as `tx` sees it (total and spent). */
export async function allTally(tx: Tx | null, memberId: string): Promise<StoredTally | null> {
  const collection = tx ? tx.collection(COLLECTIONS.tallies) : database().collection(COLLECTIONS.tallies);
  return getOrNull<StoredTally>(collection.doc(tallyId(memberId, 'all')));
}

/** A pickup code no open reservation holds, taken for `redemptionId` in `tx`. */
export async function takeCode(tx: Tx, redemptionId: string): Promise<string> {
  for (let attempt = 0; attempt < CODE_ATTEMPTS; attempt++) {
    const code = newPickupCode(drawsFrom(`${redemptionId}:${attempt}`));
    const ref = tx.collection(COLLECTIONS.pickupCodes).doc(code);
    if (await getOrNull(ref)) continue;
    await ref.set({ data: { redemptionId } });
    return code;
  }
  throw new DomainError('CONFLICT', '取货码生成失败，请重试');
}

/** The id of the open reservation holding a code, as `tx` (or, without one, the database) sees it (null: none). */
export async function openCodeIn(tx: Tx | null, code: string): Promise<string | null> {
  const collection = tx ? tx.collection(COLLECTIONS.pickupCodes) : database().collection(COLLECTIONS.pickupCodes);
  const held = await getOrNull<{ redemptionId: string }>(collection.doc(code));
  return held?.redemptionId ?? null;
}

/** The open reservation holding a code (null: none). */
export async function openByCode(code: string): Promise<Redemption | null> {
  const held = await openCodeIn(null, code);
  if (!held) return null;
  const found = await getOrNull<Redemption>(database().collection(COLLECTIONS.redemptions).doc(held));
  return found ? { ...found, _id: held } : null;
}

export async function readRedemption(tx: Tx, redemptionId: string): Promise<Redemption> {
  const found = await getOrNull<Redemption>(tx.collection(COLLECTIONS.redemptions).doc(redemptionId));
  if (!found) throw new DomainError('NOT_FOUND', '没有这条兑换记录');
  return { ...found, _id: redemptionId };
}

export async function writeRedemption(tx: Tx, redemption: Redemption): Promise<void> {
  await tx.collection(COLLECTIONS.redemptions).doc(redemption._id).set({ data: withoutId(redemption) });
}

/** The entry spending a reservation's points: the balance falls, the total stays. */
function spendEntry(redemption: Redemption, scheme: Scheme): NewEntry {
  return {
    _id: `spend-${redemption._id}`,
    memberId: redemption.memberId,
    itemId: 'shop.redeem',
    itemName: `积分兑换：${redemption.rewardName} ×${redemption.quantity}`,
    points: -redemption.points,
    occurredOn: redemption.reservedOn,
    schemeVersion: scheme.version,
    claimId: null,
    reviewers: [],
    redemption: { id: redemption._id, rewardName: redemption.rewardName, quantity: redemption.quantity },
  };
}

/** The entry returning a cancelled or expired reservation's points. */
function returnEntry(redemption: Redemption, why: 'cancelled' | 'expired', today: string, scheme: Scheme): NewEntry {
  return {
    ...spendEntry(redemption, scheme),
    _id: `return-${redemption._id}`,
    itemId: 'shop.return',
    itemName: `兑换退回（${why === 'cancelled' ? '已取消' : '逾期未领'}）：${redemption.rewardName} ×${redemption.quantity}`,
    points: redemption.points,
    occurredOn: today,
  };
}

/** Spends a new reservation's points (the account, and its all-time tally as `tx` read it for the balance). */
export async function postSpend(tx: Tx, redemption: Redemption, member: StoredMember, tally: StoredTally | null, scheme: Scheme, now: Date): Promise<void> {
  const read = new Map([[tallyId(member._id, 'all'), tally]]);
  await postEntries(tx, [spendEntry(redemption, scheme)], scheme, now, new Map([[member._id, member]]), read);
}

/**
 * Closes an open reservation as cancelled or expired, in `tx`: the points come back (an entry), the
 * stock comes back to one of its reward's shards, the code is freed for another reservation.
 */
export async function closeRedemption(
  tx: Tx,
  redemption: Redemption,
  why: 'cancelled' | 'expired',
  by: { id: string; name: string },
  now: Date,
  today: string,
  scheme: Scheme,
): Promise<Redemption> {
  await postEntries(tx, [returnEntry(redemption, why, today, scheme)], scheme, now);
  await returnStock(tx, redemption);
  await tx.collection(COLLECTIONS.pickupCodes).doc(redemption.code).remove();
  const closed: Redemption = { ...redemption, status: why, closedAt: now.toISOString(), closedBy: by };
  await writeRedemption(tx, closed);
  return closed;
}

/** An account's reservations, newest first, a page at a time (`cursor`: the last reservedAt seen; one account never reserves twice in a millisecond). */
export async function redemptionsOf(memberId: string, cursor: string | undefined): Promise<{ redemptions: Redemption[]; cursor: string | null }> {
  const db = database();
  const where: Record<string, unknown> = { memberId };
  if (cursor) where.reservedAt = db.command.lt(cursor);
  const { data } = await db.collection(COLLECTIONS.redemptions).where(where).orderBy('reservedAt', 'desc').limit(PAGE).get();
  const redemptions = data as Redemption[];
  return { redemptions, cursor: redemptions.length === PAGE ? redemptions[PAGE - 1].reservedAt : null };
}

/** Reservations still open whose last pickup day is before `today`, up to `limit`. */
export async function dueForExpiry(today: string, limit: number): Promise<Redemption[]> {
  const db = database();
  const { data } = await db.collection(COLLECTIONS.redemptions).where({ status: 'reserved', expiresOn: db.command.lt(today) }).orderBy('expiresOn', 'asc').limit(limit).get();
  return data as Redemption[];
}

/** Reservations handed over between two days inclusive ('YYYY-MM-DD'). */
export async function fulfilledBetween(from: string, to: string): Promise<Redemption[]> {
  const db = database();
  const _ = db.command;
  const on = (_.gte(from) as { and(other: unknown): unknown }).and(_.lte(to));
  return readAll<Redemption>(db.collection(COLLECTIONS.redemptions).where({ status: 'fulfilled', fulfilledOn: on }));
}
