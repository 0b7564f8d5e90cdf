/**
 * The embedded document store behind the local cloud: collections of documents in memory, every
 * committed batch journaled before it is applied, a snapshot on open when the journal grows.
 *
 * Each document carries the sequence number of the batch that last wrote it; transactions use it to
 * detect that a document changed under them, and read the versions their snapshot sees from the
 * history kept while they are open (see transactions.ts and versions.ts).
 */
import * as fs from 'fs';
import * as path from 'path';
import { Journal, readJournal, writeFileAtomic, type JournalRecord } from './journal';
import { ejson } from './ejson';
import { IndexCatalog, type IndexSpec } from './indexes';
import { compactCopy } from './shapes';
import { VersionHistory } from './versions';

export type Doc = Record<string, unknown> & { _id: string };

export interface Mutation {
  collection: string;
  id: string;
  /** The document after the write, or `null` for a removal. */
  doc: Doc | null;
}

export interface StoreOptions {
  /** Folder for the journal and snapshot; `null` keeps everything in memory. */
  dir: string | null;
  /** fsync every commit (survives a machine crash, not only a process kill). */
  fsync?: boolean;
  /** Compact the journal into a snapshot on open when it is larger than this. */
  compactAboveBytes?: number;
}

/**
 * One collection's documents. A document keeps its position for good: `docs[p]` is the document
 * (`null` once removed: the tombstone keeps the sequence number for conflict detection) and
 * `seqs[p]` the batch that last wrote it. Two flat arrays instead of a small object per document
 * keep a million-document collection about 50 MB lighter.
 */
export class Collection {
  private readonly positions = new Map<string, number>();
  private readonly docs: (Doc | null)[] = [];
  private readonly seqs: number[] = [];
  private live = 0;

  constructor(
    readonly name: string,
    private readonly indexes: IndexCatalog,
  ) {}

  get size(): number {
    return this.live;
  }

  get(id: string): Doc | null {
    const p = this.positions.get(id);
    return p === undefined ? null : this.docs[p];
  }

  seqOf(id: string): number {
    const p = this.positions.get(id);
    return p === undefined ? 0 : this.seqs[p];
  }

  *documents(): IterableIterator<Doc> {
    for (const doc of this.docs) if (doc) yield doc;
  }

  /** Stores a compact copy of `written` (see shapes.ts); the caller's object is never kept. */
  put(id: string, written: Doc | null, seq: number): void {
    const doc = written && compactCopy(written);
    let p = this.positions.get(id);
    if (p === undefined) {
      p = this.docs.length;
      this.positions.set(id, p);
      this.docs.push(null);
      this.seqs.push(0);
    }
    const before = this.docs[p];
    if (before && !doc) this.live--;
    if (!before && doc) this.live++;
    this.docs[p] = doc;
    this.seqs[p] = seq;
    this.indexes.onWrite(this.name, before, doc);
  }
}

export class Store {
  private readonly collections = new Map<string, Collection>();
  /** Indexes declared for the collections (deploy/database.json); the query planner uses them. */
  readonly indexes = new IndexCatalog();
  /** Versions replaced while a transaction with an older snapshot is open. */
  readonly history = new VersionHistory();
  /** Whether a transaction is open, so replaced versions must be kept (set by the transaction manager). */
  keepVersions: () => boolean = () => false;
  private journal: Journal | null = null;
  seq = 0;

  constructor(readonly options: StoreOptions) {
    if (options.dir) this.open(options.dir);
  }

  collection(name: string): Collection {
    let coll = this.collections.get(name);
    if (!coll) {
      coll = new Collection(name, this.indexes);
      this.collections.set(name, coll);
    }
    return coll;
  }

  collectionNames(): string[] {
    return [...this.collections.keys()].filter((name) => this.collection(name).size > 0).sort();
  }

  /** Declares a collection's indexes and builds them over the documents already there. */
  defineIndexes(collection: string, specs: IndexSpec[]): void {
    this.indexes.define(collection, specs);
    this.indexes.rebuild(this.collection(collection));
  }

  /** Applies a batch atomically: journaled first, then visible. Returns the batch's sequence number. */
  commit(mutations: Mutation[]): number {
    if (mutations.length === 0) return this.seq;
    const seq = this.seq + 1;
    this.journal?.append({
      seq,
      ops: mutations.map((m) => ({ c: m.collection, id: m.id, doc: m.doc === null ? null : ejson.serialize(m.doc) })),
    });
    this.seq = seq;
    const keep = this.keepVersions();
    for (const m of mutations) {
      const coll = this.collection(m.collection);
      if (keep) this.history.keep(versionKey(m.collection, m.id), coll.seqOf(m.id), coll.get(m.id), seq);
      coll.put(m.id, m.doc, seq);
    }
    return seq;
  }

  /** The document as a snapshot taken at sequence number `snapshot` sees it. */
  readAt(collection: string, id: string, snapshot: number): Doc | null {
    const coll = this.collection(collection);
    if (coll.seqOf(id) <= snapshot) return coll.get(id);
    const kept = this.history.at(versionKey(collection, id), snapshot);
    if (!kept) throw new Error(`no version of ${collection}/${id} at ${snapshot} is kept`);
    return kept.doc;
  }

  /** Every live document of every collection, for tests that compare whole stores. */
  dump(): Record<string, Doc[]> {
    const out: Record<string, Doc[]> = {};
    for (const name of this.collectionNames()) {
      out[name] = [...this.collection(name).documents()].sort((a, b) => (a._id < b._id ? -1 : a._id > b._id ? 1 : 0));
    }
    return out;
  }

  close(): void {
    this.journal?.close();
    this.journal = null;
  }

  /** Writes a snapshot of the whole store and empties the journal. */
  compact(): void {
    if (!this.options.dir || !this.journal) return;
    const snapshot = { seq: this.seq, collections: {} as Record<string, unknown[]> };
    for (const [name, coll] of this.collections) {
      snapshot.collections[name] = [...coll.documents()].map((doc) => ejson.serialize(doc));
    }
    writeFileAtomic(path.join(this.options.dir, 'snapshot.json'), JSON.stringify(snapshot));
    this.journal.truncate();
  }

  private open(dir: string): void {
    fs.mkdirSync(dir, { recursive: true });
    const snapshotFile = path.join(dir, 'snapshot.json');
    if (fs.existsSync(snapshotFile)) {
      const snapshot = readSnapshot(snapshotFile);
      this.seq = snapshot.seq;
      for (const [name, docs] of Object.entries(snapshot.collections)) {
        const coll = this.collection(name);
        for (const raw of docs) {
          const doc = ejson.deserialize(raw) as Doc;
          coll.put(doc._id, doc, snapshot.seq);
        }
      }
    }
    const journalFile = path.join(dir, 'journal.log');
    const { records, validLength, discardedBytes } = readJournal(journalFile);
    for (const record of records) {
      if (record.seq <= this.seq) continue; // already in the snapshot
      this.replay(record);
    }
    if (discardedBytes > 0) {
      process.stderr.write(`localcloud: discarded a torn journal tail of ${discardedBytes} bytes\n`);
    }
    this.journal = new Journal(journalFile, this.options.fsync ?? true, validLength);
    if (validLength > (this.options.compactAboveBytes ?? 64 * 1024 * 1024)) this.compact();
  }

  private replay(record: JournalRecord): void {
    for (const op of record.ops) {
      const doc = op.doc === null ? null : (ejson.deserialize(op.doc) as Doc);
      this.collection(op.c).put(op.id, doc, record.seq);
    }
    this.seq = record.seq;
  }
}

/** The snapshot is written atomically (write, fsync, rename), so a damaged one is never a torn write. */
function readSnapshot(file: string): { seq: number; collections: Record<string, unknown[]> } {
  try {
    const snapshot = JSON.parse(fs.readFileSync(file, 'utf8')) as { seq?: unknown; collections?: unknown };
    if (Number.isInteger(snapshot.seq) && snapshot.collections && typeof snapshot.collections === 'object') {
      return snapshot as { seq: number; collections: Record<string, unknown[]> };
    }
    throw new Error('it lacks seq or collections');
  } catch (error) {
    throw new Error(
      `localcloud: the snapshot ${file} is damaged (${(error as Error).message}). Nothing was changed and the local cloud did not start; restore the folder from a copy.`,
    );
  }
}

export const versionKey = (collection: string, id: string): string => `${collection}\u0000${id}`;
