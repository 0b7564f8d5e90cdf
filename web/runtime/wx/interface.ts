/**
 * What a page asks WeChat to show or do: toasts, dialogs and sheets, the navigation and tab bars,
 * scrolling and pull-down refresh, sharing and subscription prompts, the clipboard, documents and
 * pictures. Anything WeChat would show the user is shown in the phone, and logged beside it.
 */
import { asyncApi, WxFailure } from './callbacks';
import type { WxContext } from './context';
import { tempFile } from './files';

interface ToastArgs {
  title?: string;
  icon?: 'success' | 'error' | 'loading' | 'none';
  duration?: number;
  mask?: boolean;
}

export function interfaceApis(ctx: WxContext) {
  const current = () => {
    const page = ctx.pages.current();
    if (!page) throw new WxFailure('no page is open');
    return page;
  };

  return {
    showToast: asyncApi('showToast', ({ title = '', icon = 'success', duration = 1500, mask = false }: ToastArgs) => {
      ctx.overlays.toast({ title, icon, duration, mask });
      return {};
    }),
    hideToast: asyncApi('hideToast', () => {
      ctx.overlays.hideToast('toast');
      return {};
    }),
    showLoading: asyncApi('showLoading', ({ title = '', mask = false }: ToastArgs) => {
      ctx.overlays.toast({ title, icon: 'loading', duration: 0, mask }, true);
      return {};
    }),
    hideLoading: asyncApi('hideLoading', () => {
      ctx.overlays.hideToast('loading');
      return {};
    }),
    showModal: asyncApi(
      'showModal',
      (args: { title?: string; content?: string; showCancel?: boolean; cancelText?: string; cancelColor?: string; confirmText?: string; confirmColor?: string; editable?: boolean; placeholderText?: string }) =>
        ctx.overlays.modal({
          title: args.title ?? '',
          content: args.content ?? '',
          showCancel: args.showCancel ?? true,
          cancelText: args.cancelText ?? '取消',
          cancelColor: args.cancelColor ?? '#000000',
          confirmText: args.confirmText ?? '确定',
          confirmColor: args.confirmColor ?? '#576B95',
          editable: args.editable ?? false,
          placeholderText: args.placeholderText ?? '',
        }),
    ),
    showActionSheet: asyncApi('showActionSheet', async ({ itemList = [], itemColor = '#000000', alertText = '' }: { itemList?: string[]; itemColor?: string; alertText?: string }) => {
      const tapIndex = await ctx.overlays.actionSheet(itemList, itemColor, alertText);
      if (tapIndex === null) throw new WxFailure('showActionSheet:fail cancel');
      return { tapIndex };
    }),

    setNavigationBarTitle: asyncApi('setNavigationBarTitle', ({ title = '' }: { title?: string }) => {
      current().title = title;
      ctx.phone.setTitle(title);
      return {};
    }),
    setNavigationBarColor: asyncApi('setNavigationBarColor', () => ({})),
    showNavigationBarLoading: () => undefined,
    hideNavigationBarLoading: () => undefined,
    setTabBarBadge: asyncApi('setTabBarBadge', ({ index, text }: { index: number; text: string }) => {
      ctx.phone.setBadge(index, String(text));
      return {};
    }),
    removeTabBarBadge: asyncApi('removeTabBarBadge', ({ index }: { index: number }) => {
      ctx.phone.setBadge(index, null);
      return {};
    }),
    showTabBarRedDot: asyncApi('showTabBarRedDot', ({ index }: { index: number }) => {
      ctx.phone.setRedDot(index, true);
      return {};
    }),
    hideTabBarRedDot: asyncApi('hideTabBarRedDot', ({ index }: { index: number }) => {
      ctx.phone.setRedDot(index, false);
      return {};
    }),
    showTabBar: asyncApi('showTabBar', () => {
      ctx.phone.setTabBarVisible(true);
      return {};
    }),
    hideTabBar: asyncApi('hideTabBar', () => {
      ctx.phone.setTabBarVisible(false);
      return {};
    }),

    pageScrollTo: asyncApi('pageScrollTo', async ({ scrollTop, selector, duration = 300 }: { scrollTop?: number; selector?: string; duration?: number }) => {
      const page = current();
      let top = scrollTop ?? 0;
      if (selector) {
        const node = page.root._exparserNode.shadowRoot?.querySelector(selector);
        const element = node?.$$;
        if (!element) throw new WxFailure(`pageScrollTo:fail selector ${selector} not found`);
        top = element.getBoundingClientRect().top - page.scroller.getBoundingClientRect().top + page.scroller.scrollTop;
      }
      page.scroller.scrollTo({ top, behavior: duration > 0 ? 'smooth' : 'auto' });
      return {};
    }),
    startPullDownRefresh: asyncApi('startPullDownRefresh', () => {
      current().pullDown?.start();
      return {};
    }),
    stopPullDownRefresh: asyncApi('stopPullDownRefresh', () => {
      for (const page of ctx.pages.pages()) page.pullDown?.stop();
      return {};
    }),

    showShareMenu: asyncApi('showShareMenu', ({ menus = ['shareAppMessage'] }: { menus?: string[] }) => {
      const page = current();
      (page as { shareMenus?: string[] }).shareMenus = menus;
      return {};
    }),
    hideShareMenu: asyncApi('hideShareMenu', () => {
      (current() as { shareMenus?: string[] }).shareMenus = [];
      return {};
    }),
    updateShareMenu: asyncApi('updateShareMenu', () => ({})),
    // WeChat shows the picture with its menu: send it to a chat, or save it to the phone's album.
    showShareImageMenu: asyncApi('showShareImageMenu', async ({ path }: { path: string }) => {
      const url = await ctx.resolveImage(path, null);
      const viewer = ctx.overlays.imageViewer([url], 0);
      void ctx.overlays.actionSheet(['发送给朋友', '保存图片'], '#000000', '').then((chosen) => {
        viewer.remove();
        if (chosen === 0) ctx.log.record({ kind: 'share', title: '分享图片：发送给朋友', detail: path, data: { path, to: 'friend' } });
        if (chosen === 1) {
          ctx.log.record({ kind: 'share', title: '分享图片：保存图片', detail: path, data: { path, to: 'album' } });
          ctx.overlays.toast({ title: '已保存到相册', icon: 'success', duration: 1500, mask: false });
        }
      });
      return {};
    }),
    requestSubscribeMessage: asyncApi('requestSubscribeMessage', async ({ tmplIds = [] }: { tmplIds?: string[] }) => {
      if (tmplIds.length === 0) throw new WxFailure('requestSubscribeMessage:fail tmplIds is empty', { errCode: 20001 });
      const answers = await ctx.overlays.subscription(ctx.appName, tmplIds);
      ctx.log.record({
        kind: 'subscribe',
        title: '订阅消息请求',
        detail: tmplIds.map((id) => `${id}：${answers[id] === 'accept' ? '允许' : '拒绝'}`).join('；'),
        data: { tmplIds, answers },
      });
      return answers;
    }),

    setClipboardData: asyncApi('setClipboardData', async ({ data = '' }: { data?: string }) => {
      await navigator.clipboard?.writeText(String(data)).catch(() => undefined);
      ctx.log.record({ kind: 'clipboard', title: '已复制', detail: String(data), data: { text: String(data) } });
      ctx.overlays.toast({ title: '内容已复制', icon: 'none', duration: 1500, mask: false });
      return {};
    }),
    getClipboardData: asyncApi('getClipboardData', async () => ({ data: (await navigator.clipboard?.readText().catch(() => '')) ?? '' })),

    previewImage: asyncApi('previewImage', async ({ urls = [], current: shown }: { urls?: string[]; current?: string }) => {
      const resolved = await Promise.all(urls.map((url) => ctx.resolveImage(url, null)));
      ctx.overlays.imageViewer(resolved, Math.max(0, urls.indexOf(shown ?? urls[0])));
      return {};
    }),
    openDocument: asyncApi('openDocument', ({ filePath, fileType }: { filePath: string; fileType?: string }) => {
      const file = tempFile(filePath);
      const name = fileType && !file.name.endsWith(`.${fileType}`) ? `${file.name}.${fileType}` : file.name;
      ctx.log.record({ kind: 'document', title: '打开文档', detail: name, data: { name, size: file.blob.size } });
      ctx.overlays.document(name, file.url);
      return {};
    }),
    makePhoneCall: asyncApi('makePhoneCall', ({ phoneNumber }: { phoneNumber: string }) => {
      ctx.log.record({ kind: 'other', title: '拨打电话', detail: phoneNumber });
      return {};
    }),
  };
}
