/**
 * The claims collection: self-reports, leader awards, committee awards and reversals, each with
 * its lines, its step, who it waits for and every decision.
 */
import type { Claim, ClaimStatus } from '../../typings/models';
import { DomainError } from '../../domain/errors';
import { database, getOrNull, type Tx } from '../cloud';
import { COLLECTIONS } from './collections';
import { withoutId } from './ledger';

export const PAGE_SIZE = 20;

export async function countInbox(memberId: string): Promise<number> {
  const { total } = await database()
    .collection(COLLECTIONS.claims)
    .where({ status: 'pending', 'waitingFor.memberIds': memberId })
    .count();
  return total;
}

/** Offset cursors: the lists are short (a member's claims, an approver's inbox). */
export function decodeCursor(cursor: string | undefined): number {
  if (cursor === undefined) return 0;
  if (!/^\d{1,6}$/.test(cursor)) throw new DomainError('INVALID_INPUT', '分页游标无效');
  return Number(cursor);
}

export function nextCursor(offset: number, page: unknown[], size = PAGE_SIZE): string | null {
  return page.length < size ? null : String(offset + page.length);
}

export async function inboxPage(memberId: string, offset: number): Promise<Claim[]> {
  const { data } = await database()
    .collection(COLLECTIONS.claims)
    .where({ status: 'pending', 'waitingFor.memberIds': memberId })
    .orderBy('createdAt', 'asc')
    .skip(offset)
    .limit(PAGE_SIZE)
    .get();
  return data as Claim[];
}

export async function claimsOfMember(memberId: string, status: ClaimStatus | undefined, offset: number): Promise<Claim[]> {
  const _ = database().command;
  const mine = _.or([{ createdBy: memberId }, { 'lines.memberId': memberId }]) as object;
  const where = (status ? _.and([mine, { status }]) : mine) as object;
  const { data } = await database()
    .collection(COLLECTIONS.claims)
    .where(where)
    .orderBy('createdAt', 'desc')
    .skip(offset)
    .limit(PAGE_SIZE)
    .get();
  return data as Claim[];
}

export async function readClaim(tx: Tx, claimId: string): Promise<Claim> {
  const claim = await getOrNull<Claim>(tx.collection(COLLECTIONS.claims).doc(claimId));
  if (!claim) throw new DomainError('NOT_FOUND', '申请不存在');
  return { ...claim, _id: claimId };
}

export async function findClaim(claimId: string): Promise<Claim | null> {
  const claim = await getOrNull<Claim>(database().collection(COLLECTIONS.claims).doc(claimId));
  return claim ? { ...claim, _id: claimId } : null;
}

export async function writeClaim(tx: Tx, claim: Claim): Promise<void> {
  await tx.collection(COLLECTIONS.claims).doc(claim._id).set({ data: withoutId(claim) });
}
