import { CLOUD_ENV } from './config';

App({
  onLaunch() {
    wx.cloud.init({ env: CLOUD_ENV, traceUser: true });
  },
});
