/**
 * 零分、负分名单 (seeds/004 第一篇 六、4): for 人力资源部 (the secretariat), the people whose total stood
 * at zero or below at the end of an ended month, by department, and the one reprieve (一次不离职的机会)
 * HR records for a person who applied for it, with a note of the application. Someone who has had
 * theirs shows it and is offered no second; the server refuses one anyway.
 *
 * The first screen is one call (admin.negatives.list of the last ended month) when the template's
 * words are known (from 管理 or 我的); a direct link asks me.get for them first. Options: month.
 */
import type { NegativeRow, SchemeTerms } from '../../../typings/api';
import { call, newRequestId, schemeTermsFor } from '../../services/api';
import { failureMessage, pageState } from '../../services/page-state';
import { chinaDay } from '../../format/dates';
import { endedMonthsOf, negativeRowOf, negativesIntroOf, type NegativeRowView } from './negatives-view';

type Status = 'loading' | 'error' | 'none' | 'loaded';

const FAILED_MESSAGE = '加载失败，请稍后重试';

const messageOf = (error: unknown): string => failureMessage(error, 'negatives', FAILED_MESSAGE);

const sessionOf = pageState(() => ({ terms: null as SchemeTerms | null, loads: 0, rows: [] as NegativeRow[] }));

Component({
  data: {
    status: 'loading' as Status,
    errorMessage: '',
    months: [] as { key: string; label: string }[],
    monthIndex: 0,
    intro: '',
    rows: [] as NegativeRowView[],
    recording: { visible: false, memberId: '', title: '' },
    saving: false,
  },

  methods: {
    onLoad(options: Record<string, string | undefined>) {
      this.start(options.month);
    },

    onRetry() {
      if (sessionOf(this).terms) this.load();
      else this.start();
    },

    onPullDownRefresh() {
      this.load().then(() => wx.stopPullDownRefresh());
    },

    async start(month?: string) {
      const session = sessionOf(this);
      const terms = await schemeTermsFor(this, messageOf);
      if (!terms) return;
      session.terms = terms;
      if (!terms.separation) {
        this.setData({ status: 'none', errorMessage: '本方案没有零分、负分名单' });
        return;
      }
      const months = endedMonthsOf(chinaDay());
      this.setData({ months, monthIndex: Math.max(0, months.findIndex((m) => m.key === month)) });
      await this.load();
    },

    async load(): Promise<void> {
      const session = sessionOf(this);
      const { terms } = session;
      const month = this.data.months[this.data.monthIndex]?.key;
      if (!terms || !month) return;
      const thisLoad = ++session.loads;
      if (this.data.status !== 'loaded') this.setData({ status: 'loading', errorMessage: '' });
      try {
        const listing = await call('admin.negatives.list', { month });
        if (thisLoad !== session.loads) return;
        session.rows = listing.rows;
        this.setData({ status: 'loaded', intro: negativesIntroOf(listing, terms), rows: listing.rows.map((row) => negativeRowOf(row, terms)) });
      } catch (error) {
        if (thisLoad !== session.loads) return;
        this.setData({ status: 'error', errorMessage: messageOf(error) });
      }
    },

    onMonthChange(event: WechatMiniprogram.PickerChange) {
      this.setData({ monthIndex: Number(event.detail.value), status: 'loading' });
      this.load();
    },

    onReprieve(event: WechatMiniprogram.TouchEvent) {
      const row = this.data.rows.find((r) => r.id === event.currentTarget.dataset.id);
      if (!row || !row.canReprieve || this.data.saving) return;
      const month = this.data.months[this.data.monthIndex];
      this.setData({ recording: { visible: true, memberId: row.id, title: `给${row.name}一次不离职的机会（${month.label}月末 ${row.totalText}）` } });
    },

    onRecordCancel() {
      this.setData({ 'recording.visible': false });
    },

    async onRecordSubmit(event: WechatMiniprogram.CustomEvent<{ reason: string }>) {
      const session = sessionOf(this);
      const { memberId } = this.data.recording;
      const month = this.data.months[this.data.monthIndex]?.key;
      if (!session.terms || !month) return;
      this.setData({ 'recording.visible': false, saving: true });
      try {
        const { reprieve } = await call('admin.reprieve.record', { memberId, month, note: event.detail.reason }, { requestId: newRequestId() });
        session.rows = session.rows.map((r) => (r.memberId === memberId ? { ...r, reprieve } : r));
        const terms = session.terms;
        this.setData({ rows: session.rows.map((row) => negativeRowOf(row, terms)) });
        wx.showToast({ title: '已记录', icon: 'success' });
      } catch (error) {
        wx.showModal({ title: '未能记录', content: messageOf(error), showCancel: false });
      } finally {
        this.setData({ saving: false });
      }
    },
  },
});
