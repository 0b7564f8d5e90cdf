/**
 * Review chains as data (SCHEMES.md §2 ReviewChain): for each kind of claim, the steps it passes
 * after the person who puts it forward, each naming who decides and how it escalates.
 *
 * - `leaders`: the leaders of the claimant's unit whose authority covers the discretionary points,
 *   else the root's (荆门 第十五条 逐级审批, step 1).
 * - `band`: the role that final-reviews the previous approver's authority level, by the template's
 *   bands (荆门 第十四条: 理事→秘书长, 副会长/秘书长→会长, 会长→政治指导员).
 * - `roles`: the holders of the first of these roles (at the claimant's unit for a unit role, at the
 *   root for a root role), e.g. the branch's 记分员 (seeds/002 六(一)).
 * Interested people (recipients, the proposer, earlier approvers) and vacancies are passed over to
 * the next role of the escalation (第十四条). A chain without steps counts at once: its second person
 * is a later signature (seeds/002: 记分员 records, 支部书记 signs the quarter).
 */

export type StepDef = { kind: 'leaders' } | { kind: 'band' } | { kind: 'roles'; roles: string[] };

/** The kinds of claim a chain is kept for. */
export type ChainKind = 'self' | 'award' | 'committee' | 'correction' | 'objection' | 'item';

export interface ReviewDef {
  /** `veto`: who decides a proposed 一票否决 (seeds/001 篇十六 (二): the 支部考评小组 认定); absent where the template has none. */
  chains: Record<ChainKind, StepDef[]> & { veto?: StepDef[] };
  /** Ascending: a previous approver whose authority is ≤ upTo is final-reviewed by `role` (band steps). */
  bands: { upTo: number; role: string }[];
  /** Where the deciding role's holders are all interested or the role is vacant, the next role up. */
  escalation: string[];
  /**
   * A proposal beyond the proposer's limit: refused (absent, 荆门 第十三条), or sent up the escalation to
   * the first role whose limit covers it (seeds/004 三、2 分层分级授权).
   */
  beyondLimit?: 'escalate';
}

/** The first role a `roles` or `band` step asks, given the previous approver's authority. */
export function startRole(step: StepDef, authority: number, review: ReviewDef): string | null {
  if (step.kind === 'roles') return step.roles[0];
  if (step.kind === 'band') {
    const band = review.bands.find((b) => authority <= b.upTo) ?? review.bands[review.bands.length - 1];
    return band?.role ?? null;
  }
  return null;
}

/** The roles a step may pass to, from `start` on: the step's own list, else the template's escalation. */
export function escalationFrom(step: StepDef, start: string, review: ReviewDef): string[] {
  const order = step.kind === 'roles' ? step.roles : review.escalation;
  const at = order.indexOf(start);
  return at < 0 ? [start] : order.slice(at);
}
