/**
 * Compound indexes for the embedded store, declared in deploy/database.json (the same list the
 * real cloud database gets), so local queries behave like indexed ones: a board reads the rows it
 * returns, and a count of "totals above mine" reads no documents at all.
 *
 * An index over keys K = [k0, k1, …] is kept as buckets by the value of k0, each a sorted array of
 * entries ordered by K[1..] (with their directions) and then _id. A query can use it when it fixes
 * k0…k(p-1) by equality, orders by a prefix of K[p..] (or not at all), and at most bounds K[p] by a
 * range. An array value (e.g. socialRoles) is indexed once per element, as MongoDB's multikey
 * indexes are.
 */
import { compareValues, compileFilter, fieldValue, type FindResult, type IndexPlanner, type Order } from './query';
import type { Collection, Doc } from './store';

export interface IndexKey {
  field: string;
  direction: 1 | -1;
}

export interface IndexSpec {
  name: string;
  keys: IndexKey[];
}

interface Entry {
  values: unknown[];
  id: string;
}

const RANGE_OPS = ['$gt', '$gte', '$lt', '$lte'] as const;
type RangeOp = (typeof RANGE_OPS)[number];

function isPlainValue(value: unknown): boolean {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}

/** `{ field: v }` or `{ field: { $eq: v } }` → v; anything else → undefined. */
function equalityValue(condition: unknown): { value: unknown } | undefined {
  if (isPlainValue(condition)) return { value: condition };
  if (condition && typeof condition === 'object' && Object.keys(condition).length === 1 && '$eq' in condition) {
    const value = (condition as { $eq: unknown }).$eq;
    if (isPlainValue(value)) return { value };
  }
  return undefined;
}

function rangeOf(condition: unknown): Partial<Record<RangeOp, unknown>> | undefined {
  if (!condition || typeof condition !== 'object' || Array.isArray(condition)) return undefined;
  const keys = Object.keys(condition);
  if (keys.length === 0 || !keys.every((k) => (RANGE_OPS as readonly string[]).includes(k))) return undefined;
  return condition as Partial<Record<RangeOp, unknown>>;
}

export class CompoundIndex {
  private readonly buckets = new Map<string, Entry[]>();
  /** Whether any document had an array value here (then one document may have several entries). */
  private multikey = false;

  constructor(readonly spec: IndexSpec) {}

  get isMultikey(): boolean {
    return this.multikey;
  }

  private compareEntries = (a: Entry, b: Entry): number => {
    for (let i = 1; i < this.spec.keys.length; i++) {
      const c = compareValues(a.values[i], b.values[i]);
      if (c !== 0) return c * this.spec.keys[i].direction;
    }
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  };

  /** One entry per combination of array elements (multikey); a missing field indexes as null. */
  private entriesOf(doc: Doc): Entry[] {
    let tuples: unknown[][] = [[]];
    for (const { field } of this.spec.keys) {
      const raw = fieldValue(doc, field);
      if (Array.isArray(raw)) this.multikey = true;
      const options = Array.isArray(raw) ? (raw.length > 0 ? raw : [undefined]) : [raw];
      tuples = tuples.flatMap((tuple) => options.map((value) => [...tuple, value ?? null]));
    }
    return tuples.map((values) => ({ values, id: doc._id }));
  }

  private bucketKey(value: unknown): string {
    return JSON.stringify(value ?? null);
  }

  /** Position in [lo, hi) of the first entry for which `probe` is not negative (binary search). */
  private lowerBound(bucket: Entry[], probe: (entry: Entry) => number, lo = 0, hi = bucket.length): number {
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (probe(bucket[mid]) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  remove(doc: Doc): void {
    for (const entry of this.entriesOf(doc)) {
      const bucket = this.buckets.get(this.bucketKey(entry.values[0]));
      if (!bucket) continue;
      const at = this.lowerBound(bucket, (e) => this.compareEntries(e, entry));
      if (at < bucket.length && bucket[at].id === entry.id && this.compareEntries(bucket[at], entry) === 0) bucket.splice(at, 1);
    }
  }

  insert(doc: Doc): void {
    for (const entry of this.entriesOf(doc)) {
      const key = this.bucketKey(entry.values[0]);
      let bucket = this.buckets.get(key);
      if (!bucket) {
        bucket = [];
        this.buckets.set(key, bucket);
      }
      bucket.splice(this.lowerBound(bucket, (e) => this.compareEntries(e, entry)), 0, entry);
    }
  }

  /** Builds from scratch (bulk loads): one sort per bucket instead of one splice per document. */
  rebuild(docs: Iterable<Doc>): void {
    this.buckets.clear();
    for (const doc of docs) {
      for (const entry of this.entriesOf(doc)) {
        const key = this.bucketKey(entry.values[0]);
        const bucket = this.buckets.get(key) ?? [];
        bucket.push(entry);
        this.buckets.set(key, bucket);
      }
    }
    for (const bucket of this.buckets.values()) bucket.sort(this.compareEntries);
  }

  /**
   * The [from, to) slice of the bucket that a filter selects, or null when this index cannot serve
   * the filter and order exactly.
   */
  match(filter: Record<string, unknown>, order: Order | undefined): { bucket: Entry[]; from: number; to: number } | null {
    const keys = this.spec.keys;
    const fields = Object.keys(filter);
    let p = 0;
    const fixed: unknown[] = [];
    while (p < keys.length && keys[p].field in filter) {
      const eq = equalityValue(filter[keys[p].field]);
      if (!eq) break;
      fixed.push(eq.value);
      p++;
    }
    if (p === 0) return null;
    const rangeField = p < keys.length && keys[p].field in filter ? keys[p].field : null;
    const range = rangeField ? rangeOf(filter[rangeField]) : undefined;
    if (rangeField && !range) return null;
    // Every condition of the filter must be one the index answers.
    if (fields.length !== p + (rangeField ? 1 : 0)) return null;
    if (order) {
      const wanted = Object.entries(order);
      if (wanted.length > keys.length - p) return null;
      for (let i = 0; i < wanted.length; i++) {
        const [field, direction] = wanted[i];
        if (keys[p + i].field !== field || keys[p + i].direction !== direction) return null;
      }
    }
    const bucket = this.buckets.get(this.bucketKey(fixed[0])) ?? [];
    const prefix = (e: Entry): number => {
      for (let i = 1; i < p; i++) {
        const c = compareValues(e.values[i], fixed[i]) * keys[i].direction;
        if (c !== 0) return c;
      }
      return 0;
    };
    let from = this.lowerBound(bucket, prefix);
    let to = this.lowerBound(bucket, (e) => (prefix(e) <= 0 ? -1 : 1), from);
    if (range) {
      const lowerValue = range.$gte ?? range.$gt;
      const upperValue = range.$lte ?? range.$lt;
      const passesLower = (e: Entry) =>
        lowerValue === undefined || (range.$gte !== undefined ? compareValues(e.values[p], lowerValue) >= 0 : compareValues(e.values[p], lowerValue) > 0);
      const passesUpper = (e: Entry) =>
        upperValue === undefined || (range.$lte !== undefined ? compareValues(e.values[p], upperValue) <= 0 : compareValues(e.values[p], upperValue) < 0);
      // Ascending keys meet the lower bound first; descending keys meet the upper bound first.
      const [entering, leaving] = keys[p].direction === 1 ? [passesLower, passesUpper] : [passesUpper, passesLower];
      const start = this.lowerBound(bucket, (e) => (entering(e) ? 1 : -1), from, to);
      to = this.lowerBound(bucket, (e) => (leaving(e) ? -1 : 1), start, to);
      from = start;
    }
    return { bucket, from, to };
  }
}

/** Chooses, per query, an index of the collection that serves it exactly. */
export class IndexCatalog implements IndexPlanner {
  private readonly byCollection = new Map<string, CompoundIndex[]>();

  define(collection: string, specs: IndexSpec[]): void {
    this.byCollection.set(collection, specs.map((spec) => new CompoundIndex(spec)));
  }

  indexesOf(collection: string): CompoundIndex[] {
    return this.byCollection.get(collection) ?? [];
  }

  /** Keeps the collection's indexes in step with a write. */
  onWrite(collection: string, before: Doc | null, after: Doc | null): void {
    for (const index of this.indexesOf(collection)) {
      if (before) index.remove(before);
      if (after) index.insert(after);
    }
  }

  rebuild(coll: Collection): void {
    for (const index of this.indexesOf(coll.name)) index.rebuild(coll.documents());
  }

  plan(coll: Collection, filter: Record<string, unknown> | undefined, order: Order | undefined, wanted: number): FindResult | null {
    if (!filter) return null;
    for (const index of this.indexesOf(coll.name)) {
      const slice = index.match(filter, order);
      if (!slice) continue;
      const matches = compileFilter(filter);
      const docs: Doc[] = [];
      let examined = 0;
      const seen = new Set<string>();
      for (let i = slice.from; i < slice.to && docs.length < wanted; i++) {
        const id = slice.bucket[i].id;
        if (seen.has(id)) continue;
        seen.add(id);
        const doc = coll.get(id);
        examined++;
        if (doc && matches(doc)) docs.push(doc);
      }
      return { docs, examined };
    }
    return null;
  }

  /** An index-only count (no document read), or null when no index serves the filter. */
  count(coll: Collection, filter: Record<string, unknown> | undefined): number | null {
    if (!filter) return null;
    for (const index of this.indexesOf(coll.name)) {
      const slice = index.match(filter, undefined);
      if (!slice) continue;
      if (!index.isMultikey) return slice.to - slice.from;
      const ids = new Set<string>();
      for (let i = slice.from; i < slice.to; i++) ids.add(slice.bucket[i].id);
      return ids.size;
    }
    return null;
  }
}
