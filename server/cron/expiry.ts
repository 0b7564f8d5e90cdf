/**
 * The daily expiry of 积分超市 reservations (seeds/004 第三篇; docs/rules.md S6): a reservation not
 * collected by its last pickup day expires when the next day begins in Shanghai, and its points and
 * stock come back. Each reservation closes in its own transaction, which reads it again: one handed
 * over or cancelled meanwhile is left alone, and a second run finds nothing to do (idempotent; the
 * return entry's id is the reservation's, so it is never posted twice).
 */
import { shanghaiDate } from '../../domain/periods';
import { expired } from '../../domain/shop';
import { transact } from '../cloud';
import { closeRedemption, dueForExpiry, readRedemption } from '../data/shop';
import { loadSchemeInForce } from '../data/schemes';

const BATCH = 100;
const SYSTEM = { id: 'system', name: '系统（逾期未领）' };

export interface ExpiryResult {
  job: 'expiry';
  expired: number;
  /** false: the time budget ran out with reservations still due; the next run (or an administrator's) goes on. */
  done: boolean;
}

export async function runExpiry(now: Date, budgetMs: number): Promise<ExpiryResult> {
  const started = Date.now();
  const scheme = await loadSchemeInForce(now);
  if (!scheme.shop) return { job: 'expiry', expired: 0, done: true };
  const today = shanghaiDate(now);
  let count = 0;
  for (;;) {
    const due = await dueForExpiry(today, BATCH);
    if (due.length === 0) return { job: 'expiry', expired: count, done: true };
    for (const { _id } of due) {
      if (Date.now() - started > budgetMs) return { job: 'expiry', expired: count, done: false };
      const closed = await transact(async (tx) => {
        const redemption = await readRedemption(tx, _id);
        if (!expired(redemption, today)) return false;
        await closeRedemption(tx, redemption, 'expired', SYSTEM, now, today, scheme);
        return true;
      });
      if (closed) count++;
    }
  }
}
