/**
 * Executes the requests `@cloudbase/database` sends (the protocol of its transport, `Db.reqClass`)
 * against the embedded store, and answers in the shapes the SDK parses.
 *
 * Fidelity to the cloud database: `get()` returns at most 100 documents without a limit and 1000
 * with one; transactions accept only single-document operations and `add`; `serverDate()` becomes
 * the server's clock; errors come back as `{ code, message }`, which the SDK turns into throws.
 */
import { randomBytes } from 'crypto';
import { aggregate } from 'mingo';
import { update as applyUpdate } from 'mingo';
import { ejson } from './ejson';
import { compileFilter, findDocuments, primaryKeyLookup, project, type IndexPlanner, type Order } from './query';
import type { Doc, Mutation, Store } from './store';
import { CONFLICT_MESSAGE, NOT_EXIST_MESSAGE, TransactionManager, type Transaction } from './transactions';

export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 1000;

export interface DbError {
  code: string;
  message: string;
}

export interface DatabaseStats {
  requests: number;
  byAction: Record<string, number>;
  /** Documents the engine looked at to answer reads. */
  examined: number;
  /** Documents returned to the caller. */
  returned: number;
}

type Params = Record<string, unknown>;
type Response = Record<string, unknown>;

class RequestError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const newId = (): string => randomBytes(16).toString('hex');

export class DatabaseService {
  readonly transactions: TransactionManager;
  stats: DatabaseStats = emptyStats();
  /** Fault injection: the request with this number (1-based, counted from arming) fails. */
  private faultAt: number | null = null;
  private sinceArmed = 0;
  /** The server clock; tests may move it. */
  now: () => Date = () => new Date();
  readonly planner: IndexPlanner;

  constructor(readonly store: Store) {
    this.transactions = new TransactionManager(store, () => this.now().getTime());
    this.planner = store.indexes;
  }

  /** Makes the nth database request from now fail (an injected infrastructure error). */
  failAt(n: number | null): void {
    this.faultAt = n;
    this.sinceArmed = 0;
  }

  /** How many requests were counted since the last `failAt`. */
  get requestsSinceArmed(): number {
    return this.sinceArmed;
  }

  resetStats(): void {
    this.stats = emptyStats();
  }

  handle(action: string, params: Params = {}): Response {
    this.stats.requests++;
    this.stats.byAction[action] = (this.stats.byAction[action] ?? 0) + 1;
    this.sinceArmed++;
    const requestId = newId();
    if (this.faultAt !== null && this.sinceArmed === this.faultAt) {
      return { requestId, code: 'DATABASE_REQUEST_FAILED', message: `injected fault at database request ${this.faultAt}` };
    }
    try {
      return { requestId, ...this.dispatch(action, params) };
    } catch (error) {
      if (error instanceof RequestError) return { requestId, code: error.code, message: error.message };
      return { requestId, code: 'SYS_ERR', message: String((error as Error)?.message ?? error) };
    }
  }

  private dispatch(action: string, p: Params): Response {
    switch (action) {
      case 'database.getDocument':
        return this.getDocument(p);
      case 'database.calculateDocument':
        return this.count(p);
      case 'database.insertDocument':
        return this.insert(p);
      case 'database.modifyDocument':
        return this.modify(p);
      case 'database.modifyAndReturnDoc':
        return this.modifyAndReturn(p);
      case 'database.removeDocument':
        return this.remove(p);
      case 'database.aggregateDocuments':
        return this.aggregate(p);
      case 'database.addCollection':
        this.store.collection(requiredString(p, 'collectionName'));
        return {};
      case 'database.startTransaction':
        return { transactionId: this.transactions.start().id };
      case 'database.commitTransaction': {
        const outcome = this.transactions.commit(requiredString(p, 'transactionId'));
        if (outcome === 'gone') throw new RequestError('DATABASE_TRANSACTION_FAIL', NOT_EXIST_MESSAGE);
        if (outcome === 'conflict') throw new RequestError('DATABASE_TRANSACTION_CONFLICT', CONFLICT_MESSAGE);
        return {};
      }
      case 'database.abortTransaction':
        if (!this.transactions.abort(requiredString(p, 'transactionId'))) {
          throw new RequestError('DATABASE_TRANSACTION_FAIL', NOT_EXIST_MESSAGE);
        }
        return {};
      default:
        throw new RequestError('INVALID_PARAM', `the local cloud does not emulate ${action}`);
    }
  }

  private getDocument(p: Params): Response {
    const collection = requiredString(p, 'collectionName');
    const projection = parseOptional(p.projection) as Record<string, unknown> | undefined;
    const tx = this.txOf(p);
    if (tx || p.queryType === 'DOC') {
      const id = this.docIdOf(p);
      const doc = tx ? tx.get(collection, id) : this.store.collection(collection).get(id);
      this.stats.examined += 1;
      return this.listResponse(doc ? [project(doc, projection)] : []);
    }
    const limit = Math.min(typeof p.limit === 'number' && p.limit > 0 ? p.limit : DEFAULT_LIMIT, MAX_LIMIT);
    const { docs, examined } = findDocuments(
      this.store.collection(collection),
      parseOptional(p.query) as Params | undefined,
      { order: parseOptional(p.order) as Order | undefined, offset: numberOr(p.offset, 0), limit },
      this.planner,
    );
    this.stats.examined += examined;
    return this.listResponse(docs.map((doc) => project(doc, projection)));
  }

  private count(p: Params): Response {
    this.rejectInTransaction(p, 'count');
    const coll = this.store.collection(requiredString(p, 'collectionName'));
    const filter = parseOptional(p.query) as Params | undefined;
    const byId = primaryKeyLookup(coll, filter);
    if (byId) {
      this.stats.examined += byId.examined;
      return { data: { total: byId.docs.length } };
    }
    const fromIndex = this.store.indexes.count(coll, filter);
    if (fromIndex !== null) return { data: { total: fromIndex } };
    const matches = compileFilter(filter);
    let total = 0;
    for (const doc of coll.documents()) if (matches(doc)) total++;
    this.stats.examined += coll.size;
    return { data: { total } };
  }

  private insert(p: Params): Response {
    const collection = requiredString(p, 'collectionName');
    const raw = p.data;
    if (!Array.isArray(raw) || raw.length === 0) throw new RequestError('INVALID_PARAM', 'data must be a non-empty array');
    const tx = this.txOf(p);
    if (tx && raw.length > 1) throw new RequestError('INVALID_PARAM', 'a transaction adds one document at a time');
    const docs = raw.map((text) => {
      const data = this.resolveServerDates(ejson.parse(String(text))) as Params;
      const id = data._id === undefined ? newId() : String(data._id);
      return { ...data, _id: id } as Doc;
    });
    const seen = new Set<string>();
    for (const doc of docs) {
      const exists = tx ? tx.get(collection, doc._id) : this.store.collection(collection).get(doc._id);
      if (exists || seen.has(doc._id)) {
        throw new RequestError('DATABASE_REQUEST_FAILED', `duplicate key: _id ${doc._id} already exists in ${collection}`);
      }
      seen.add(doc._id);
    }
    if (tx) tx.write(collection, docs[0]._id, docs[0]);
    else this.store.commit(docs.map((doc) => ({ collection, id: doc._id, doc })));
    return { data: { insertedIds: docs.map((d) => d._id) } };
  }

  private modify(p: Params): Response {
    const { updated, upsertId } = this.applyModify(p);
    return { data: { updated, upsert_id: upsertId } };
  }

  private modifyAndReturn(p: Params): Response {
    this.rejectInTransaction(p, 'updateAndReturn');
    const { updated, after } = this.applyModify({ ...p, multi: false });
    return { data: { updated, doc: after ? ejson.stringify(after) : null } };
  }

  /** update(), set() and where().update(): the after-images of every matched document. */
  private applyModify(p: Params): { updated: number; upsertId?: string; after?: Doc } {
    const collection = requiredString(p, 'collectionName');
    const data = this.resolveServerDates(ejson.parse(requiredString(p, 'data'))) as Params;
    const merge = p.merge !== false;
    if (merge && Object.keys(data).some((k) => !k.startsWith('$'))) {
      throw new RequestError('INVALID_PARAM', 'an update mixes operators and plain fields');
    }
    const tx = this.txOf(p);
    const nextOf = (before: Doc | null, id: string): Doc => {
      if (!merge) return { ...(data as Doc), _id: id };
      const copy = structuredClone(before ?? ({ _id: id } as Doc));
      applyUpdate(copy, data as never);
      if (copy._id !== id) throw new RequestError('INVALID_PARAM', '_id cannot be updated');
      return copy;
    };

    if (tx || p.queryType === 'DOC') {
      const id = this.docIdOf(p);
      const before = tx ? tx.get(collection, id) : this.store.collection(collection).get(id);
      if (!before && !p.upsert) return { updated: 0 };
      const after = nextOf(before, id);
      if (tx) tx.write(collection, id, after);
      else this.store.commit([{ collection, id, doc: after }]);
      return before ? { updated: 1, after } : { updated: 0, upsertId: id, after };
    }

    const query = parseOptional(p.query) as Params | undefined;
    const matches = compileFilter(query);
    const mutations: Mutation[] = [];
    const coll = this.store.collection(collection);
    for (const doc of coll.documents()) {
      if (!matches(doc)) continue;
      mutations.push({ collection, id: doc._id, doc: nextOf(doc, doc._id) });
      if (p.multi === false) break;
    }
    this.stats.examined += coll.size;
    this.store.commit(mutations);
    return { updated: mutations.length, after: mutations[0]?.doc ?? undefined };
  }

  private remove(p: Params): Response {
    const collection = requiredString(p, 'collectionName');
    const tx = this.txOf(p);
    if (tx || p.queryType === 'DOC') {
      const id = this.docIdOf(p);
      const before = tx ? tx.get(collection, id) : this.store.collection(collection).get(id);
      if (!before) return { data: { deleted: 0 } };
      if (tx) tx.write(collection, id, null);
      else this.store.commit([{ collection, id, doc: null }]);
      return { data: { deleted: 1 } };
    }
    const matches = compileFilter(parseOptional(p.query) as Params | undefined);
    const mutations: Mutation[] = [];
    const coll = this.store.collection(collection);
    for (const doc of coll.documents()) {
      if (!matches(doc)) continue;
      mutations.push({ collection, id: doc._id, doc: null });
      if (p.multi === false) break;
    }
    this.stats.examined += coll.size;
    this.store.commit(mutations);
    return { data: { deleted: mutations.length } };
  }

  private aggregate(p: Params): Response {
    this.rejectInTransaction(p, 'aggregate');
    const coll = this.store.collection(requiredString(p, 'collectionName'));
    const stages = (p.stages as { stageKey: string; stageValue: string }[] | undefined) ?? [];
    const pipeline = stages.map(({ stageKey, stageValue }) => ({ [stageKey]: ejson.parse(stageValue) })) as Params[];
    // A leading $match that an index serves reads only its candidates, as the database would.
    const leading = pipeline[0]?.$match as Params | undefined;
    const planned = leading ? this.planner.plan(coll, leading, undefined, Infinity) : null;
    const docs = planned ? planned.docs : [...coll.documents()];
    this.stats.examined += planned ? planned.examined : docs.length;
    return this.listResponse(aggregate(docs, planned ? pipeline.slice(1) : pipeline) as Doc[]);
  }

  private listResponse(docs: Doc[]): Response {
    this.stats.returned += docs.length;
    return { data: { list: docs.map((doc) => ejson.stringify(doc)) } };
  }

  private txOf(p: Params): Transaction | undefined {
    if (p.transactionId === undefined) return undefined;
    const tx = this.transactions.get(String(p.transactionId));
    if (!tx) throw new RequestError('DATABASE_TRANSACTION_FAIL', NOT_EXIST_MESSAGE);
    if (p.queryType === 'WHERE') {
      throw new RequestError('INVALID_PARAM', 'transactions accept only single-document operations (doc and add)');
    }
    return tx;
  }

  private rejectInTransaction(p: Params, what: string): void {
    if (p.transactionId !== undefined) throw new RequestError('INVALID_PARAM', `${what} is not available in a transaction`);
  }

  private docIdOf(p: Params): string {
    const query = parseOptional(p.query) as Params | undefined;
    const id = query?._id;
    if (typeof id !== 'string' && typeof id !== 'number') throw new RequestError('INVALID_PARAM', 'document _id is required');
    return String(id);
  }

  /** `db.serverDate({ offset })` arrives as `{ $tcb_server_date: { offset } }`. */
  private resolveServerDates(value: unknown): unknown {
    if (Array.isArray(value)) return value.map((v) => this.resolveServerDates(v));
    if (value && typeof value === 'object' && !(value instanceof Date) && !(value instanceof RegExp)) {
      const marker = (value as { $tcb_server_date?: { offset?: number } }).$tcb_server_date;
      if (marker) return new Date(this.now().getTime() + Number(marker.offset ?? 0));
      const out: Params = {};
      for (const [k, v] of Object.entries(value)) out[k] = this.resolveServerDates(v);
      return out;
    }
    return value;
  }
}

function emptyStats(): DatabaseStats {
  return { requests: 0, byAction: {}, examined: 0, returned: 0 };
}

function requiredString(p: Params, key: string): string {
  const value = p[key];
  if (typeof value !== 'string' || value === '') throw new RequestError('INVALID_PARAM', `${key} is required`);
  return value;
}

function parseOptional(value: unknown): unknown {
  if (value === undefined || value === null || value === '') return undefined;
  return typeof value === 'string' ? ejson.parse(value) : value;
}

function numberOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}
