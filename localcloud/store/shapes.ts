/**
 * Compact copies of stored documents.
 *
 * V8 gives objects with the same keys in the same order one shared hidden class, but not objects made
 * by spreading and then adding a key (`{ ...data, _id }`, which the write paths do): each of those
 * gets a hidden class and a descriptor array of its own, several hundred bytes per document. At a
 * million documents that is most of the store. So every document is copied once, as it enters the
 * store, by a constructor compiled per key list: the copies share one hidden class and hold every
 * field in the object itself.
 */

type Build = (source: Record<string, unknown>, copy: (value: unknown) => unknown) => Record<string, unknown>;

/** Beyond this many key lists, documents are copied key by key (still shared classes, less compact). */
const MAX_SHAPES = 2048;
const shapes = new Map<string, Build>();

function copyKeyByKey(source: Record<string, unknown>, copy: (value: unknown) => unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(source)) {
    // An own "__proto__" key (JSON.parse makes them) is data, not the prototype.
    if (key === '__proto__') Object.defineProperty(out, key, { value: copy(source[key]), enumerable: true, writable: true, configurable: true });
    else out[key] = copy(source[key]);
  }
  return out;
}

function builderFor(keys: string[]): Build {
  const signature = JSON.stringify(keys);
  let build = shapes.get(signature);
  if (build) return build;
  if (shapes.size >= MAX_SHAPES || keys.includes('__proto__')) return copyKeyByKey;
  const fields = keys.map((key) => `${JSON.stringify(key)}: copy(source[${JSON.stringify(key)}])`);
  build = new Function('source', 'copy', `return { ${fields.join(', ')} };`) as Build;
  shapes.set(signature, build);
  return build;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** A deep copy of plain objects and arrays; other values (Dates, RegExps, binary) are kept as they are. */
export function compactCopy<T>(value: T): T {
  if (Array.isArray(value)) return value.map(compactCopy) as T;
  if (!isPlainObject(value)) return value;
  return builderFor(Object.keys(value))(value, compactCopy) as T;
}
