/**
 * The household half of admin.members.import (seeds/004 第三篇 以户为单位; docs/rules.md H1–H8):
 * the households the sheet names, as they are on file, and writing the plan inside the import's
 * transaction. A household is one member record of kind 'household' whose holders each get their own
 * invite code; a holder the sheet no longer lists has left and their WeChat account is released.
 */
import type { Branch } from '../../typings/models';
import { sameHolder, type PlannedHousehold } from '../../domain/households';
import type { MemberDraft } from '../../domain/roster';
import type { Scheme } from '../../domain/scheme';
import type { Tx } from '../cloud';
import { releaseBinding } from './binding';
import { COLLECTIONS } from './collections';
import { refreshTallies } from './ledger';
import { membersWhereIn, type StoredHolder, type StoredMember } from './members';
import { keyHolder, newMember, readMember, rosterKeyOf, writeMember } from './roster';

/** The households on file named like the sheet's. */
export const householdsNamed = (names: readonly string[]): Promise<StoredMember[]> => membersWhereIn('name', names, { kind: 'household' });

/** How many invite codes the plan may need: one per person, and none for the household itself. */
export const codesNeeded = (households: readonly PlannedHousehold[]): number => households.reduce((n, h) => n + h.holders.length, 0);

export interface WrittenHouseholds {
  created: number;
  updated: number;
  members: { memberId: string; name: string; inviteCode: string; holder: string }[];
}

/** Thrown when another import created a household of this sheet meanwhile (the import plans again). */
export class HouseholdMoved extends Error {}

/**
 * Inside `tx`: creates or updates each planned household. `codes` is consumed for new holders only;
 * a holder matched on file keeps their code and bound account (H4).
 */
export async function writeHouseholds(
  tx: Tx,
  planned: readonly PlannedHousehold[],
  resolve: (name: string | null) => Promise<Branch | null>,
  codes: string[],
  scheme: Scheme,
  at: string,
): Promise<WrittenHouseholds> {
  const out: WrittenHouseholds = { created: 0, updated: 0, members: [] };
  for (const plan of planned) {
    const branch = await resolve(plan.branchName);
    const before = plan.memberId ? await readMember(tx, plan.memberId, 'CONFLICT') : null;
    const holders: StoredHolder[] = plan.holders.map((draft) => {
      const kept = before?.holders?.find((h) => sameHolder(draft, h));
      return { name: draft.name, phone: draft.phone ?? kept?.phone ?? null, openid: kept?.openid ?? null, inviteCode: kept?.inviteCode ?? codes.shift()! };
    });
    const fields = { holders, holderCodes: holders.map((h) => h.inviteCode), kind: 'household' as const };
    let household: StoredMember;
    if (before) {
      household = { ...before, ...fields, branchId: branch?._id ?? null, branchName: branch?.name ?? null, category: plan.category };
      const left = (before.holders ?? []).filter((h) => h.openid && !holders.some((k) => k.openid === h.openid));
      for (const holder of left) await releaseBinding(tx, holder.openid!);
      if (JSON.stringify(comparable(before)) !== JSON.stringify(comparable(household))) {
        household.updatedAt = at;
        await writeMember(tx, household);
        await refreshTallies(tx, household, scheme);
        out.updated++;
      }
    } else {
      const draft: MemberDraft = { name: plan.name, phone: null, branchName: plan.branchName, category: plan.category, roles: [], profession: null, socialRoles: [] };
      household = { ...newMember(draft, branch, '', at), ...fields };
      // The account itself is never bound: its people are (H9); this code cannot be typed (me.bind wants 6–12 letters or digits).
      household.inviteCode = `household-${household._id}`;
      if (await keyHolder(tx, rosterKeyOf(household))) throw new HouseholdMoved();
      await writeMember(tx, household);
      out.created++;
    }
    for (const holder of holders) out.members.push({ memberId: household._id, name: household.name, inviteCode: holder.inviteCode, holder: holder.name });
  }
  return out;
}

const comparable = (m: StoredMember) => [m.name, m.branchId, m.category, m.holders];
