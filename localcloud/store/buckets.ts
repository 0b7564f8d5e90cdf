/**
 * The sorted runs an index keeps per value of its leading key (see indexes.ts).
 *
 * A run is a plain array while it is small. A large one (a board index has one run per period with an
 * entry per member) is split into chunks, so that inserting or removing an entry moves at most a
 * chunk instead of a hundred thousand pointers: at 100,000 members one tally update went from about
 * 20 ms of array moves to well under one.
 */

/** A run above this length becomes chunked. */
const CHUNKED_ABOVE = 2048;
/** Entries per chunk when a run is chunked; a chunk that doubles is split in two. */
const CHUNK = 512;

/** A long sorted run as consecutive chunks; `starts[c]` is the position of `chunks[c][0]`. */
export class Chunked<E> {
  private readonly chunks: E[][] = [];
  private readonly starts: number[] = [];
  length = 0;

  constructor(sorted: E[]) {
    for (let i = 0; i < sorted.length; i += CHUNK) {
      this.chunks.push(sorted.slice(i, i + CHUNK));
      this.starts.push(i);
    }
    if (this.chunks.length === 0) {
      this.chunks.push([]);
      this.starts.push(0);
    }
    this.length = sorted.length;
  }

  /** The chunk holding position `i` (the last chunk for the position just past the end). */
  private chunkOf(i: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (this.starts[mid] <= i) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  at(i: number): E {
    const c = this.chunkOf(i);
    return this.chunks[c][i - this.starts[c]];
  }

  insertAt(i: number, entry: E): void {
    const c = this.chunkOf(i);
    const chunk = this.chunks[c];
    chunk.splice(i - this.starts[c], 0, entry);
    for (let k = c + 1; k < this.starts.length; k++) this.starts[k]++;
    this.length++;
    if (chunk.length >= 2 * CHUNK) {
      this.chunks.splice(c, 1, chunk.slice(0, CHUNK), chunk.slice(CHUNK));
      this.starts.splice(c + 1, 0, this.starts[c] + CHUNK);
    }
  }

  removeAt(i: number): void {
    const c = this.chunkOf(i);
    this.chunks[c].splice(i - this.starts[c], 1);
    for (let k = c + 1; k < this.starts.length; k++) this.starts[k]--;
    this.length--;
    if (this.chunks[c].length === 0 && this.chunks.length > 1) {
      this.chunks.splice(c, 1);
      this.starts.splice(c, 1);
    }
  }
}

export type Run<E> = E[] | Chunked<E>;

export function entryAt<E>(run: Run<E>, i: number): E {
  return Array.isArray(run) ? run[i] : run.at(i);
}

/** Position in [lo, hi) of the first entry for which `probe` is not negative (binary search). */
export function lowerBound<E>(run: Run<E>, probe: (entry: E) => number, lo = 0, hi = run.length): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (probe(entryAt(run, mid)) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** null, a string, a number or a boolean: what an index bucket is keyed by directly. */
export function isPlainValue(value: unknown): boolean {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}

/**
 * Runs by the value of the leading key. Plain values are Map keys themselves (no key string per run:
 * an index led by openid has one run per member); other values (dates, objects) are keyed by their
 * JSON in a map of their own, so no plain string can collide with them.
 */
export class Buckets<E> {
  private readonly plain = new Map<unknown, Run<E>>();
  private readonly other = new Map<string, Run<E>>();

  constructor(private readonly compare: (a: E, b: E) => number) {}

  get(value: unknown): Run<E> | undefined {
    return isPlainValue(value) ? this.plain.get(value) : this.other.get(JSON.stringify(value));
  }

  private set(value: unknown, run: Run<E>): void {
    if (isPlainValue(value)) this.plain.set(value, run);
    else this.other.set(JSON.stringify(value), run);
  }

  /** Inserts `entry` in its place in the run of `value`. */
  insert(value: unknown, entry: E): void {
    const run = this.get(value);
    if (!run) return this.set(value, [entry]);
    const at = lowerBound(run, (e) => this.compare(e, entry));
    if (!Array.isArray(run)) return run.insertAt(at, entry);
    run.splice(at, 0, entry);
    if (run.length > CHUNKED_ABOVE) this.set(value, new Chunked(run));
  }

  /** Removes the entry that compares equal to `entry` (same keys and id), if there is one. */
  remove(value: unknown, entry: E): void {
    const run = this.get(value);
    if (!run) return;
    const at = lowerBound(run, (e) => this.compare(e, entry));
    if (at >= run.length || this.compare(entryAt(run, at), entry) !== 0) return;
    if (Array.isArray(run)) run.splice(at, 1);
    else run.removeAt(at);
  }

  /** Bulk load: every entry with its leading value, in any order; each run is sorted once. */
  load(entries: Iterable<{ value: unknown; entry: E }>): void {
    this.plain.clear();
    this.other.clear();
    for (const { value, entry } of entries) {
      const run = this.get(value) as E[] | undefined;
      if (run) run.push(entry);
      else this.set(value, [entry]);
    }
    for (const map of [this.plain, this.other] as Map<unknown, Run<E>>[]) {
      for (const [key, run] of map) {
        const sorted = (run as E[]).sort(this.compare);
        map.set(key, sorted.length > CHUNKED_ABOVE ? new Chunked(sorted) : sorted.slice());
      }
    }
  }

  *values(): IterableIterator<Run<E>> {
    yield* this.plain.values();
    yield* this.other.values();
  }
}
