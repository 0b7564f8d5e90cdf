/**
 * The publications and outcome rows of closed periods (domain/publication.ts, outcome-rows.ts): what
 * the period actions read and write. Rows have deterministic ids, so a close that is run again
 * writes the same rows.
 */
import type { Period } from '../../typings/api';
import type { GradeFields, OutcomeRow } from '../../domain/outcome-rows';
import { outcomeId } from '../../domain/outcome-rows';
import type { TallyFigures } from '../../domain/posting';
import type { EarlierOutcome } from '../../domain/outcomes';
import { ROOT } from '../../domain/organisation';
import type { Publication } from '../../domain/publication';
import { tallyId, type TallyKey } from '../../domain/tally';
import { database, getOrNull, type Tx } from '../cloud';
import { COLLECTIONS } from './collections';
import { figuresOf, withoutId, type StoredTally } from './ledger';
import type { StoredMember } from './members';

const IDS_PER_QUERY = 500;
const ROWS_PER_PAGE = 1000;

export async function findPublication(id: string): Promise<Publication | null> {
  const found = await getOrNull<Publication>(database().collection(COLLECTIONS.publications).doc(id));
  return found ? { ...found, _id: id } : null;
}

export async function readPublication(tx: Tx, id: string): Promise<Publication | null> {
  const found = await getOrNull<Publication>(tx.collection(COLLECTIONS.publications).doc(id));
  return found ? { ...found, _id: id } : null;
}

export async function writePublication(tx: Tx, publication: Publication): Promise<void> {
  await tx.collection(COLLECTIONS.publications).doc(publication._id).set({ data: withoutId(publication) });
}

/**
 * Active accounts of a unit (ROOT: of every unit) after `after`, in id order, `limit` at most; where
 * accounts are households, only households: the 评定小组's people have no 积分台账 (H11).
 */
export async function activeAccountsPage(unitId: string, after: string | null, limit: number, householdsOnly = false): Promise<StoredMember[]> {
  const db = database();
  const where: Record<string, unknown> = { status: 'active' };
  if (householdsOnly) where.kind = 'household';
  if (unitId !== ROOT) where.branchId = unitId;
  if (after !== null) where._id = db.command.gt(after);
  const { data } = await db.collection(COLLECTIONS.members).where(where).orderBy('_id', 'asc').limit(limit).get();
  return data as StoredMember[];
}

/** Documents of a collection by id, in queries of IDS_PER_QUERY ids. */
export async function readByIds<T extends { _id: string }>(collection: string, ids: readonly string[]): Promise<T[]> {
  const db = database();
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += IDS_PER_QUERY) {
    const { data } = await db.collection(collection).where({ _id: db.command.in(ids.slice(i, i + IDS_PER_QUERY)) }).limit(1000).get();
    out.push(...(data as T[]));
  }
  return out;
}

/** The figures of each account's tally under `key`, null where it has none. */
export async function tallyFigures(memberIds: readonly string[], key: TallyKey): Promise<Map<string, TallyFigures | null>> {
  const tallies = await readByIds<StoredTally>(COLLECTIONS.tallies, memberIds.map((id) => tallyId(id, key)));
  const byMember = new Map(tallies.map((t) => [t.memberId, figuresOf(t)]));
  return new Map(memberIds.map((id) => [id, byMember.get(id) ?? null]));
}

/** Each account's warning and stars in the given earlier cycles, newest first (null: none, or not assessed). */
export async function earlierOutcomes(memberIds: readonly string[], cycleKeys: readonly string[]): Promise<Map<string, EarlierOutcome[]>> {
  if (cycleKeys.length === 0) return new Map();
  const ids = cycleKeys.flatMap((key) => memberIds.map((id) => outcomeId('cycle', key, id)));
  const rows = new Map((await readByIds<OutcomeRow>(COLLECTIONS.outcomes, ids)).map((row) => [row._id, row]));
  return new Map(
    memberIds.map((id) => [
      id,
      cycleKeys.map((key) => {
        const row = rows.get(outcomeId('cycle', key, id));
        return { warning: row?.warning ?? null, stars: row?.stars ?? null };
      }),
    ]),
  );
}

/**
 * Writes drafted rows by their ids (a close run again writes the same rows): outside a transaction
 * for a close's batch of hundreds, which the publication's cursor makes resumable; in `tx` for the
 * few rows a finalize drafts again.
 */
export async function writeRows(rows: readonly OutcomeRow[], tx?: Tx): Promise<void> {
  const outcomes = (tx ?? database()).collection(COLLECTIONS.outcomes);
  for (const row of rows) await outcomes.doc(row._id).set({ data: withoutId(row) });
}

/** Writes what the grading pass found changed (only those fields: the rest of each row stays as drafted). */
export async function writeGrades(changes: readonly { row: OutcomeRow; fields: GradeFields }[], tx?: Tx): Promise<void> {
  const outcomes = (tx ?? database()).collection(COLLECTIONS.outcomes);
  for (const { row, fields } of changes) await outcomes.doc(row._id).update({ data: fields });
}

/** Every outcome row `where` selects, read in pages by id, so a board of thousands is whole. */
async function rowsWhere(where: Record<string, unknown>): Promise<OutcomeRow[]> {
  const db = database();
  const rows: OutcomeRow[] = [];
  for (let after: string | null = null; ; ) {
    const page: Record<string, unknown> = after === null ? where : { ...where, _id: db.command.gt(after) };
    const { data } = await db.collection(COLLECTIONS.outcomes).where(page).orderBy('_id', 'asc').limit(ROWS_PER_PAGE).get();
    rows.push(...(data as OutcomeRow[]));
    if (data.length < ROWS_PER_PAGE) return rows;
    after = rows[rows.length - 1]._id;
  }
}

/** Every row of a publication at once, for the passes that need the whole board (grading, placing, 末尾淘汰). */
export async function publicationRows(publication: string): Promise<OutcomeRow[]> {
  return rowsWhere({ publication });
}

/** How many rows a unit has in a publication: the members its quota counts. */
export async function countUnitRows(publication: string, branchId: string | null): Promise<number> {
  const { total } = await database().collection(COLLECTIONS.outcomes).where({ publication, branchId }).count();
  return total;
}

/** The rows of these members in a publication, where they have one. */
export async function rowsOf(publication: Pick<Publication, 'period' | 'key'>, memberIds: readonly string[]): Promise<OutcomeRow[]> {
  return readByIds<OutcomeRow>(COLLECTIONS.outcomes, memberIds.map((id) => outcomeId(publication.period, publication.key, id)));
}

export async function findRow(id: string): Promise<OutcomeRow | null> {
  const found = await getOrNull<OutcomeRow>(database().collection(COLLECTIONS.outcomes).doc(id));
  return found ? { ...found, _id: id } : null;
}

/** A page of a publication's rows for a unit (null: all), best score first. */
export async function rowsPage(publication: string, branchId: string | null, offset: number, limit: number): Promise<OutcomeRow[]> {
  const where: Record<string, unknown> = { publication };
  if (branchId !== null) where.branchId = branchId;
  const { data } = await database()
    .collection(COLLECTIONS.outcomes)
    .where(where)
    .orderBy('score', 'desc')
    .orderBy('name', 'asc')
    .orderBy('memberId', 'asc')
    .skip(offset)
    .limit(limit)
    .get();
  return data as OutcomeRow[];
}

/** Objections of a publication not decided yet. */
export async function pendingObjections(publication: string): Promise<number> {
  const { total } = await database().collection(COLLECTIONS.claims).where({ kind: 'objection', status: 'pending', publication }).count();
  return total;
}

/** The rows of a publication with an upheld objection: re-drafted from the tallies when it is made final. */
export async function upheldRows(publication: string): Promise<OutcomeRow[]> {
  const { data } = await database().collection(COLLECTIONS.outcomes).where({ publication, 'objection.state': 'upheld' }).limit(1000).get();
  return data as OutcomeRow[];
}

export type { Period };

/**
 * Every row of a period (the whole organisation's, or one unit's), with the state of the publication
 * each belongs to: what an export of a closed cycle lists (admin.export's 评定结果).
 */
export async function periodRows(period: Period, key: string, branchId: string | undefined): Promise<{ rows: OutcomeRow[]; states: Map<string, Publication['state']> }> {
  const where: Record<string, unknown> = { period, key };
  if (branchId !== undefined) where.branchId = branchId;
  const rows = await rowsWhere(where);
  const publications = await readByIds<Publication>(COLLECTIONS.publications, [...new Set(rows.map((r) => r.publication))]);
  return { rows, states: new Map(publications.map((p) => [p._id, p.state])) };
}
