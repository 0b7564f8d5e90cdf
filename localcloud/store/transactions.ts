/**
 * Transactions with optimistic concurrency control.
 *
 * A transaction reads committed documents and buffers its writes. It remembers the sequence
 * number of every document it touched when it first touched it; at commit, if any of them has
 * changed since, the commit fails with DATABASE_TRANSACTION_CONFLICT (which the SDK's
 * `runTransaction` retries) and nothing is written. Otherwise the whole buffer is committed as one
 * journaled batch. A transaction that is aborted, or never committed, leaves nothing.
 */
import { randomBytes } from 'crypto';
import type { Doc, Mutation, Store } from './store';

interface Touched {
  seq: number;
  /** The document as this transaction sees it: first read, then its own writes. */
  doc: Doc | null;
}

export class Transaction {
  readonly touched = new Map<string, Touched & { collection: string; id: string }>();
  readonly writes = new Map<string, Mutation>();

  constructor(
    readonly id: string,
    private readonly store: Store,
  ) {}

  get(collection: string, id: string): Doc | null {
    return this.touch(collection, id).doc;
  }

  write(collection: string, id: string, doc: Doc | null): void {
    const entry = this.touch(collection, id);
    entry.doc = doc;
    this.writes.set(keyOf(collection, id), { collection, id, doc });
  }

  /** Validates and commits; returns false on a conflict (nothing written). */
  commit(): boolean {
    for (const entry of this.touched.values()) {
      if (this.store.collection(entry.collection).seqOf(entry.id) !== entry.seq) return false;
    }
    this.store.commit([...this.writes.values()]);
    return true;
  }

  private touch(collection: string, id: string): Touched & { collection: string; id: string } {
    const key = keyOf(collection, id);
    let entry = this.touched.get(key);
    if (!entry) {
      const coll = this.store.collection(collection);
      const doc = coll.get(id);
      entry = { collection, id, seq: coll.seqOf(id), doc: doc ? structuredClone(doc) : null };
      this.touched.set(key, entry);
    }
    return entry;
  }
}

export class TransactionManager {
  private readonly open = new Map<string, Transaction>();
  conflicts = 0;

  constructor(private readonly store: Store) {}

  start(): Transaction {
    const tx = new Transaction(randomBytes(12).toString('hex'), this.store);
    this.open.set(tx.id, tx);
    return tx;
  }

  get(id: string): Transaction | undefined {
    return this.open.get(id);
  }

  /** Ends the transaction either way; returns false on a conflict. */
  commit(id: string): boolean {
    const tx = this.open.get(id);
    if (!tx) return false;
    this.open.delete(id);
    const ok = tx.commit();
    if (!ok) this.conflicts++;
    return ok;
  }

  abort(id: string): boolean {
    return this.open.delete(id);
  }

  get openCount(): number {
    return this.open.size;
  }
}

const keyOf = (collection: string, id: string): string => `${collection}\u0000${id}`;
