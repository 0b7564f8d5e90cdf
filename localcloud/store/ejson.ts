/**
 * Extended JSON, the wire format of `@cloudbase/database`. We load the very `bson` copy the SDK
 * uses, so that what the SDK encodes we decode the same way.
 */
import * as path from 'path';

interface EJSONApi {
  parse(text: string, options?: { relaxed?: boolean }): unknown;
  stringify(value: unknown, options?: { relaxed?: boolean }): string;
  serialize(value: unknown, options?: { relaxed?: boolean }): unknown;
  deserialize(value: unknown, options?: { relaxed?: boolean }): unknown;
}

function loadBson(): { EJSON: EJSONApi } {
  const sdkDir = path.dirname(require.resolve('wx-server-sdk'));
  const nodeSdkDir = path.dirname(require.resolve('@cloudbase/node-sdk', { paths: [sdkDir] }));
  const databaseDir = path.dirname(require.resolve('@cloudbase/database', { paths: [nodeSdkDir] }));
  return require(require.resolve('bson', { paths: [databaseDir] })) as { EJSON: EJSONApi };
}

const { EJSON } = loadBson();

/** Turns BSON wrapper values the engine cannot match on (BSONRegExp) into plain JS values. */
function plain(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(plain);
  if (value && typeof value === 'object' && !(value instanceof Date) && !(value instanceof RegExp)) {
    const bsontype = (value as { _bsontype?: string })._bsontype;
    if (bsontype === 'BSONRegExp') {
      const { pattern, options } = value as unknown as { pattern: string; options: string };
      return new RegExp(pattern, options.replace(/[^gimsuy]/g, ''));
    }
    if (bsontype === 'ObjectId' || bsontype === 'ObjectID') return String(value);
    if (bsontype) return value;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = plain(v);
    return out;
  }
  return value;
}

export const ejson = {
  /** Wire text → JS values (numbers, Dates, RegExps). */
  parse(text: string): unknown {
    return plain(EJSON.parse(text, { relaxed: true }));
  },
  /** JS value → canonical wire text, the form the SDK itself sends. */
  stringify(value: unknown): string {
    return EJSON.stringify(value, { relaxed: false });
  },
  /** JS value → JSON-safe object (journal, snapshot). */
  serialize(value: unknown): unknown {
    return EJSON.serialize(value, { relaxed: false });
  },
  deserialize(value: unknown): unknown {
    return plain(EJSON.deserialize(value as object, { relaxed: true }));
  },
};
