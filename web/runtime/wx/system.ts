/** The device the preview pretends to be: a 375 × 812 phone running a recent WeChat. */
import { asyncApi } from './callbacks';
import { NAVIGATION_BAR_HEIGHT, SCREEN_HEIGHT, SCREEN_WIDTH, STATUS_BAR_HEIGHT, TAB_BAR_HEIGHT } from '../framework/units';

const SDK_VERSION = '3.7.12';

export function systemApis(onTabPage: () => boolean) {
  const windowInfo = () => {
    const windowHeight = SCREEN_HEIGHT - STATUS_BAR_HEIGHT - NAVIGATION_BAR_HEIGHT - (onTabPage() ? TAB_BAR_HEIGHT : 0);
    return {
      pixelRatio: window.devicePixelRatio || 2,
      screenWidth: SCREEN_WIDTH,
      screenHeight: SCREEN_HEIGHT,
      windowWidth: SCREEN_WIDTH,
      windowHeight,
      statusBarHeight: STATUS_BAR_HEIGHT,
      safeArea: { left: 0, right: SCREEN_WIDTH, top: STATUS_BAR_HEIGHT, bottom: SCREEN_HEIGHT, width: SCREEN_WIDTH, height: SCREEN_HEIGHT - STATUS_BAR_HEIGHT },
      screenTop: STATUS_BAR_HEIGHT + NAVIGATION_BAR_HEIGHT,
    };
  };
  const deviceInfo = () => ({ brand: 'devtools', model: 'iPhone X（预览）', system: 'iOS 17.0', platform: 'ios', benchmarkLevel: 1 });
  const appBaseInfo = () => ({ SDKVersion: SDK_VERSION, version: '8.0.50', language: 'zh_CN', theme: 'light', enableDebug: false, host: { env: 'WeChat' } });
  const systemInfo = () => ({ ...windowInfo(), ...deviceInfo(), ...appBaseInfo(), fontSizeSetting: 16 });
  return {
    getWindowInfo: windowInfo,
    getDeviceInfo: deviceInfo,
    getAppBaseInfo: appBaseInfo,
    getSystemInfoSync: systemInfo,
    getSystemInfo: asyncApi('getSystemInfo', () => systemInfo()),
    getSystemSetting: () => ({ bluetoothEnabled: false, locationEnabled: false, wifiEnabled: true, deviceOrientation: 'portrait' }),
    getMenuButtonBoundingClientRect: () => ({ width: 87, height: 32, top: STATUS_BAR_HEIGHT + 6, bottom: STATUS_BAR_HEIGHT + 38, left: SCREEN_WIDTH - 94, right: SCREEN_WIDTH - 7 }),
    getAccountInfoSync: () => ({ miniProgram: { appId: 'touristappid', envVersion: 'develop', version: '' } }),
    canIUse: () => true,
    nextTick: (fn: () => void) => queueMicrotask(fn),
    getNetworkType: asyncApi('getNetworkType', () => ({ networkType: 'wifi' })),
    onNetworkStatusChange: () => undefined,
    vibrateShort: asyncApi('vibrateShort', () => ({})),
    login: asyncApi('login', () => ({ code: Math.random().toString(36).slice(2) })),
  };
}
