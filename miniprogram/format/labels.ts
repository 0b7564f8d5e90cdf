/**
 * Chinese names the pages show for the contract's codes. The domain glossary (domain/glossary.ts)
 * holds the same words, but code outside miniprogram/ does not reach the phone.
 */
import type { ClaimStatus, ClaimStep, VetoEffect } from '../../typings/api';

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

/** What an approved 一票否决 does (seeds/001 篇二十一: 积分归零; 篇一: 直接视作不合格). */
export const VETO_EFFECT_LABELS: Readonly<Record<VetoEffect, string>> = {
  zero: '通过后，该年度得分记为 0 分',
  fail: '通过后，得分照计，等次直接视作不合格',
  bar: '通过后，当年仍可积分，但不参与积分兑换奖励',
};
