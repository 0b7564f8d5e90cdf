/**
 * Transactions as the cloud database runs them: snapshot isolation with first-writer-wins conflicts
 * (the semantics TencentCloudBase's own SDK tests state: 读快照, 读偏, 冲突检测).
 *
 * - A transaction reads every document as it was when the transaction started (its snapshot), plus
 *   its own writes, whatever others commit meanwhile (versions.ts keeps what it may still read).
 * - Writes are buffered. Writing a document that someone committed after the snapshot, or that another
 *   open transaction has already written, is a write conflict; so is committing over a document that
 *   changed since. Reads never conflict.
 * - A conflict is reported by the commit, as DATABASE_TRANSACTION_CONFLICT. wx-server-sdk rewraps the
 *   errors of document operations (errCode -501001, no `code`), so `runTransaction` retries only what
 *   the commit reports: reporting a write's conflict there is what lets a function written as for
 *   production retry it. Nothing of a conflicting transaction is ever written.
 * - A transaction not committed or aborted within 30 seconds is gone, as on the server; so is one that
 *   was committed or aborted: further requests on it fail with DATABASE_TRANSACTION_FAIL.
 */
import { randomBytes } from 'crypto';
import { versionKey, type Doc, type Mutation, type Store } from './store';

/** How long the server keeps an open transaction. */
export const TRANSACTION_LIFETIME_MS = 30_000;

/** What the server says of a conflict (the message of ResourceUnavailable.TransactionConflict). */
export const CONFLICT_MESSAGE =
  '[ResourceUnavailable.TransactionConflict] Transaction is conflict, maybe resource operated by others. Please check your request, but if the problem persists, contact us.';
export const NOT_EXIST_MESSAGE =
  '[ResourceUnavailable.TransactionNotExist] Transaction does not exist on the server, transaction must be commit or abort in 30 seconds. Please check your request, but if the problem persists, contact us.';

export class Transaction {
  /** The store's sequence number when the transaction started: its snapshot. */
  readonly snapshot: number;
  /** This transaction's writes, by document key. */
  readonly writes = new Map<string, Mutation>();
  /** Why the commit will fail, once a write conflicted. */
  conflict: string | null = null;

  constructor(
    readonly id: string,
    private readonly store: Store,
    private readonly manager: TransactionManager,
    readonly startedAt: number,
  ) {
    this.snapshot = store.seq;
  }

  /** The document as this transaction sees it: its own write, else the snapshot's version. */
  get(collection: string, id: string): Doc | null {
    const own = this.writes.get(versionKey(collection, id));
    const doc = own ? own.doc : this.store.readAt(collection, id, this.snapshot);
    return doc ? structuredClone(doc) : null;
  }

  write(collection: string, id: string, doc: Doc | null): void {
    const key = versionKey(collection, id);
    if (!this.writes.has(key)) {
      if (this.conflict === null) {
        if (this.store.collection(collection).seqOf(id) > this.snapshot) {
          this.conflict = `${collection}/${id} was changed after the transaction started`;
        } else if (this.manager.writtenByAnother(this, key)) {
          this.conflict = `${collection}/${id} is being written by another transaction`;
        }
      }
      this.manager.wrote(this, key);
    }
    this.writes.set(key, { collection, id, doc });
  }

  /** Commits unless a write conflicted or a written document changed since the snapshot. */
  commit(): boolean {
    if (this.conflict !== null) return false;
    for (const { collection, id } of this.writes.values()) {
      if (this.store.collection(collection).seqOf(id) > this.snapshot) return false;
    }
    this.store.commit([...this.writes.values()]);
    return true;
  }
}

export type CommitOutcome = 'committed' | 'conflict' | 'gone';

/**
 * The open transactions. Bookkeeping stays proportional to what a request touches, not to how many
 * transactions are open, so that thousands open at once (the 积分超市 bench) cost what the database
 * would: the writers of each document are indexed, the oldest snapshot is the first transaction
 * still open (snapshots only grow), and the lifetimes are scanned only once the earliest can be over.
 */
export class TransactionManager {
  /** In the order they started, so the first holds the oldest snapshot. */
  private readonly open = new Map<string, Transaction>();
  /** The open transactions that wrote each document, by document key. */
  private readonly writers = new Map<string, Set<Transaction>>();
  /** No open transaction's lifetime ends before this time (server clock, ms). */
  private nextExpiry = Infinity;
  /** Commits refused for a conflict, since the counter was last reset. */
  conflicts = 0;

  constructor(
    private readonly store: Store,
    /** The server's clock, for the transactions' lifetime. */
    private readonly clock: () => number = () => Date.now(),
  ) {
    store.keepVersions = () => this.open.size > 0;
  }

  start(): Transaction {
    this.expire();
    const tx = new Transaction(randomBytes(12).toString('hex'), this.store, this, this.clock());
    this.open.set(tx.id, tx);
    this.nextExpiry = Math.min(this.nextExpiry, tx.startedAt + TRANSACTION_LIFETIME_MS);
    return tx;
  }

  /** The open transaction with this id; undefined when it never existed, ended or expired. */
  get(id: string): Transaction | undefined {
    this.expire();
    return this.open.get(id);
  }

  /** Ends the transaction either way. */
  commit(id: string): CommitOutcome {
    const tx = this.get(id);
    if (!tx) return 'gone';
    this.end(tx);
    if (tx.commit()) return 'committed';
    this.conflicts++;
    return 'conflict';
  }

  abort(id: string): boolean {
    const tx = this.get(id);
    if (!tx) return false;
    this.end(tx);
    return true;
  }

  get openCount(): number {
    return this.open.size;
  }

  /**
   * Whether an open transaction other than `tx` holds the document's write lock: it wrote it and has
   * not conflicted (the server aborts a transaction at its conflict, which releases its locks).
   */
  writtenByAnother(tx: Transaction, key: string): boolean {
    for (const other of this.writers.get(key) ?? []) if (other !== tx && other.conflict === null) return true;
    return false;
  }

  /** Records that `tx` wrote the document `key` (its write lock while it is open). */
  wrote(tx: Transaction, key: string): void {
    let set = this.writers.get(key);
    if (!set) this.writers.set(key, (set = new Set()));
    set.add(tx);
  }

  private end(tx: Transaction): void {
    this.forget(tx);
    this.pruneHistory();
  }

  private forget(tx: Transaction): void {
    this.open.delete(tx.id);
    for (const key of tx.writes.keys()) {
      const set = this.writers.get(key);
      set?.delete(tx);
      if (set?.size === 0) this.writers.delete(key);
    }
  }

  private expire(): void {
    const now = this.clock();
    if (now < this.nextExpiry) return;
    let expired = false;
    this.nextExpiry = Infinity;
    for (const tx of [...this.open.values()]) {
      if (now - tx.startedAt < TRANSACTION_LIFETIME_MS) {
        this.nextExpiry = Math.min(this.nextExpiry, tx.startedAt + TRANSACTION_LIFETIME_MS);
        continue;
      }
      this.forget(tx);
      expired = true;
    }
    if (expired) this.pruneHistory();
  }

  private pruneHistory(): void {
    const oldest = this.open.values().next();
    this.store.history.prune(oldest.done ? null : oldest.value.snapshot);
  }
}
