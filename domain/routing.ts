/**
 * Who decides a claim (第十四条 双人审核, 第十五条 逐级审批), as pure functions over candidate members
 * and the template's review chains (chains.ts). Every route is deterministic (member ids sorted) and
 * explains itself in a Chinese label.
 */
import type { Claim, ClaimStep, MemberRecord, WaitingFor } from '../typings/models';
import { authorityLimit } from './authority';
import { escalationFrom, startRole, type ChainKind, type StepDef } from './chains';
import { DomainError } from './errors';
import { roleName } from './glossary';
import { leadsUnit, roleDef, ROOT } from './organisation';
import { committeeName, rootName, unitWord, type Scheme } from './scheme';

export interface Route extends WaitingFor {
  step: ClaimStep;
  /** The groups the route consulted (see ClaimRouting): a change of their holders re-routes the claim. */
  keys: string[];
  /** Role steps: the role the step started from, before passing anyone over. */
  from?: string;
  /** Role steps: the unit whose holders decide a unit role (ROOT: the root). */
  unit?: string;
  /** Role steps: the roles the step may pass to, from `from` on. */
  order?: string[];
  /** Endorsement: whose leaders endorse. */
  leadersOf?: 'branch' | 'association';
  /** Role steps: the role that decides. */
  role?: string;
  /** Role steps: roles passed over on the way up, and why. */
  passedOver: { role: string; reason: 'interested' | 'vacant' }[];
}

/** Routing groups: the holders of a role at a unit, and the leaders of a unit (ROOT: the root). */
export const roleKey = (role: string, unit: string): string => `role:${role}@${unit}`;
export const leadersKey = (branchId: string | null): string => `lead:${branchId ?? ROOT}`;

/** Leaders of the root: anyone with authority who belongs to no unit, or who holds a root role (第十二条). */
export function isAssociationLeader(member: MemberRecord, scheme: Scheme): boolean {
  return leadsUnit(member, ROOT, scheme.organisation);
}

/** Leaders of a unit: its members with authority (分会领导班子, and the root's directors in it). */
export function isBranchLeader(member: MemberRecord, branchId: string, scheme: Scheme): boolean {
  return leadsUnit(member, branchId, scheme.organisation);
}

/** The steps of a kind of claim, each with its name: the last one is the final review. */
export function chainOf(kind: ChainKind | 'veto', scheme: Scheme): { step: ClaimStep; def: StepDef }[] {
  const steps = scheme.review.chains[kind] ?? [];
  return steps.map((def, i) => ({ step: i === steps.length - 1 ? 'final' : 'endorse', def }));
}

/** Where a role is held for a claim of a member of `unit`: the root for a root role, else that unit. */
function unitOfRole(role: string, unit: string, scheme: Scheme): string {
  return scheme.organisation.roles.find((r) => r.id === role)?.at === 'root' ? ROOT : unit;
}

/** A root role is held whatever the holder's unit; a unit role at the holder's own unit. */
function holdsRoleAt(member: MemberRecord, role: string, unit: string, scheme: Scheme): boolean {
  if (member.status !== 'active' || !member.roles.includes(role)) return false;
  return roleDef(scheme.organisation, role).at === 'root' || (member.branchId ?? ROOT) === unit;
}

/**
 * A role step: the holders of `start` (at `unit` for a unit role), passing over roles whose holders
 * are all interested (proposer, recipients, earlier approvers) or that are vacant, up `order`.
 */
export function reviewersFrom(
  start: string,
  interested: ReadonlySet<string>,
  candidates: readonly MemberRecord[],
  scheme: Scheme,
  unit: string = ROOT,
  order: readonly string[] = escalationFrom({ kind: 'band' }, start, scheme.review),
): Route {
  const passedOver: Route['passedOver'] = [];
  const roles = order.slice(Math.max(0, order.indexOf(start)));
  for (const role of roles) {
    const at = unitOfRole(role, unit, scheme);
    const holders = candidates.filter((m) => holdsRoleAt(m, role, at, scheme));
    const eligible = holders.filter((m) => !interested.has(m._id));
    if (eligible.length > 0) {
      const keys = [...passedOver.map((p) => roleKey(p.role, unitOfRole(p.role, unit, scheme))), roleKey(role, at)];
      return { step: 'final', role, from: start, unit, order: roles, memberIds: ids(eligible), label: finalLabel(role, passedOver, scheme), keys, passedOver };
    }
    passedOver.push({ role, reason: holders.length > 0 ? 'interested' : 'vacant' });
  }
  const names = passedOver.map((p) => roleName(scheme, p.role)).join('、');
  if (passedOver.some((p) => p.reason === 'interested')) {
    throw new DomainError('SELF_REVIEW', `没有可以终审的人：${names}均为当事人或空缺，请提交${committeeName(scheme, 'root')}研究`, { passedOver });
  }
  throw new DomainError('FORBIDDEN', `没有可以终审的人：${names}均空缺，请联系秘书处`, { passedOver });
}

/** The role a role step or a band step starts from, given who approved before it. */
export function stepStart(def: StepDef, previous: Pick<MemberRecord, 'status' | 'branchId' | 'category' | 'roles'> | null, scheme: Scheme): string {
  const start = startRole(def, previous ? authorityLimit(previous, scheme) : 0, scheme.review);
  if (start === null) throw new DomainError('INTERNAL', 'the step names no role');
  return start;
}

/** A role or band step for a claim of a member of `unit`, after `previous` approved. */
export function roleStep(def: StepDef, previous: MemberRecord | null, interested: ReadonlySet<string>, unit: string, candidates: readonly MemberRecord[], scheme: Scheme): Route {
  const start = stepStart(def, previous, scheme);
  return reviewersFrom(start, interested, candidates, scheme, unit, escalationFrom(def, start, scheme.review));
}

/**
 * The final-review route for the proposer's (or endorser's) authority level (第十四条), never the
 * proposer nor a recipient.
 */
export function finalReviewersFor(proposer: MemberRecord, recipients: readonly string[], candidates: readonly MemberRecord[], scheme: Scheme, kind: ChainKind = 'award'): Route {
  const last = chainOf(kind, scheme).at(-1);
  if (!last) throw new DomainError('INTERNAL', `the ${kind} chain has no review step`);
  return roleStep(last.def, proposer, new Set([proposer._id, ...recipients]), proposer.branchId ?? ROOT, candidates, scheme);
}

/**
 * Step 1 of a self-report whose chain starts with its leaders (第十五条): leaders of the claimant's
 * unit whose authority covers the discretionary points; where none does, leaders of the root whose
 * authority does. Never the claimant, and only leaders after whom the next step finds someone.
 */
export function endorsersFor(claimant: MemberRecord, discretionary: number, candidates: readonly MemberRecord[], scheme: Scheme): Route {
  const next = chainOf('self', scheme)[1]?.def;
  let noFinalReview: DomainError | null = null;
  const finalReviewFound = (m: MemberRecord) => {
    if (!next) return true;
    try {
      roleStep(next, m, new Set([claimant._id, m._id]), claimant.branchId ?? ROOT, candidates, scheme);
      return true;
    } catch (error) {
      if (error instanceof DomainError) noFinalReview ??= error;
      return false;
    }
  };
  const covers = (m: MemberRecord) => m._id !== claimant._id && authorityLimit(m, scheme) >= Math.max(1, discretionary) && finalReviewFound(m);
  const need = discretionary > 0 ? `（奖分权限≥${discretionary}分）` : '';

  if (claimant.branchId !== null) {
    const branchId = claimant.branchId;
    const branch = candidates.filter((m) => covers(m) && isBranchLeader(m, branchId, scheme));
    if (branch.length > 0) {
      return { step: 'endorse', leadersOf: 'branch', memberIds: ids(branch), label: `${unitWord(scheme)}领导${need}`, keys: [leadersKey(branchId)], passedOver: [] };
    }
  }
  const association = candidates.filter((m) => covers(m) && isAssociationLeader(m, scheme));
  if (association.length > 0) {
    return { step: 'endorse', leadersOf: 'association', memberIds: ids(association), label: `${rootName(scheme)}领导${need}`, keys: endorsementKeys(claimant), passedOver: [] };
  }
  // Leaders whose authority covers it exist, but none has a final reviewer after them: say that.
  if (noFinalReview) throw noFinalReview;
  throw new DomainError('OVER_AUTHORITY', `没有奖分权限≥${Math.max(1, discretionary)}分的领导可以审核，请降低分值或提交${committeeName(scheme, 'root')}研究`, {
    discretionary,
  });
}

/**
 * The first step of a self-report by its chain: the leaders (endorsement), or a role (a one-step
 * chain, e.g. the branch's 记分员); null where the chain has no step.
 */
export function selfReportRoute(claimant: MemberRecord, discretionary: number, candidates: readonly MemberRecord[], scheme: Scheme): Route | null {
  const [first] = chainOf('self', scheme);
  if (!first) return null;
  if (first.def.kind === 'leaders') return endorsersFor(claimant, discretionary, candidates, scheme);
  return { ...roleStep(first.def, null, new Set([claimant._id]), claimant.branchId ?? ROOT, candidates, scheme), step: first.step };
}

function finalLabel(role: string, passedOver: Route['passedOver'], scheme: Scheme): string {
  if (passedOver.length === 0) return roleName(scheme, role);
  const why = passedOver.map((p) => `${roleName(scheme, p.role)}${p.reason === 'interested' ? '回避' : '空缺'}`).join('，');
  return `${roleName(scheme, role)}（${why}，逐级上报）`;
}

function ids(members: readonly MemberRecord[]): string[] {
  return members.map((m) => m._id).sort();
}

export type DecidableClaim = Pick<Claim, 'status' | 'step' | 'waitingFor' | 'lines' | 'createdBy' | 'decisions' | 'discretionary' | 'veto'>;

/**
 * Why `member` may not decide `claim` at its current step, or null where they may. Nobody decides
 * points of their own, a claim they submitted or proposed, or a claim they already decided at an
 * earlier step (第十四条: two different people besides the recipient).
 */
export function decisionRefusal(member: MemberRecord, claim: DecidableClaim, scheme: Scheme): DomainError | null {
  if (claim.status !== 'pending' || claim.step === null || claim.waitingFor === null) {
    return new DomainError('CONFLICT', '该申请已处理', { status: claim.status });
  }
  if (member.status !== 'active') return new DomainError('FORBIDDEN', `您已不是在册${scheme.words.member}，不能审批`);
  if (claim.lines.some((line) => line.memberId === member._id)) {
    return new DomainError('SELF_REVIEW', '不能审批自己的积分');
  }
  if (claim.createdBy === member._id) return new DomainError('SELF_REVIEW', '不能审批自己提出的申请');
  if (claim.veto?.memberId === member._id) return new DomainError('SELF_REVIEW', '不能决定对自己的一票否决');
  if (claim.decisions.some((d) => d.by === member._id && d.decision === 'approve')) {
    return new DomainError('SELF_REVIEW', '同一申请须由两个不同的人审核');
  }
  // A leader whose limit is too small hears why, rather than only that someone else decides (第十三条).
  const authority = authorityLimit(member, scheme);
  if (claim.step === 'endorse' && authority < claim.discretionary) {
    return new DomainError('OVER_AUTHORITY', `超出奖分权限：本次需要${claim.discretionary}分权限，您的权限为${authority}分`);
  }
  if (claim.waitingFor.memberIds.length === 0) return new DomainError('FORBIDDEN', claim.waitingFor.label);
  if (!claim.waitingFor.memberIds.includes(member._id)) {
    return new DomainError('FORBIDDEN', `该申请等待${claim.waitingFor.label}审批`);
  }
  return null;
}

/** The groups a self-report's endorsement consults: the claimant's unit's leaders, then the root's. */
export function endorsementKeys(claimant: Pick<MemberRecord, 'branchId'>): string[] {
  return claimant.branchId === null ? [leadersKey(null)] : [leadersKey(claimant.branchId), leadersKey(null)];
}

/** The routing groups a member belongs to now: whose claims may change route when they change. */
export function routingKeys(member: MemberRecord, scheme: Scheme): string[] {
  if (member.status !== 'active') return [];
  const keys = member.roles.map((role) => roleKey(role, unitOfRole(role, member.branchId ?? ROOT, scheme)));
  if (member.branchId !== null && isBranchLeader(member, member.branchId, scheme)) keys.push(leadersKey(member.branchId));
  if (isAssociationLeader(member, scheme)) keys.push(leadersKey(null));
  return keys;
}

export function mayDecide(member: MemberRecord, claim: DecidableClaim, scheme: Scheme): boolean {
  return decisionRefusal(member, claim, scheme) === null;
}

export function assertMayDecide(member: MemberRecord, claim: DecidableClaim, scheme: Scheme): void {
  const refusal = decisionRefusal(member, claim, scheme);
  if (refusal) throw refusal;
}

/** What a claim keeps of its route, to work it out again when holders change (ClaimRouting). */
export function routingOf(route: Route): Claim['routing'] {
  return route.from === undefined ? { keys: route.keys } : { keys: route.keys, from: route.from, unit: route.unit ?? ROOT, order: route.order };
}

/**
 * 分层分级授权 (seeds/004 三、2): where a template sends proposals beyond the proposer's limit up
 * rather than refusing them, the final review starts at the first role from `start` on whose limit
 * covers the event's discretionary points (a 班组长's 30-point deduction goes past the 部门经理's 20
 * to the 总经理). Within the proposer's limit the usual level decides.
 */
export function coveringStart(start: string, order: readonly string[], discretionary: number, scheme: Scheme): string {
  const roles = order.slice(Math.max(0, order.indexOf(start)));
  const covering = roles.find((role) => (roleDef(scheme.organisation, role).limit ?? 0) >= discretionary);
  if (!covering) {
    throw new DomainError('OVER_AUTHORITY', `本次${discretionary}分超出所有领导的权限，请提交${committeeName(scheme, 'root')}研究`, { discretionary });
  }
  return covering;
}
