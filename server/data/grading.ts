/**
 * The passes over a publication's rows once every row of a closed period is drafted: grading, unit
 * by unit (seeds/001 篇一 三、4; domain/outcome-rows.ts gradeChanges: the quota counts the unit's
 * members), and placing on the board (seeds/003 半年一评比: places, 星级评比 by place and 挂牌公示;
 * domain/placings.ts, docs/rules.md Q10–Q12). Both work from one read of the publication's rows.
 * Writing only what differs makes the passes safe to repeat: a close cut short after the rows and
 * before the publication moved runs them again, and finds the rows it already passed unchanged.
 */
import type { Period } from '../../typings/api';
import { assessed, gradeChanges, gradedFields, graded, type GradeFields, type OutcomeRow } from '../../domain/outcome-rows';
import { placeRows } from '../../domain/placings';
import type { Publication } from '../../domain/publication';
import type { Scheme } from '../../domain/scheme';
import { publicationRows, writeGrades, writeRows } from './outcomes';

type GradeChange = { row: OutcomeRow; fields: GradeFields };

/** What a pass answers: rows to write whole, and other rows whose grade fields alone changed. */
export interface Passed {
  rows: OutcomeRow[];
  grades: GradeChange[];
}

/** Whether a period's rows are placed: an assessed period of a template with stars by place, plaques or 末尾淘汰. */
const placed = (period: Period, scheme: Scheme): boolean =>
  assessed(period, scheme) && Boolean(scheme.outcomes?.rankStars || scheme.outcomes?.plaques || scheme.outcomes?.bottom);

/** The rows of each unit (null: the organisation's direct members). */
function unitsOf(rows: readonly OutcomeRow[]): OutcomeRow[][] {
  const units = new Map<string | null, OutcomeRow[]>();
  for (const row of rows) {
    const unit = units.get(row.branchId) ?? [];
    unit.push(row);
    units.set(row.branchId, unit);
  }
  return [...units.values()];
}

/**
 * Places `rows` (graded already where `grades` changed them) and answers the placed rows that
 * changed, to be written whole, with the grade changes of the rest. `whole`: rows written whole
 * whether or not placing changes them (finalize's redrafted rows).
 */
function withPlaces(rows: readonly OutcomeRow[], grades: readonly GradeChange[], scheme: Scheme, whole: readonly OutcomeRow[] = []): Passed {
  const fields = new Map(grades.map(({ row, fields: f }) => [row._id, f]));
  const current = rows.map((row) => (fields.has(row._id) ? { ...row, ...fields.get(row._id) } : row));
  const changed = new Map(placeRows(current, scheme.outcomes!, scheme.organisation).map((row) => [row._id, row]));
  const wholeIds = new Set(whole.map((row) => row._id));
  const written = [...whole.map((row) => changed.get(row._id) ?? row), ...[...changed.values()].filter((row) => !wholeIds.has(row._id))];
  const ids = new Set(written.map((row) => row._id));
  return { rows: written, grades: grades.filter(({ row }) => !ids.has(row._id)) };
}

/**
 * Grades and places every row of a closed publication and writes what changed, outside a
 * transaction (a close's rows are written the same way; the passes are repeatable).
 */
export async function passPublication(publication: Pick<Publication, '_id' | 'period'>, scheme: Scheme): Promise<void> {
  const grading = graded(publication.period, scheme);
  const placing = placed(publication.period, scheme);
  if (!grading && !placing) return;
  const rows = await publicationRows(publication._id);
  const grades = grading ? unitsOf(rows).flatMap((unit) => gradeChanges(unit, scheme)) : [];
  const passed = placing ? withPlaces(rows, grades, scheme) : { rows: [], grades };
  await writeRows(passed.rows);
  await writeGrades(passed.grades);
}

/**
 * At finalize: the rows drafted again, graded again with the rest of their units and placed among the
 * rest of the publication's rows. Answers the redrafted rows (to be written whole, with any other row
 * whose place or plaque they change) and the other rows of those units whose grade fields changed
 * (to be written as grades only), all inside the final transaction.
 */
export async function passRedrafted(publication: Pick<Publication, '_id' | 'period'>, redrafted: readonly OutcomeRow[], scheme: Scheme): Promise<Passed> {
  const grading = graded(publication.period, scheme);
  const placing = placed(publication.period, scheme);
  if (redrafted.length === 0 || (!grading && !placing)) return { rows: [...redrafted], grades: [] };
  const stored = await publicationRows(publication._id);
  const regraded = grading ? regrade(stored, redrafted, scheme) : { rows: [...redrafted], grades: [] };
  if (!placing) return regraded;
  const fresh = new Map(regraded.rows.map((row) => [row._id, row]));
  return withPlaces(stored.map((row) => fresh.get(row._id) ?? row), regraded.grades, scheme, regraded.rows);
}

/** The units of the redrafted rows graded again with them; a redrafted row stands for the stored one (it carries the member's unit as it is now). */
function regrade(stored: readonly OutcomeRow[], redrafted: readonly OutcomeRow[], scheme: Scheme): Passed {
  const byId = new Map(redrafted.map((row) => [row._id, row]));
  const rows: OutcomeRow[] = [];
  const grades: GradeChange[] = [];
  for (const unit of new Set(redrafted.map((row) => row.branchId))) {
    const current = [...stored.filter((row) => row.branchId === unit && !byId.has(row._id)), ...redrafted.filter((row) => row.branchId === unit)];
    const fields = gradedFields(current, scheme);
    for (const row of current) if (byId.has(row._id)) rows.push({ ...row, ...fields.get(row._id) });
    grades.push(...gradeChanges(current, scheme, fields).filter(({ row }) => !byId.has(row._id)));
  }
  return { rows, grades };
}
