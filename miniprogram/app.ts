import { CLOUD_ENV } from './config';

App<{ globalData: Record<string, unknown> }>({
  /** Shared between pages for the session only (services/stale.ts); nothing durable lives here. */
  globalData: {},

  onLaunch() {
    wx.cloud.init({ env: CLOUD_ENV, traceUser: true });
  },
});
