/**
 * The grading pass over a publication (seeds/001 篇一 三、4; domain/outcome-rows.ts gradeChanges):
 * once every row of a closed cycle is drafted, each unit's rows are graded together (the quota counts
 * the unit's members) and the rows whose place, grade or grade flags differ are written. Writing only
 * what differs makes the pass safe to repeat: a close cut short after the rows and before the
 * publication moved runs it again, and finds the units it already graded unchanged.
 */
import { gradeChanges, gradedFields, graded, type GradeFields, type OutcomeRow } from '../../domain/outcome-rows';
import { ROOT } from '../../domain/organisation';
import type { Publication } from '../../domain/publication';
import type { Scheme } from '../../domain/scheme';
import { loadBranches } from './branches';
import { unitRows, writeGrades } from './outcomes';

type Change = { row: OutcomeRow; fields: GradeFields };

/** The units whose rows a publication holds: its own unit, or every unit and the direct members. */
async function unitsOf(publication: Pick<Publication, 'unitId'>): Promise<(string | null)[]> {
  if (publication.unitId !== ROOT) return [publication.unitId];
  return [null, ...(await loadBranches()).map((b) => b._id)];
}

/**
 * Grades every unit of a closed publication and writes what changed, outside a transaction (a
 * close's rows are written the same way; the pass is repeatable). Answers how many rows it wrote.
 */
export async function gradePublication(publication: Pick<Publication, '_id' | 'period' | 'unitId'>, scheme: Scheme): Promise<number> {
  if (!graded(publication.period, scheme)) return 0;
  let written = 0;
  for (const unit of await unitsOf(publication)) {
    const changes = gradeChanges(await unitRows(publication._id, unit), scheme);
    await writeGrades(changes);
    written += changes.length;
  }
  return written;
}

/**
 * At finalize: the units of the redrafted rows graded again with them. Answers the redrafted rows
 * with their grade fields (to be written whole) and the other rows of those units whose grade
 * fields changed (to be written as grades only), both inside the final transaction.
 */
export async function regrade(publicationId: string, redrafted: readonly OutcomeRow[], scheme: Scheme): Promise<{ rows: OutcomeRow[]; grades: Change[] }> {
  if (redrafted.length === 0 || !graded(redrafted[0].period, scheme)) return { rows: [...redrafted], grades: [] };
  const byId = new Map(redrafted.map((row) => [row._id, row]));
  const rows: OutcomeRow[] = [];
  const grades: Change[] = [];
  for (const unit of new Set(redrafted.map((row) => row.branchId))) {
    const stored = await unitRows(publicationId, unit);
    // A redrafted row stands for the stored one (it carries the member's unit as it is now).
    const current = [...stored.filter((row) => !byId.has(row._id)), ...redrafted.filter((row) => row.branchId === unit)];
    const fields = gradedFields(current, scheme);
    for (const row of current) if (byId.has(row._id)) rows.push({ ...row, ...fields.get(row._id) });
    grades.push(...gradeChanges(current, scheme, fields).filter(({ row }) => !byId.has(row._id)));
  }
  return { rows, grades };
}
