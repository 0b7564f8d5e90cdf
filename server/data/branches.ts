/**
 * The branches collection (分会). A branch is found by its name; one named for the first time (by an
 * import or a member's move) is created with an id derived from the name, so two writers creating
 * the same branch at once write the same document and the store's conflict check serialises them.
 */
import { createHash } from 'crypto';
import type { Branch } from '../../typings/models';
import { database, getOrNull, type Tx } from '../cloud';
import { COLLECTIONS } from './collections';
import { readAll } from './members';

export function newBranchId(name: string): string {
  return `br-${createHash('sha1').update(name, 'utf8').digest('hex').slice(0, 12)}`;
}

export async function loadBranches(): Promise<Branch[]> {
  return readAll<Branch>(database().collection(COLLECTIONS.branches));
}

/** The branch of that id, or null where there is none. */
export async function findBranch(branchId: string): Promise<Branch | null> {
  return getOrNull<Branch>(database().collection(COLLECTIONS.branches).doc(branchId));
}

/** Every branch by name, as a page's list of units shows them (a deployment has far fewer than 1000). */
export async function branchesByName(): Promise<Branch[]> {
  const { data } = await database().collection(COLLECTIONS.branches).orderBy('name', 'asc').limit(1000).get();
  return data as Branch[];
}

/**
 * Resolves branch names to branches, inside `tx`: known names to their branch, new names to a
 * branch written in the same transaction.
 */
export class BranchResolver {
  private readonly byName: Map<string, Branch>;
  readonly created: Branch[] = [];

  constructor(known: readonly Branch[]) {
    this.byName = new Map(known.map((b) => [b.name, b]));
  }

  async resolve(tx: Tx, name: string | null): Promise<Branch | null> {
    if (name === null) return null;
    const known = this.byName.get(name);
    if (known) return known;
    const branch: Branch = { _id: newBranchId(name), name };
    const ref = tx.collection(COLLECTIONS.branches).doc(branch._id);
    const stored = await getOrNull<Branch>(ref);
    if (!stored) {
      await ref.set({ data: { name } });
      this.created.push(branch);
    }
    this.byName.set(name, branch);
    return branch;
  }
}
