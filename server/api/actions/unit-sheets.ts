/**
 * What the per-unit sheets of an export share (the 考核表 of assessment-sheet.ts, the 评定结果 of
 * results-sheet.ts): the rows grouped by unit, and a sheet name per unit that Excel accepts.
 */

/** The rows of each unit, in the order given, with the unit's name (the direct members' word where none). */
export function byUnit<T extends { branchId: string | null; branchName?: string | null }>(rows: readonly T[], direct: string): { name: string; rows: T[] }[] {
  const units = new Map<string, { name: string; rows: T[] }>();
  for (const row of rows) {
    const unit = units.get(row.branchId ?? '') ?? { name: row.branchName ?? direct, rows: [] };
    unit.rows.push(row);
    units.set(row.branchId ?? '', unit);
  }
  return [...units.values()];
}

/** A sheet's name: `prefix-unit`, at most 31 characters, none of []:*?/\, and unique within the book (`used`). */
export function sheetName(prefix: string, unitName: string, used: Set<string>): string {
  const base = `${prefix}-${unitName.replace(/[[\]:*?/\\]/g, ' ')}`.slice(0, 28);
  let name = base;
  for (let n = 2; used.has(name); n++) name = `${base}${n}`;
  used.add(name);
  return name;
}
