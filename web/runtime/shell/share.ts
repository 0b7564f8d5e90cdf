/**
 * Sharing, as WeChat does it: the ··· menu (转发给朋友, 分享到朋友圈 when the page allows it) or a
 * <button open-type="share"> asks the page for its card (onShareAppMessage / onShareTimeline); the
 * card is shown as the chat would see it and logged beside the phone.
 */
import type { OpenedPage, PageStack } from '../framework/pages';
import type { Overlays, ShareCard } from './overlays';
import type { WechatLog } from './wechat-log';

/** How long WeChat waits for a share content's `promise` before using the card as returned. */
const SHARE_PROMISE_WAIT_MS = 3000;

interface ShareContent {
  title?: string;
  path?: string;
  query?: string;
  imageUrl?: string;
  promise?: Promise<ShareContent>;
}

export interface Sharing {
  menu(): void;
  fromButton(target: { id: string; dataset: Record<string, unknown> }): void;
}

function queryString(query: Record<string, string>): string {
  const text = new URLSearchParams(query).toString();
  return text ? `?${text}` : '';
}

export function createSharing(
  pages: PageStack,
  overlays: Overlays,
  log: WechatLog,
  appName: string,
  resolveImage: (src: string) => Promise<string>,
): Sharing {
  const contentOf = async (page: OpenedPage, method: string, arg: Record<string, unknown>): Promise<ShareContent> => {
    const returned = (pages.callPage(page, method, arg) ?? {}) as ShareContent;
    if (!returned.promise) return returned;
    const timeout = new Promise<ShareContent>((resolve) => setTimeout(() => resolve(returned), SHARE_PROMISE_WAIT_MS));
    return { ...returned, ...(await Promise.race([returned.promise, timeout])) };
  };

  const share = async (kind: ShareCard['kind'], from: 'menu' | 'button', target?: unknown) => {
    const page = pages.current();
    if (!page) return;
    const method = kind === 'friend' ? 'onShareAppMessage' : 'onShareTimeline';
    const content = await contentOf(page, method, { from, target });
    const path = kind === 'friend' ? content.path || `/${page.route}${queryString(page.query)}` : `/${page.route}${content.query ? `?${content.query}` : ''}`;
    const imageUrl = content.imageUrl ? await resolveImage(content.imageUrl).catch(() => '') : '';
    const card: ShareCard = { kind, title: content.title || appName, path, imageUrl, appName };
    log.record({ kind: 'share', title: `${kind === 'friend' ? '转发' : '分享到朋友圈'}：${card.title}`, detail: card.path, data: card });
    overlays.shareSheet(card);
  };

  return {
    async menu() {
      const page = pages.current();
      if (!page) return;
      const canShare = typeof page.instance.onShareAppMessage === 'function';
      const menus = (page as { shareMenus?: string[] }).shareMenus ?? ['shareAppMessage'];
      const canTimeline = typeof page.instance.onShareTimeline === 'function' && menus.includes('shareTimeline');
      const items = ['转发给朋友', ...(canTimeline ? ['分享到朋友圈'] : [])];
      const chosen = await overlays.actionSheet(items, '#000000', canShare ? '' : '当前页面未设置分享');
      if (chosen === null) return;
      if (chosen === 0 && !canShare) {
        overlays.toast({ title: '当前页面不能转发', icon: 'none', duration: 1500, mask: false });
        return;
      }
      await share(chosen === 0 ? 'friend' : 'timeline', 'menu');
    },
    fromButton(target) {
      void share('friend', 'button', { id: target.id, dataset: target.dataset });
    },
  };
}
