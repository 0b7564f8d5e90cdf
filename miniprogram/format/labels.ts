/**
 * Chinese names the pages show for the contract's codes. The domain glossary (domain/glossary.ts)
 * holds the same words, but code outside miniprogram/ does not reach the phone.
 */
import type { ClaimStatus, ClaimStep } from '../../typings/api';

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
