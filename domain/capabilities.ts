/**
 * What a member may do, for the pages to offer (我的's links, the 奖分 page's mode): decide claims,
 * award, record, sign a period. The server checks every action again; this only says what to show.
 */
import type { MemberRecord } from '../typings/models';
import { authorityLimit } from './authority';
import { hasVetoes } from './glossary';
import { grantsOf, holdsRight, type Right } from './organisation';
import { ledgerReach, reminderReach, unitExportReach } from './reach';
import type { Scheme } from './scheme';

export interface Capabilities {
  /** May be asked to decide claims: a leader (by authority), or a holder of a role a review chain names. */
  review: boolean;
  /** May propose awards within an authority limit (第十三条). */
  award: boolean;
  /** May record entries for their unit (seeds/002 记分员). */
  record: boolean;
  /** May close and publish their unit's periods (seeds/002 支部书记签名). */
  sign: boolean;
  /** May open other members' 明细 (docs/rules.md L1). */
  read: boolean;
  /** May act on the bottom of a year's board (第十九条). */
  remind: boolean;
  /**
   * May propose a 一票否决 for a member of their unit (seeds/001 篇二十一): a unit's signer or recorder
   * (支部书记, 记分员), where the template lists veto conditions and a chain that decides them.
   */
  veto: boolean;
  /** May read 末尾淘汰's list (seeds/003): the secretariat and readers of every unit (the 会长会), where the template has one. */
  eliminate: boolean;
  /** May open the 积分超市 (seeds/004 第三篇 四(五)1②): an active account where the template keeps one (S20). */
  shop: boolean;
  /** May export their own unit's sheets (admin.export scoped to it, docs/rules.md F2): a unit's 支部书记, 分会会长 and the like. */
  exportUnit: boolean;
}

/** The roles any review chain of the scheme names. */
export function reviewingRoles(scheme: Scheme): Set<string> {
  const { chains, bands, escalation } = scheme.review;
  const named = Object.values(chains).flatMap((steps) => steps.flatMap((step) => (step.kind === 'roles' ? step.roles : [])));
  return new Set([...named, ...bands.map((b) => b.role), ...escalation]);
}

/** A right held at the member's own unit (a 支部书记's, a 记分员's), not at the root. */
function holdsAtOwnUnit(member: MemberRecord, rights: readonly Right[], scheme: Scheme): boolean {
  return member.branchId !== null && grantsOf(member, scheme.organisation).some((g) => g.unit === member.branchId && g.rights.some((r) => rights.includes(r)));
}

/** `secretariat`: the caller is the secretariat, who reads every 明细 and acts on the bottom of the board with or without a role. */
export function capabilitiesOf(member: MemberRecord | null, scheme: Scheme, secretariat = false): Capabilities {
  const bottom = scheme.outcomes?.bottom !== undefined;
  if (!member || member.status !== 'active') {
    return { review: false, award: false, record: false, sign: false, read: secretariat, remind: secretariat, veto: false, eliminate: bottom && secretariat, shop: false, exportUnit: false };
  }
  const authority = authorityLimit(member, scheme);
  const reviewing = reviewingRoles(scheme);
  return {
    review: authority > 0 || member.roles.some((role) => reviewing.has(role)),
    award: authority > 0,
    record: holdsRight(member, 'record', scheme.organisation),
    sign: holdsRight(member, 'sign', scheme.organisation),
    read: secretariat || ledgerReach(member, scheme) !== null,
    remind: reminderReach(member, secretariat, scheme) !== null,
    veto: hasVetoes(scheme) && holdsAtOwnUnit(member, ['sign', 'record'], scheme),
    eliminate: bottom && (secretariat || ledgerReach(member, scheme) === 'all'),
    shop: scheme.shop !== undefined,
    exportUnit: unitExportReach(member, scheme) !== null,
  };
}
