/**
 * Every row of a publication at once, for the passes that need the whole board (domain/placings.ts:
 * places, stars by place, plaques, 末尾淘汰). Read in pages by id, so a board of thousands is whole.
 */
import type { OutcomeRow } from '../../domain/outcome-rows';
import { database } from '../cloud';
import { COLLECTIONS } from './collections';

const PAGE = 1000;

export async function publicationRows(publication: string): Promise<OutcomeRow[]> {
  const db = database();
  const rows: OutcomeRow[] = [];
  for (let after: string | null = null; ; ) {
    const where: Record<string, unknown> = { publication };
    if (after !== null) where._id = db.command.gt(after);
    const { data } = await db.collection(COLLECTIONS.outcomes).where(where).orderBy('_id', 'asc').limit(PAGE).get();
    rows.push(...(data as OutcomeRow[]));
    if (data.length < PAGE) return rows;
    after = (data.at(-1) as OutcomeRow)._id;
  }
}
