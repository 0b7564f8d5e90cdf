/** The units' own approved items (domain/unit-items.ts). */
import type { UnitItem } from '../../domain/unit-items';
import { database } from '../cloud';
import { COLLECTIONS } from './collections';
import { readAll } from './members';

/** A unit's approved items (none for the root: its items are the scheme's). */
export async function unitItemsOf(unitId: string | null): Promise<UnitItem[]> {
  if (unitId === null) return [];
  return readAll<UnitItem>(database().collection(COLLECTIONS.unitItems).where({ unitId }));
}
