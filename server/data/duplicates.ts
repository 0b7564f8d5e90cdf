/**
 * Finds what a new claim's lines may repeat (domain/duplicates.ts): the members' ledger entries of the
 * day (index `member_day`) and pending claims of the day with a line for them (index `mine_recipient`).
 * Reads follow the claim's recipients, never the history.
 */
import type { ClaimLine } from '../../typings/models';
import { flagDuplicates, type PriorClaim, type PriorEntry } from '../../domain/duplicates';
import { database } from '../cloud';
import { COLLECTIONS } from './collections';

const CHUNK = 500;

export async function withDuplicatesFlagged(lines: ClaimLine[], occurredOn: string): Promise<ClaimLine[]> {
  const db = database();
  const _ = db.command;
  const memberIds = [...new Set(lines.map((line) => line.memberId))];
  const entries: PriorEntry[] = [];
  const pending: PriorClaim[] = [];
  for (let i = 0; i < memberIds.length; i += CHUNK) {
    const chunk = memberIds.slice(i, i + CHUNK);
    const [ledger, claims] = await Promise.all([
      db.collection(COLLECTIONS.ledger).where({ memberId: _.in(chunk), occurredOn }).limit(1000).get(),
      db.collection(COLLECTIONS.claims).where({ 'lines.memberId': _.in(chunk), occurredOn, status: 'pending' }).limit(1000).get(),
    ]);
    entries.push(...(ledger.data as PriorEntry[]));
    pending.push(...(claims.data as PriorClaim[]));
  }
  return flagDuplicates(lines, occurredOn, entries, pending);
}
