/**
 * Subscription messages (一次性订阅消息): when a claim reaches a reviewer, each reviewer who bound
 * their WeChat account gets one message. A refused or used-up subscription is logged and never
 * fails the decision that caused it.
 */
import type { Claim } from '../typings/models';
import { sdk } from './cloud';
import type { StoredMember } from './data/members';

/** Template id configured for the function (cloud console → 函数配置 → 环境变量). */
export const REVIEW_TEMPLATE_ENV = 'SUBSCRIBE_TEMPLATE_REVIEW';

const clip = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export interface NotifyOutcome {
  sent: number;
  failed: number;
}

export async function notifyReviewers(claim: Claim, reviewers: readonly StoredMember[]): Promise<NotifyOutcome> {
  const templateId = process.env[REVIEW_TEMPLATE_ENV];
  const outcome = { sent: 0, failed: 0 };
  if (!templateId || claim.status !== 'pending') return outcome;
  const points = claim.lines.reduce((sum, line) => sum + line.points, 0);
  for (const reviewer of reviewers) {
    if (!reviewer.openid || !claim.waitingFor?.memberIds.includes(reviewer._id)) continue;
    try {
      await sdk().openapi.subscribeMessage.send({
        touser: reviewer.openid,
        templateId,
        page: `pages/inbox/index?claimId=${claim._id}`,
        data: {
          thing1: { value: clip(claim.itemName, 20) },
          name2: { value: clip(claim.createdByName, 10) },
          number3: { value: points },
          thing4: { value: clip(claim.step === 'final' ? '待您终审' : '待您审核', 20) },
        },
      });
      outcome.sent++;
    } catch (error) {
      outcome.failed++;
      console.warn(`subscription message to ${reviewer._id} not sent: ${(error as { errMsg?: string }).errMsg ?? String(error)}`);
    }
  }
  return outcome;
}
