/**
 * Subscription messages (一次性订阅消息), each template id configured for the function (cloud console
 * → 函数配置 → 环境变量) and, with the same id, in the mini-program (miniprogram/config.ts):
 * - SUBSCRIBE_TEMPLATE_REVIEW  (SUBSCRIBE_TEMPLATES.claimAwaitingReview): a claim reached a reviewer;
 * - SUBSCRIBE_TEMPLATE_DECIDED (SUBSCRIBE_TEMPLATES.claimDecided): the claimant's claim was approved or rejected.
 * A refused or used-up subscription is logged and never fails the action that caused it.
 */
import type { Claim } from '../typings/models';
import { sdk } from './cloud';
import { boundOpenids, type StoredMember } from './data/members';

export const REVIEW_TEMPLATE_ENV = 'SUBSCRIBE_TEMPLATE_REVIEW';
export const DECIDED_TEMPLATE_ENV = 'SUBSCRIBE_TEMPLATE_DECIDED';

const clip = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export interface NotifyOutcome {
  sent: number;
  failed: number;
}

async function send(touser: string, templateId: string, page: string, data: Record<string, { value: string | number }>, outcome: NotifyOutcome): Promise<void> {
  try {
    await sdk().openapi.subscribeMessage.send({ touser, templateId, page, data });
    outcome.sent++;
  } catch (error) {
    outcome.failed++;
    console.warn(`subscription message not sent: ${(error as { errMsg?: string }).errMsg ?? String(error)}`);
  }
}

/** Tells each reviewer the pending claim now waits for (of `reviewers`, those with a bound account). */
export async function notifyReviewers(claim: Claim, reviewers: readonly StoredMember[]): Promise<NotifyOutcome> {
  const templateId = process.env[REVIEW_TEMPLATE_ENV];
  const outcome = { sent: 0, failed: 0 };
  if (!templateId || claim.status !== 'pending') return outcome;
  for (const reviewer of reviewers) {
    if (!reviewer.openid || !claim.waitingFor?.memberIds.includes(reviewer._id)) continue;
    await send(
      reviewer.openid,
      templateId,
      `pages/inbox/index?claimId=${claim._id}`,
      {
        thing1: { value: clip(claim.itemName, 20) },
        name2: { value: clip(claim.createdByName, 10) },
        number3: { value: claim.total },
        thing4: { value: clip(claim.step === 'final' ? '待您终审' : '待您审核', 20) },
      },
      outcome,
    );
  }
  return outcome;
}

/**
 * Tells the member who submitted or proposed a claim that it was approved or rejected, and why: a
 * household's claim is the household's, so each of its bound people is told (docs/rules.md H21).
 */
export async function notifyClaimant(claim: Claim, claimant: StoredMember | null): Promise<NotifyOutcome> {
  const templateId = process.env[DECIDED_TEMPLATE_ENV];
  const outcome = { sent: 0, failed: 0 };
  if (!templateId || !claimant || (claim.status !== 'approved' && claim.status !== 'rejected')) return outcome;
  const last = claim.decisions[claim.decisions.length - 1];
  const approved = claim.status === 'approved';
  const data = {
    thing1: { value: clip(claim.itemName, 20) },
    phrase2: { value: approved ? '已通过' : '未通过' },
    number3: { value: approved ? claim.total : 0 },
    thing4: { value: clip(approved ? '积分已计入' : `${last?.byName ?? ''}驳回：${last?.reason ?? ''}`, 20) },
  };
  for (const openid of boundOpenids(claimant)) await send(openid, templateId, `pages/ledger/index?claimId=${claim._id}`, data, outcome);
  return outcome;
}
