/**
 * The `wx` object the pages and TDesign call, in the preview. Anything not here is undefined, so a
 * page using an API the preview lacks fails visibly instead of silently doing nothing.
 */
import SelectorQuery = require('j-component/src/tool/selectorquery');
import { asyncApi } from './callbacks';
import type { WxContext } from './context';
import { fileApis } from './files';
import { interfaceApis } from './interface';
import { storageApis } from './storage';
import { systemApis } from './system';

export function createWx(ctx: WxContext): Record<string, unknown> {
  const navigation = (api: 'navigateTo' | 'redirectTo' | 'switchTab' | 'reLaunch') =>
    asyncApi(api, async ({ url }: { url: string }) => {
      await ctx.pages[api](url);
      return {};
    });
  return {
    ...systemApis({ screenHeight: () => ctx.phone.element.clientHeight, pageHeight: () => ctx.phone.pages.clientHeight }),
    ...storageApis(ctx.openid),
    ...interfaceApis(ctx),
    ...fileApis(),
    navigateTo: navigation('navigateTo'),
    redirectTo: navigation('redirectTo'),
    switchTab: navigation('switchTab'),
    reLaunch: navigation('reLaunch'),
    navigateBack: asyncApi('navigateBack', async ({ delta = 1 }: { delta?: number }) => {
      await ctx.pages.navigateBack(delta);
      return {};
    }),
    createSelectorQuery: () => new SelectorQuery(ctx.pages.current()?.instance ?? null),
    // There is one environment, the local cloud's: init has nothing to choose.
    cloud: ctx.cloud.api(() => undefined),
    env: { USER_DATA_PATH: 'wxfile://usr' },
    getLaunchOptionsSync: () => ({ path: ctx.pages.current()?.route ?? '', query: {}, scene: 1001, referrerInfo: {} }),
    getEnterOptionsSync: () => ({ path: ctx.pages.current()?.route ?? '', query: {}, scene: 1001, referrerInfo: {} }),
    onAppShow: () => undefined,
    onAppHide: () => undefined,
    offAppShow: () => undefined,
    offAppHide: () => undefined,
    onError: () => undefined,
    onUnhandledRejection: () => undefined,
    reportAnalytics: () => undefined,
    reportEvent: () => undefined,
  };
}
