/**
 * The one-time request to let the inbox send "a claim awaits your review" messages (SPEC §6).
 *
 * WeChat shows the prompt only from a user's tap, so this runs inside the approve/reject handler; it is
 * asked once per device (remembered in storage) and never holds up the decision itself: a refusal,
 * or a failure of the prompt, changes nothing about the review.
 */
import { SUBSCRIBE_TEMPLATES } from '../../config';

export const REVIEW_SUBSCRIPTION_ASKED = 'inbox.reviewSubscriptionAsked';

function alreadyAsked(): boolean {
  try {
    return Boolean(wx.getStorageSync(REVIEW_SUBSCRIPTION_ASKED));
  } catch (error) {
    console.warn('inbox: could not read the subscription flag', error);
    return false;
  }
}

export function askOnceForReviewMessages(): void {
  const templateId = SUBSCRIBE_TEMPLATES.claimAwaitingReview;
  // An unconfigured template (config.ts) means there is nothing to subscribe to yet.
  if (!templateId || alreadyAsked()) return;
  try {
    wx.setStorageSync(REVIEW_SUBSCRIPTION_ASKED, true);
  } catch (error) {
    console.warn('inbox: could not remember the subscription prompt', error);
  }
  wx.requestSubscribeMessage({
    tmplIds: [templateId],
    fail: (error) => console.warn('inbox: subscription prompt failed', error),
  });
}
