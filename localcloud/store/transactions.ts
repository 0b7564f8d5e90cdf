/**
 * Transactions with optimistic concurrency control.
 *
 * A transaction reads the store as it was when the transaction started (snapshot isolation): a
 * document committed by someone else after that start cannot be read or written, and the request
 * fails with DATABASE_TRANSACTION_CONFLICT, so no transaction ever sees one document from before a
 * commit and another from after it. Writes are buffered. At commit, if any touched document has
 * changed since it was first touched, the commit fails the same way (the SDK's `runTransaction`
 * and the functions' own `transact` retry both) and nothing is written. Otherwise the whole buffer is committed as one
 * journaled batch. A transaction that is aborted, or never committed, leaves nothing.
 */
import { randomBytes } from 'crypto';
import type { Doc, Mutation, Store } from './store';

interface Touched {
  seq: number;
  /** The document as this transaction sees it: first read, then its own writes. */
  doc: Doc | null;
}

/** A document changed after the transaction's snapshot. */
export class TransactionConflict extends Error {
  constructor(collection: string, id: string) {
    super(`database transaction conflict: ${collection}/${id} changed after the transaction started`);
  }
}

export class Transaction {
  readonly touched = new Map<string, Touched & { collection: string; id: string }>();
  readonly writes = new Map<string, Mutation>();
  /** The store's sequence number when the transaction started: its snapshot. */
  private readonly snapshot: number;

  constructor(
    readonly id: string,
    private readonly store: Store,
  ) {
    this.snapshot = store.seq;
  }

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
      if (coll.seqOf(id) > this.snapshot) throw new TransactionConflict(collection, id);
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
