/**
 * Whose records a person may look at or act on, as a reach: every account ('all'), one unit's
 * (its id), or none. Two reaches: reading another member's 明细 (docs/rules.md L1) and the 第十九条
 * record of a 通报 or 谈话提醒 for a member at the bottom of a year's board (docs/rules.md B1).
 */
import type { MemberRecord } from '../typings/models';
import { grantsOf, holdsRight, ROOT, type Right } from './organisation';
import { isAssociationLeader, isBranchLeader } from './routing';
import type { Scheme } from './scheme';

export type Reach = 'all' | { unit: string } | null;

/**
 * L1: holders of a root role with the read right (荆门's officers and 政治指导员, 常州's 机关党委委员)
 * and the root's leaders read everyone's; a unit's leaders and readers (分会领导班子, 常州's 支部书记,
 * 支委委员, 记分员) their unit's. The secretariat's reach is 'all' and is decided by the caller.
 */
export function ledgerReach(viewer: MemberRecord, scheme: Scheme): Reach {
  if (viewer.status !== 'active') return null;
  if (holdsRight(viewer, 'read', scheme.organisation, ROOT) || isAssociationLeader(viewer, scheme)) return 'all';
  const unit = viewer.branchId;
  if (unit !== null && (isBranchLeader(viewer, unit, scheme) || holdsRight(viewer, 'read', scheme.organisation, unit))) return { unit };
  return null;
}

/**
 * 第十九条 (B1): the secretariat and the heads of units (the template's holders of the remind right:
 * 荆门's 分会会长, 常州's 支部书记) act on the bottom of the board; a root holder of the right on every
 * unit, a unit's on their own.
 */
export function reminderReach(viewer: MemberRecord | null, secretariat: boolean, scheme: Scheme): Reach {
  if (secretariat) return 'all';
  if (!viewer || viewer.status !== 'active') return null;
  if (holdsRight(viewer, 'remind', scheme.organisation, ROOT)) return 'all';
  if (viewer.branchId !== null && holdsRight(viewer, 'remind', scheme.organisation, viewer.branchId)) return { unit: viewer.branchId };
  return null;
}

/** Whether a reach covers an account of this unit (null: the root directly). */
export function reaches(reach: Reach, unit: string | null): boolean {
  if (reach === null) return false;
  return reach === 'all' || reach.unit === unit;
}

/** The rights by which a unit-held role keeps the unit's books: signs its periods, records its entries, acts on its bottom. */
const BOOKKEEPING: readonly Right[] = ['sign', 'record', 'remind'];

/**
 * F2: whose sheets a person other than the secretariat may export (admin.export): their own unit's,
 * where a role held at that unit both reads its 明细 (L1) and keeps its books (signs, records or
 * reminds): 支部书记 and 记分员 (seeds/002: the 支部 hands in its 考核表 for the 书记 to sign),
 * 分会会长, 村民小组长, 部门经理. A root role exports nothing of its own: the wider sheets are the
 * secretariat's, who is decided by the caller.
 */
export function unitExportReach(viewer: MemberRecord, scheme: Scheme): { unit: string } | null {
  const unit = viewer.branchId;
  if (viewer.status !== 'active' || unit === null) return null;
  const keeps = grantsOf(viewer, scheme.organisation).some(
    (g) => g.unit === unit && g.rights.includes('read') && g.rights.some((r) => BOOKKEEPING.includes(r)),
  );
  return keeps ? { unit } : null;
}
