/**
 * The pass over a closed period's rows once every row is drafted (seeds/003 半年一评比): places on the
 * board, 星级评比 by place and 挂牌公示 (domain/placings.ts, docs/rules.md Q10–Q12). Called by
 * admin.period.close before it marks the publication drafted, so a pass cut short is run again by
 * the next call; and by admin.period.finalize for the rows an upheld objection drafts again.
 */
import type { Period } from '../../../typings/api';
import { assessed, type OutcomeRow } from '../../../domain/outcome-rows';
import { placeRows } from '../../../domain/placings';
import type { Scheme } from '../../../domain/scheme';
import { writeRows } from '../../data/outcomes';
import { publicationRows } from '../../data/outcomes';

const places = (period: Period, scheme: Scheme): boolean => assessed(period, scheme) && Boolean(scheme.outcomes?.rankStars || scheme.outcomes?.plaques || scheme.outcomes?.bottom);

/** Places the publication's rows, writing only those that changed. */
export async function placePublication(publication: string, period: Period, scheme: Scheme): Promise<void> {
  if (!places(period, scheme)) return;
  await writeRows(placeRows(await publicationRows(publication), scheme.outcomes!, scheme.organisation));
}

/**
 * The rows drafted again at finalize, placed among the rest of the publication's rows, with any
 * other row whose place or plaque they change: all written in finalize's transaction.
 */
export async function placeRedrafted(publication: string, period: Period, scheme: Scheme, redrafted: readonly OutcomeRow[]): Promise<OutcomeRow[]> {
  if (redrafted.length === 0 || !places(period, scheme)) return [...redrafted];
  const fresh = new Map(redrafted.map((row) => [row._id, row]));
  const rows = (await publicationRows(publication)).map((row) => fresh.get(row._id) ?? row);
  const changed = new Map(placeRows(rows, scheme.outcomes!, scheme.organisation).map((row) => [row._id, row]));
  return [...redrafted.map((row) => changed.get(row._id) ?? row), ...[...changed.values()].filter((row) => !fresh.has(row._id))];
}
