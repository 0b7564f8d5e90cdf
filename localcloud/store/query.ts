/**
 * Query execution over a collection: filter (mingo, MongoDB semantics), order, skip, limit and
 * projection, counting the documents it examines so the bench can report them.
 */
import { Query } from 'mingo';
import { find as mingoFind } from 'mingo';
import type { Collection, Doc } from './store';

export type Order = Record<string, 1 | -1>;

export interface FindOptions {
  order?: Order;
  offset?: number;
  limit?: number;
}

export interface FindResult {
  docs: Doc[];
  examined: number;
}

/** Answers a query from an index instead of a scan, or declines with `null`. */
export interface IndexPlanner {
  plan(
    coll: Collection,
    filter: Record<string, unknown> | undefined,
    order: Order | undefined,
    wanted: number,
  ): FindResult | null;
}

const typeRank = (v: unknown): number => {
  if (v === undefined || v === null) return 0;
  if (typeof v === 'number') return 1;
  if (typeof v === 'string') return 2;
  if (typeof v === 'object' && !(v instanceof Date) && !Array.isArray(v)) return 3;
  if (Array.isArray(v)) return 4;
  if (typeof v === 'boolean') return 5;
  if (v instanceof Date) return 6;
  return 7;
};

/** MongoDB-like ordering of two field values (missing and null first). */
export function compareValues(a: unknown, b: unknown): number {
  // Fast paths for the common cases (index maintenance compares millions of these).
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const ra = typeRank(a);
  const rb = typeRank(b);
  if (ra !== rb) return ra - rb;
  if (a instanceof Date && b instanceof Date) return a.getTime() - b.getTime();
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  const ja = JSON.stringify(a);
  const jb = JSON.stringify(b);
  return ja < jb ? -1 : ja > jb ? 1 : 0;
}

export function fieldValue(doc: Record<string, unknown>, fieldPath: string): unknown {
  let value: unknown = doc;
  for (const part of fieldPath.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

export function comparatorFor(order: Order): (a: Doc, b: Doc) => number {
  const keys = Object.entries(order);
  return (a, b) => {
    for (const [field, direction] of keys) {
      const c = compareValues(fieldValue(a, field), fieldValue(b, field));
      if (c !== 0) return c * direction;
    }
    return 0;
  };
}

export function compileFilter(filter: Record<string, unknown> | undefined): (doc: Doc) => boolean {
  if (!filter || Object.keys(filter).length === 0) return () => true;
  const query = new Query(filter);
  return (doc) => query.test(doc);
}

export function findDocuments(
  coll: Collection,
  filter: Record<string, unknown> | undefined,
  options: FindOptions,
  planner?: IndexPlanner,
): FindResult {
  const offset = options.offset ?? 0;
  const limit = options.limit ?? Infinity;
  const byId = primaryKeyLookup(coll, filter);
  if (byId) {
    if (options.order && Object.keys(options.order).length > 0) byId.docs.sort(comparatorFor(options.order));
    return { docs: byId.docs.slice(offset, offset + limit), examined: byId.examined };
  }
  const planned = planner?.plan(coll, filter, options.order, offset + limit);
  if (planned) return { docs: planned.docs.slice(offset, offset + limit), examined: planned.examined };

  const matches = compileFilter(filter);
  const hits: Doc[] = [];
  let examined = 0;
  for (const doc of coll.documents()) {
    examined++;
    if (matches(doc)) hits.push(doc);
  }
  if (options.order && Object.keys(options.order).length > 0) hits.sort(comparatorFor(options.order));
  return { docs: hits.slice(offset, offset + limit), examined };
}

export function project(doc: Doc, projection: Record<string, unknown> | undefined): Doc {
  if (!projection || Object.keys(projection).length === 0) return doc;
  return mingoFind([doc], {}, projection).all()[0] as Doc;
}

/** `{ _id: v }` or `{ _id: { $in: [...] } }` (plus other conditions): read by primary key, as the database does. */
export function primaryKeyLookup(coll: Collection, filter: Record<string, unknown> | undefined): FindResult | null {
  if (!filter || !('_id' in filter)) return null;
  const condition = filter._id;
  let ids: unknown[];
  if (typeof condition === 'string' || typeof condition === 'number') ids = [condition];
  else if (condition && typeof condition === 'object' && Object.keys(condition).length === 1 && Array.isArray((condition as { $in?: unknown }).$in)) {
    ids = (condition as { $in: unknown[] }).$in;
  } else return null;
  const matches = compileFilter(filter);
  const docs: Doc[] = [];
  let examined = 0;
  for (const id of new Set(ids.map(String))) {
    const doc = coll.get(id);
    if (!doc) continue;
    examined++;
    if (matches(doc)) docs.push(doc);
  }
  return { docs, examined };
}
