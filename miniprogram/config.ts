/**
 * Settings that differ per deployment. Both must be filled in before uploading to a real account.
 */

/**
 * The cloud environment id: 微信开发者工具 → 云开发 → 设置 → 环境 ID (e.g. 'jifen-4g8x2c1d9e0f').
 * Replace this placeholder with your own environment's id.
 */
export const CLOUD_ENV = 'your-cloud-env-id';

/**
 * Subscription message templates (公众平台 → 订阅消息 → 我的模板). An approver is asked once, on a
 * tap, to allow `claimAwaitingReview`; the api function sends it when a claim reaches them.
 * The server needs the same ids; an empty id means the prompt is skipped.
 */
export const SUBSCRIBE_TEMPLATES = {
  claimAwaitingReview: '',
  claimDecided: '',
} as const;
