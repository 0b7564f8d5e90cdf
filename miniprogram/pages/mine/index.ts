/**
 * 我的 (home): my month/year/all totals with ranks, my recent entries, the quick links my roles open,
 * and for reviewers the inbox count. The first screen is one cloud call, `home.get` (SPEC §7).
 * An account not bound to a member yet gets the way to bind it.
 */
import { ApiCallError, call } from '../../services/api';
import { consumeStale } from '../../services/stale';
import { goTo, isPageName } from '../../navigation/routes';
import { EMPTY_HOME_VIEW, homeViewOf, type Home } from './home-view';

type Status = 'loading' | 'error' | 'loaded';

const LOAD_FAILED_MESSAGE = '加载失败，请稍后重试';

/** The tab bar's 我的 item carries the inbox count, so a reviewer sees it from any tab. */
function showInboxOnTabBar(count: number): void {
  const done = { fail: () => undefined };
  if (count > 0) wx.setTabBarBadge({ index: 0, text: count > 99 ? '99+' : String(count), ...done });
  else wx.removeTabBarBadge({ index: 0, ...done });
}

Component({
  data: {
    status: 'loading' as Status,
    errorMessage: '',
    refreshing: false,
    ...EMPTY_HOME_VIEW,
  },

  lifetimes: {
    attached() {
      this.load();
    },
  },

  methods: {
    /** `quiet` keeps what is on screen while reloading (pull-down, coming back to the tab). */
    async load(quiet = false) {
      if (!quiet) this.setData({ status: 'loading', errorMessage: '' });
      try {
        const home: Home = await call('home.get', {});
        this.setData({ status: 'loaded', errorMessage: '', ...homeViewOf(home) });
        showInboxOnTabBar(home.inboxCount);
      } catch (error) {
        if (!(error instanceof ApiCallError)) console.error('mine: home.get failed unexpectedly', error);
        const message = error instanceof ApiCallError ? error.message : LOAD_FAILED_MESSAGE;
        if (quiet && this.data.status === 'loaded') wx.showToast({ title: message, icon: 'none' });
        else this.setData({ status: 'error', errorMessage: message });
      }
    },

    onShow() {
      if (consumeStale('home') && this.data.status !== 'loading') this.load(true);
    },

    async onPullDownRefresh() {
      await this.load(this.data.status === 'loaded');
      wx.stopPullDownRefresh();
    },

    onRetry() {
      this.load();
    },

    onOpenLink(event: WechatMiniprogram.TouchEvent) {
      const page: unknown = event.currentTarget.dataset.page;
      if (!isPageName(page)) return;
      // 审批 sizes its value stepper by the reviewer's authority without another call.
      if (page === 'inbox') goTo('inbox', { authority: this.data.authority });
      else goTo(page, this.data.links.find((link) => link.page === page)?.query);
    },

    onOpenLedger() {
      goTo('ledger');
    },

    onOpenRanking() {
      goTo('ranking');
    },

    onOpenReport() {
      goTo('report');
    },

    onBind() {
      goTo('bind');
    },
  },
});
