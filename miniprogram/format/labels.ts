/**
 * Chinese names the pages show for the contract's codes. The domain glossary (domain/glossary.ts)
 * holds the same words, but code outside miniprogram/ does not reach the phone.
 */
import type { ClaimStatus, ClaimStep, Position, Role, Tier } from '../../typings/api';

export const CLAIM_STATUS_LABELS: Readonly<Record<ClaimStatus, string>> = {
  pending: '审核中',
  approved: '已通过',
  rejected: '未通过',
  withdrawn: '已撤回',
};

/** TDesign tag themes per status. */
export const CLAIM_STATUS_THEMES: Readonly<Record<ClaimStatus, 'warning' | 'success' | 'danger' | 'default'>> = {
  pending: 'warning',
  approved: 'success',
  rejected: 'danger',
  withdrawn: 'default',
};

export const STEP_LABELS: Readonly<Record<ClaimStep, string>> = {
  endorse: '初审',
  final: '终审',
};

export const DECISION_LABELS: Readonly<Record<'approve' | 'reject' | 'withdraw', string>> = {
  approve: '同意',
  reject: '驳回',
  withdraw: '撤回',
};

export const POSITION_LABELS: Readonly<Record<Position, string>> = {
  president: '会长',
  vice_president: '副会长',
  secretary_general: '秘书长',
  political_instructor: '政治指导员',
  branch_president: '分会会长',
  branch_leader: '分会领导班子成员',
};

export const ROLE_LABELS: Readonly<Record<Role, string>> = { ...POSITION_LABELS, secretariat: '秘书处' };

export const TIER_LABELS: Readonly<Record<Tier, string>> = {
  member: '会员',
  director: '理事',
  council: '会长会成员',
};

/** A member's standing in one line: '东宝分会 · 理事 · 分会会长'. */
export function memberSubtitle(member: { branchName: string | null; tier: Tier | null; positions: Position[] }): string {
  const parts = [member.branchName ?? '总会直属'];
  if (member.tier) parts.push(TIER_LABELS[member.tier]);
  parts.push(...member.positions.map((p) => POSITION_LABELS[p]));
  return parts.join(' · ');
}
