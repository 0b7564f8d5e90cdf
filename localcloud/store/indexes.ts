/**
 * Compound indexes for the embedded store, declared in deploy/database.json (the same list the
 * real cloud database gets), so local queries behave like indexed ones: a board reads the rows it
 * returns, and a count of "totals above mine" reads no documents at all.
 *
 * An index over keys K = [k0, k1, …] is kept as buckets by the value of k0, each a sorted run of
 * entries (buckets.ts) ordered by K[1..] (with their directions) and then _id. A query can use it
 * when it fixes k0…k(p-1) by equality, orders by a prefix of K[p..] (or not at all), and at most
 * bounds K[p] by a range. An array value (e.g. socialRoles) is indexed once per element, as MongoDB's multikey
 * indexes are.
 */
import { compareValues, comparatorFor, compileFilter, fieldValue, type FindResult, type IndexPlanner, type Order } from './query';
import type { Collection, Doc } from './store';
import { Buckets, entryAt, isPlainValue, lowerBound, type Run } from './buckets';

export interface IndexKey {
  field: string;
  direction: 1 | -1;
}

export interface IndexSpec {
  name: string;
  keys: IndexKey[];
}

/**
 * An index entry. Most are the document itself (8 bytes in the bucket, the key values read from its
 * fields); only a document with a multi-element array under a key gets one spelled-out entry per
 * element. At a million documents this is the difference between megabytes and a gigabyte.
 */
interface Spelled {
  values: unknown[];
  id: string;
}
type Entry = Doc | Spelled;

const isSpelled = (e: Entry): e is Spelled => Array.isArray((e as Spelled).values) && typeof (e as Spelled).id === 'string' && !('_id' in e);
const idOf = (e: Entry): string => (isSpelled(e) ? e.id : e._id);

/** A document's key value: an empty array indexes as null and a one-element array as its element. */
function keyValue(doc: Doc, field: string): unknown {
  const raw = field.includes('.') ? fieldValue(doc, field) : doc[field];
  if (Array.isArray(raw)) return raw.length === 0 ? null : raw.length === 1 ? (raw[0] ?? null) : raw;
  return raw ?? null;
}

const RANGE_OPS = ['$gt', '$gte', '$lt', '$lte'] as const;
type RangeOp = (typeof RANGE_OPS)[number];

/** `{ field: v }` or `{ field: { $eq: v } }` → v; anything else → undefined. */
function equalityValue(condition: unknown): { value: unknown } | undefined {
  if (isPlainValue(condition)) return { value: condition };
  if (condition && typeof condition === 'object' && Object.keys(condition).length === 1 && '$eq' in condition) {
    const value = (condition as { $eq: unknown }).$eq;
    if (isPlainValue(value)) return { value };
  }
  return undefined;
}

/** `{ $in: [plain values] }` → the values. */
function inList(condition: unknown): unknown[] | undefined {
  if (!condition || typeof condition !== 'object' || Object.keys(condition).length !== 1) return undefined;
  const list = (condition as { $in?: unknown }).$in;
  // Distinct values: each becomes a slice of its own, and slices must not overlap.
  return Array.isArray(list) && list.length > 0 && list.every(isPlainValue) ? [...new Set(list)] : undefined;
}

function rangeOf(condition: unknown): Partial<Record<RangeOp, unknown>> | undefined {
  if (!condition || typeof condition !== 'object' || Array.isArray(condition)) return undefined;
  const keys = Object.keys(condition);
  if (keys.length === 0 || !keys.every((k) => (RANGE_OPS as readonly string[]).includes(k))) return undefined;
  return condition as Partial<Record<RangeOp, unknown>>;
}

export class CompoundIndex {
  private readonly buckets: Buckets<Entry>;
  /** Whether any document had an array value here (then one document may have several entries). */
  private multikey = false;

  constructor(readonly spec: IndexSpec) {
    this.buckets = new Buckets<Entry>(this.compareEntries);
  }

  get isMultikey(): boolean {
    return this.multikey;
  }

  /** The value of key `i` of an entry. */
  private valueAt(e: Entry, i: number): unknown {
    return isSpelled(e) ? e.values[i] : keyValue(e, this.spec.keys[i].field);
  }

  private compareEntries = (a: Entry, b: Entry): number => {
    for (let i = 1; i < this.spec.keys.length; i++) {
      const c = compareValues(this.valueAt(a, i), this.valueAt(b, i));
      if (c !== 0) return c * this.spec.keys[i].direction;
    }
    const ia = idOf(a);
    const ib = idOf(b);
    return ia < ib ? -1 : ia > ib ? 1 : 0;
  };

  /** The document itself, or one spelled-out entry per combination of multi-element array values. */
  private entriesOf(doc: Doc): Entry[] {
    const values = this.spec.keys.map(({ field }) => keyValue(doc, field));
    if (!values.some(Array.isArray)) return [doc];
    this.multikey = true;
    let tuples: unknown[][] = [[]];
    for (const value of values) {
      const options = Array.isArray(value) ? value : [value];
      tuples = tuples.flatMap((tuple) => options.map((option) => [...tuple, option ?? null]));
    }
    return tuples.map((tuple) => ({ values: tuple, id: doc._id }));
  }

  remove(doc: Doc): void {
    for (const entry of this.entriesOf(doc)) this.buckets.remove(this.valueAt(entry, 0), entry);
  }

  insert(doc: Doc): void {
    for (const entry of this.entriesOf(doc)) this.buckets.insert(this.valueAt(entry, 0), entry);
  }

  /** Builds from scratch (bulk loads): one sort per bucket instead of one insertion per document. */
  rebuild(docs: Iterable<Doc>): void {
    this.buckets.load(this.keyedEntries(docs));
  }

  private *keyedEntries(docs: Iterable<Doc>): IterableIterator<{ value: unknown; entry: Entry }> {
    for (const doc of docs) for (const entry of this.entriesOf(doc)) yield { value: this.valueAt(entry, 0), entry };
  }

  /**
   * How this index serves `filter` and `order`: the slices to read, whether the filter has
   * conditions the index does not answer (`residual`: candidates are then checked), and whether the
   * slices come out in the requested order. Null when the index does not help at all.
   */
  match(filter: Record<string, unknown>, order: Order | undefined): IndexMatch | null {
    const keys = this.spec.keys;
    let p = 0;
    // Each fixed key holds one value (equality) or several ($in): one slice per combination.
    let combos: unknown[][] = [[]];
    let several = false;
    while (p < keys.length && keys[p].field in filter) {
      const condition = filter[keys[p].field];
      const eq = equalityValue(condition);
      const list = eq ? [eq.value] : inList(condition);
      if (!list) break;
      if (list.length !== 1) several = true;
      combos = combos.flatMap((combo) => list.map((value) => [...combo, value]));
      p++;
    }
    if (p === 0) {
      const slices = this.matchLeadingRange(filter, order);
      return slices ? { slices, residual: false, ordered: true, fixed: 0 } : null;
    }
    const rangeField = p < keys.length && keys[p].field in filter ? keys[p].field : null;
    const range = rangeField ? rangeOf(filter[rangeField]) : undefined;
    const answered = p + (range ? 1 : 0);
    const residual = Object.keys(filter).length !== answered;
    let ordered = !several;
    if (order && ordered) {
      const wanted = Object.entries(order);
      ordered =
        wanted.length <= keys.length - p &&
        wanted.every(([field, direction], i) => keys[p + i].field === field && keys[p + i].direction === direction);
    }
    const slices = combos.map((fixed) => this.sliceOf(fixed, p, range));
    return { slices, residual, ordered, fixed: p };
  }

  private sliceOf(fixed: unknown[], p: number, range: Partial<Record<RangeOp, unknown>> | undefined): Slice {
    const keys = this.spec.keys;
    const bucket = this.buckets.get(fixed[0]) ?? [];
    const prefix = (e: Entry): number => {
      for (let i = 1; i < p; i++) {
        const c = compareValues(this.valueAt(e, i), fixed[i]) * keys[i].direction;
        if (c !== 0) return c;
      }
      return 0;
    };
    let from = lowerBound(bucket, prefix);
    let to = lowerBound(bucket, (e) => (prefix(e) <= 0 ? -1 : 1), from);
    if (range) {
      const lowerValue = range.$gte ?? range.$gt;
      const upperValue = range.$lte ?? range.$lt;
      const passesLower = (e: Entry) =>
        lowerValue === undefined || (range.$gte !== undefined ? compareValues(this.valueAt(e, p), lowerValue) >= 0 : compareValues(this.valueAt(e, p), lowerValue) > 0);
      const passesUpper = (e: Entry) =>
        upperValue === undefined || (range.$lte !== undefined ? compareValues(this.valueAt(e, p), upperValue) <= 0 : compareValues(this.valueAt(e, p), upperValue) < 0);
      // Ascending keys meet the lower bound first; descending keys meet the upper bound first.
      const [entering, leaving] = keys[p].direction === 1 ? [passesLower, passesUpper] : [passesUpper, passesLower];
      const start = lowerBound(bucket, (e) => (entering(e) ? 1 : -1), from, to);
      to = lowerBound(bucket, (e) => (leaving(e) ? -1 : 1), start, to);
      from = start;
    }
    return { bucket, from, to };
  }

  /** A range on the leading key alone (e.g. occurredOn between two dates): whole buckets, in key order. */
  private matchLeadingRange(filter: Record<string, unknown>, order: Order | undefined): Slice[] | null {
    const [first] = this.spec.keys;
    const fields = Object.keys(filter);
    if (fields.length !== 1 || fields[0] !== first.field) return null;
    const range = rangeOf(filter[first.field]);
    if (!range) return null;
    if (order && !(Object.keys(order).length === 1 && order[first.field] === first.direction)) return null;
    const passes = (value: unknown) =>
      (range.$gt === undefined || compareValues(value, range.$gt) > 0) &&
      (range.$gte === undefined || compareValues(value, range.$gte) >= 0) &&
      (range.$lt === undefined || compareValues(value, range.$lt) < 0) &&
      (range.$lte === undefined || compareValues(value, range.$lte) <= 0);
    return [...this.buckets.values()]
      .filter((bucket) => bucket.length > 0 && passes(this.valueAt(entryAt(bucket, 0), 0)))
      .sort((a, b) => compareValues(this.valueAt(entryAt(a, 0), 0), this.valueAt(entryAt(b, 0), 0)) * first.direction)
      .map((bucket) => ({ bucket, from: 0, to: bucket.length }));
  }
}

interface Slice {
  bucket: Run<Entry>;
  from: number;
  to: number;
}

interface IndexMatch {
  slices: Slice[];
  /** The filter has conditions the index does not answer: every candidate is checked. */
  residual: boolean;
  /** The slices, read in turn, come out in the requested order. */
  ordered: boolean;
  /** How many leading keys the filter fixes (more is more selective). */
  fixed: number;
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

  /** The index that serves a query best: exact and ordered first, then the most selective prefix. */
  private best(collection: string, filter: Record<string, unknown>, order: Order | undefined): { index: CompoundIndex; match: IndexMatch } | null {
    let best: { index: CompoundIndex; match: IndexMatch; score: number } | null = null;
    for (const index of this.indexesOf(collection)) {
      const match = index.match(filter, order);
      if (!match) continue;
      const score = (match.residual ? 0 : 1000) + (match.ordered ? 100 : 0) + match.fixed;
      if (!best || score > best.score) best = { index, match, score };
    }
    return best;
  }

  plan(coll: Collection, filter: Record<string, unknown> | undefined, order: Order | undefined, wanted: number): FindResult | null {
    if (!filter) return null;
    const chosen = this.best(coll.name, filter, order);
    if (!chosen) return null;
    const { match } = chosen;
    const matches = compileFilter(filter);
    // Out of order (several $in values, or another order asked): read every candidate, then sort.
    const needsSort = Boolean(order && Object.keys(order).length > 0 && !match.ordered);
    const limit = needsSort ? Infinity : wanted;
    const docs: Doc[] = [];
    let examined = 0;
    // Only a multikey index lists a document more than once; other slices never overlap.
    const seen = chosen.index.isMultikey ? new Set<string>() : null;
    for (const slice of match.slices) {
      for (let i = slice.from; i < slice.to && docs.length < limit; i++) {
        const id = idOf(entryAt(slice.bucket, i));
        if (seen) {
          if (seen.has(id)) continue;
          seen.add(id);
        }
        const doc = coll.get(id);
        examined++;
        if (doc && matches(doc)) docs.push(doc);
      }
    }
    if (needsSort) docs.sort(comparatorFor(order!));
    return { docs: docs.slice(0, wanted), examined };
  }

  /** An index-only count (no document read), or null when no index serves the filter. */
  count(coll: Collection, filter: Record<string, unknown> | undefined): number | null {
    if (!filter) return null;
    const chosen = this.best(coll.name, filter, undefined);
    if (!chosen || chosen.match.residual) return null;
    const { index, match } = chosen;
    if (!index.isMultikey && match.slices.length === 1) return match.slices[0].to - match.slices[0].from;
    const ids = new Set<string>();
    for (const slice of match.slices) for (let i = slice.from; i < slice.to; i++) ids.add(idOf(entryAt(slice.bucket, i)));
    return ids.size;
  }
}
