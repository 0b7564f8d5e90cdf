/**
 * The device the preview pretends to be: a phone 375 px wide (812 px tall, or less when the browser
 * window is shorter) running a recent WeChat. The window is the page's area between the bars.
 */
import { asyncApi } from './callbacks';
import { NAVIGATION_BAR_HEIGHT, SCREEN_HEIGHT, SCREEN_WIDTH, STATUS_BAR_HEIGHT, TAB_BAR_HEIGHT } from '../framework/units';

const SDK_VERSION = '3.7.12';

export interface Screen {
  /** The phone's screen and the page area on it, in CSS px (0 before they are laid out). */
  screenHeight(): number;
  pageHeight(): number;
}

export function systemApis(screen: Screen) {
  const windowInfo = () => {
    const screenHeight = screen.screenHeight() || SCREEN_HEIGHT;
    const windowHeight = screen.pageHeight() || screenHeight - STATUS_BAR_HEIGHT - NAVIGATION_BAR_HEIGHT - TAB_BAR_HEIGHT;
    return {
      pixelRatio: window.devicePixelRatio || 2,
      screenWidth: SCREEN_WIDTH,
      screenHeight,
      windowWidth: SCREEN_WIDTH,
      windowHeight,
      statusBarHeight: STATUS_BAR_HEIGHT,
      safeArea: { left: 0, right: SCREEN_WIDTH, top: STATUS_BAR_HEIGHT, bottom: screenHeight, width: SCREEN_WIDTH, height: screenHeight - STATUS_BAR_HEIGHT },
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
