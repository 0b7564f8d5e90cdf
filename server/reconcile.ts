/**
 * Reconcile (SPEC §4 Ledger and tallies): recomputes every tally from the ledger, the source of
 * truth, and compares it with the stored tallies and each member's list of tally keys.
 *
 * Drift: a tally the ledger implies but the store lacks (missing), a stored tally no entry implies
 * (extra), a wrong total, attributes that differ from the member's current ones (the boards filter on
 * them), a member's `tallyKeys` that differ from their tallies, entries or tallies of a member that
 * does not exist (orphan, reported, never fixed).
 *
 * Runs through the SDK, so it works against any database a cloud function can reach. Tallies are
 * read before the ledger, and a fix re-reads a member's tallies in its transaction and leaves the
 * member alone if one moved since the scan: an entry posted during the run is never overwritten.
 */
import type { LedgerEntry } from '../typings/models';
import { applyEntry, touchedTallies, type TallyFigures } from '../domain/posting';
import { tallyAttributes, tallyId, type TallyKey } from '../domain/tally';
import type { Scheme } from '../domain/scheme';
import { database, getOrNull, transact } from './cloud';
import { COLLECTIONS } from './data/collections';
import { figuresOf, postedLine, storedTally, withoutId, type StoredTally } from './data/ledger';
import type { StoredMember } from './data/members';
import { loadSchemeInForce } from './data/schemes';

export type DriftKind = 'missing' | 'extra' | 'total' | 'attributes' | 'tallyKeys' | 'orphan';

export interface Drift {
  kind: DriftKind;
  memberId: string;
  key?: string;
  expected?: unknown;
  actual?: unknown;
}

export interface ReconcileReport {
  drift: Drift[];
  /** Stored tallies read. */
  tallies: number;
  /** Ledger entries read. */
  entries: number;
  members: number;
  /** Members whose tallies were rewritten (fix only). */
  fixedMembers: number;
  /** Members left alone because they changed during the run (fix only): run again. */
  changedDuringRun: string[];
}

export interface ReconcileOptions {
  fix?: boolean;
  now?: Date;
}

const PAGE = 1000;
/** The attributes a tally must share with its member. */
const ATTRIBUTE_FIELDS = ['name', 'branchId', 'branchName', 'category', 'group', 'profession', 'socialRoles', 'status', 'openid'] as const;

interface Expected {
  memberId: string;
  key: TallyKey;
  figures: TallyFigures;
}

export async function reconcile(options: ReconcileOptions = {}): Promise<ReconcileReport> {
  const scheme = await loadSchemeInForce(options.now ?? new Date());

  const stored = new Map<string, StoredTally>();
  await scan<StoredTally>(COLLECTIONS.tallies, undefined, (t) => stored.set(t._id, t));

  // The tallies the ledger implies: every entry applied as posting applies it (its order does not matter).
  const expected = new Map<string, Expected>();
  let entries = 0;
  await scan<LedgerEntry>(
    COLLECTIONS.ledger,
    { _id: true, memberId: true, occurredOn: true, points: true, itemId: true, component: true, capGroup: true, deduction: true, redemption: true },
    (entry) => {
      entries++;
      const line = postedLine(entry, scheme);
      const before = new Map(touchedTallies(line, scheme).map((key) => [key, expected.get(tallyId(entry.memberId, key))?.figures ?? null]));
      for (const [key, figures] of applyEntry(line, before, scheme)) {
        expected.set(tallyId(entry.memberId, key), { memberId: entry.memberId, key, figures });
      }
    },
  );

  const members = new Map<string, StoredMember>();
  await scan<StoredMember>(COLLECTIONS.members, undefined, (m) => members.set(m._id, m));

  const expectedKeys = groupBy([...expected.values()], (e) => e.memberId, (e) => e.key as string);
  const keysOf = (memberId: string): string[] => [...(expectedKeys.get(memberId) ?? [])].sort();
  const storedIdsOf = groupBy([...stored.values()], (t) => t.memberId, (t) => t._id);

  const drift: Drift[] = [];
  const drifting = new Set<string>();
  const report = (d: Drift) => {
    drift.push(d);
    if (d.kind !== 'orphan') drifting.add(d.memberId);
  };

  for (const [id, want] of expected) {
    const member = members.get(want.memberId);
    const have = stored.get(id);
    if (!member) {
      report({ kind: 'orphan', memberId: want.memberId, key: want.key, expected: want.figures.total, actual: have?.total ?? null });
      continue;
    }
    if (!have) {
      report({ kind: 'missing', memberId: member._id, key: want.key, expected: want.figures.total, actual: null });
      continue;
    }
    if (have.total !== want.figures.total) report({ kind: 'total', memberId: member._id, key: want.key, expected: want.figures.total, actual: have.total });
    else if (!sameFigures(figuresOf(have), want.figures)) report({ kind: 'total', memberId: member._id, key: want.key, expected: want.figures, actual: figuresOf(have) });
    const differing = attributeDiff(have, member, scheme);
    if (differing) report({ kind: 'attributes', memberId: member._id, key: want.key, ...differing });
  }
  for (const [id, have] of stored) {
    if (expected.has(id)) continue;
    const kind: DriftKind = members.has(have.memberId) ? 'extra' : 'orphan';
    report({ kind, memberId: have.memberId, key: have.key, expected: null, actual: have.total });
  }
  for (const member of members.values()) {
    const want = keysOf(member._id);
    const have = [...(member.tallyKeys ?? [])].sort();
    if (JSON.stringify(want) !== JSON.stringify(have)) report({ kind: 'tallyKeys', memberId: member._id, expected: want, actual: have });
  }

  const result: ReconcileReport = {
    drift,
    tallies: stored.size,
    entries,
    members: members.size,
    fixedMembers: 0,
    changedDuringRun: [],
  };
  if (options.fix) {
    for (const memberId of drifting) {
      const member = members.get(memberId)!;
      const ids = [...new Set([...keysOf(memberId).map((key) => tallyId(memberId, key as TallyKey)), ...(storedIdsOf.get(memberId) ?? [])])];
      const fixed = await fixMember(member, ids, keysOf(memberId), expected, stored, scheme);
      if (fixed) result.fixedMembers++;
      else result.changedDuringRun.push(memberId);
    }
  }
  return result;
}

/** One short line: `drift=0 tallies=N entries=M`, then a line per kind of drift. */
export function summarize(report: ReconcileReport): string {
  const lines = [`drift=${report.drift.length} tallies=${report.tallies} entries=${report.entries}`];
  const counts = new Map<DriftKind, number>();
  for (const d of report.drift) counts.set(d.kind, (counts.get(d.kind) ?? 0) + 1);
  for (const [kind, n] of counts) lines.push(`  ${kind}: ${n}`);
  for (const d of report.drift.slice(0, 20)) {
    lines.push(`  ${d.kind} ${d.memberId}${d.key ? ` ${d.key}` : ''} expected=${JSON.stringify(d.expected)} actual=${JSON.stringify(d.actual)}`);
  }
  if (report.drift.length > 20) lines.push(`  … ${report.drift.length - 20} more`);
  return lines.join('\n');
}

/** Rewrites a member's tallies and tallyKeys from the ledger sums, unless they moved since the scan. */
async function fixMember(
  member: StoredMember,
  ids: string[],
  wantKeys: string[],
  expected: Map<string, Expected>,
  stored: Map<string, StoredTally>,
  scheme: Scheme,
): Promise<boolean> {
  return transact(async (tx) => {
    const current = await getOrNull<StoredMember>(tx.collection(COLLECTIONS.members).doc(member._id));
    if (!current || JSON.stringify(current.tallyKeys ?? []) !== JSON.stringify(member.tallyKeys ?? [])) return false;
    for (const id of ids) {
      const now = await getOrNull<StoredTally>(tx.collection(COLLECTIONS.tallies).doc(id));
      if (!sameFigures(figuresOf(now), figuresOf(stored.get(id)))) return false;
    }
    const fresh = { ...current, _id: member._id };
    for (const id of ids) {
      const want = expected.get(id);
      if (want) await tx.collection(COLLECTIONS.tallies).doc(id).set({ data: withoutId(storedTally(fresh, want.key, want.figures, scheme)) });
      else await tx.collection(COLLECTIONS.tallies).doc(id).remove();
    }
    const have = current.tallyKeys ?? [];
    if (JSON.stringify([...have].sort()) !== JSON.stringify(wantKeys)) {
      // Keep the order the member's keys were added in; drop the stale ones, append the missing ones.
      const tallyKeys = [...have.filter((key) => wantKeys.includes(key)), ...wantKeys.filter((key) => !have.includes(key))];
      await tx.collection(COLLECTIONS.members).doc(member._id).update({ data: { tallyKeys } });
    }
    return true;
  });
}

/** Totals, parts, scores and cap groups alike (sums of halves and tenths compared to the cent). */
function sameFigures(a: TallyFigures | null, b: TallyFigures | null): boolean {
  return canonical(a) === canonical(b);
}

/** JSON with keys sorted and numbers in cents: equal figures read alike whatever order they were built in. */
function canonical(value: unknown): string {
  if (typeof value === 'number') return String(Math.round(value * 100));
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : 1));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
}

function groupBy<T>(items: T[], by: (item: T) => string, value: (item: T) => string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const item of items) {
    const list = out.get(by(item));
    if (list) list.push(value(item));
    else out.set(by(item), [value(item)]);
  }
  return out;
}

function attributeDiff(tally: StoredTally, member: StoredMember, scheme: Scheme): { expected: object; actual: object } | null {
  const want: Record<string, unknown> = { ...tallyAttributes(member, scheme), openid: member.openid ?? null };
  const have = tally as unknown as Record<string, unknown>;
  const expected: Record<string, unknown> = {};
  const actual: Record<string, unknown> = {};
  for (const field of ATTRIBUTE_FIELDS) {
    if (JSON.stringify(want[field] ?? null) !== JSON.stringify(have[field] ?? null)) {
      expected[field] = want[field] ?? null;
      actual[field] = have[field] ?? null;
    }
  }
  return Object.keys(expected).length > 0 ? { expected, actual } : null;
}

/** Every document of a collection, 1000 per read, by `_id` (keyset, so cost does not grow with depth). */
async function scan<T extends { _id: string }>(collection: string, projection: object | undefined, visit: (doc: T) => void): Promise<void> {
  const db = database();
  for (let after: string | null = null; ; ) {
    let query = db.collection(collection).where(after === null ? {} : { _id: db.command.gt(after) });
    if (projection) query = query.field(projection);
    const { data } = await query.orderBy('_id', 'asc').limit(PAGE).get();
    for (const doc of data as T[]) visit(doc);
    if (data.length < PAGE) return;
    after = (data[data.length - 1] as T)._id;
  }
}
