/**
 * 公示: the association's notices and the rule versions with their change lines (notice.list, one
 * call). The list arrives whole (at most 100, newest first); it is drawn a page at a time as the
 * user scrolls, so a long history stays light on a phone.
 */
import { ApiCallError, call } from '../../services/api';
import { filterNotices, noticeRowOf, type NoticeFilter, type NoticeRow } from './notice-view';

type Status = 'loading' | 'error' | 'loaded';

const LOAD_FAILED_MESSAGE = '加载失败，请稍后重试';
export const NOTICES_PER_SCREEN = 20;

const rowsByPage = new WeakMap<object, NoticeRow[]>();

Component({
  data: {
    status: 'loading' as Status,
    errorMessage: '',
    filter: 'all' as NoticeFilter,
    shown: [] as NoticeRow[],
    total: 0,
    expanded: {} as Record<string, boolean>,
  },

  lifetimes: {
    attached() {
      this.load();
    },
  },

  methods: {
    async load(quiet = false) {
      if (!quiet) this.setData({ status: 'loading', errorMessage: '' });
      try {
        const { notices } = await call('notice.list', {});
        rowsByPage.set(this, notices.map(noticeRowOf));
        this.setData({ status: 'loaded' });
        this.show(NOTICES_PER_SCREEN);
      } catch (error) {
        if (!(error instanceof ApiCallError)) console.error('notices: notice.list failed unexpectedly', error);
        const message = error instanceof ApiCallError ? error.message : LOAD_FAILED_MESSAGE;
        if (quiet && this.data.status === 'loaded') wx.showToast({ title: message, icon: 'none' });
        else this.setData({ status: 'error', errorMessage: message });
      }
    },

    /** Draws the first `count` notices of the current filter. */
    show(count: number) {
      const rows = filterNotices(rowsByPage.get(this) ?? [], this.data.filter);
      this.setData({ shown: rows.slice(0, count), total: rows.length });
    },

    onReachBottom() {
      if (this.data.shown.length < this.data.total) this.show(this.data.shown.length + NOTICES_PER_SCREEN);
    },

    async onPullDownRefresh() {
      await this.load(this.data.status === 'loaded');
      wx.stopPullDownRefresh();
    },

    onRetry() {
      this.load();
    },

    onFilterChange(event: WechatMiniprogram.CustomEvent<{ value: NoticeFilter }>) {
      this.setData({ filter: event.detail.value });
      this.show(NOTICES_PER_SCREEN);
    },

    onToggle(event: WechatMiniprogram.TouchEvent) {
      const id = String(event.currentTarget.dataset.id);
      this.setData({ [`expanded.${id}`]: !this.data.expanded[id] });
    },
  },
});
