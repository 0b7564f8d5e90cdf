/**
 * The reasons a reviewer most often gives for a rejection, offered as taps beside the words they may
 * write (第十五条: either step may reject, and the claimant reads why). They follow what a report must
 * carry: its proof and photos (seeds/002 六(一): 提供相应加分依据), the item's content and standard,
 * the day it happened (the claims window), and no deed claimed twice (第十四条's duplicate warning).
 * Worded for the claimant who reads them on 明细; the same on every template.
 */
export const REJECT_REASONS: readonly string[] = ['证明材料不全', '照片看不清', '不符合该项目标准', '日期不符', '重复申报'];

/** What the reviewer may write besides the taps: claim.decide takes a reason of at most 200 characters. */
export const REJECT_WRITTEN_MAX = 120;
