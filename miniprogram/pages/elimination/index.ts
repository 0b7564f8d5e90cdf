/**
 * 末尾淘汰名单 (seeds/003: 积分末尾淘汰机制): the last places of a closed half-year (半年一评比) or year
 * for the 会长会, each with their points, place and the places of the periods before. Opened from 我的
 * by those me.get's can.eliminate names; the server decides again who may read it.
 *
 * The first screen is one call (bottom.list) when the template's words are known (from 我的); a
 * direct link asks me.get for them first. Options: period, key.
 */
import type { Period, SchemeTerms } from '../../../typings/api';
import { call, schemeTermsFor } from '../../services/api';
import { failureMessage, pageState } from '../../services/page-state';
import { chinaDay } from '../../format/dates';
import { closedKeysOf, eliminationIntroOf, eliminationRowOf, eliminationTabsOf, type EliminationRowView, type PeriodTab } from './elimination-view';

type Status = 'loading' | 'error' | 'none' | 'loaded';

const FAILED_MESSAGE = '加载失败，请稍后重试';

const messageOf = (error: unknown): string => failureMessage(error, 'elimination', FAILED_MESSAGE);

const sessionOf = pageState(() => ({ terms: null as SchemeTerms | null, loads: 0, options: {} as Record<string, string | undefined> }));

Component({
  data: {
    status: 'loading' as Status,
    errorMessage: '',
    tabs: [] as PeriodTab[],
    period: 'half' as Period,
    keys: [] as { key: string; label: string }[],
    keyIndex: 0,
    intro: '',
    rows: [] as EliminationRowView[],
  },

  methods: {
    onLoad(options: Record<string, string | undefined>) {
      sessionOf(this).options = options;
      this.start();
    },

    onRetry() {
      if (sessionOf(this).terms) this.load();
      else this.start();
    },

    onPullDownRefresh() {
      this.load().then(() => wx.stopPullDownRefresh());
    },

    /** The template's words (known from 我的, or one me.get), then the newest closed period. */
    async start() {
      const session = sessionOf(this);
      const terms = await schemeTermsFor(this, messageOf);
      if (!terms) return;
      session.terms = terms;
      const tabs = eliminationTabsOf(terms);
      if (!terms.bottom || tabs.length === 0) {
        this.setData({ status: 'none', errorMessage: '本方案没有末尾淘汰' });
        return;
      }
      const { options } = session;
      const period = tabs.find((t) => t.value === options.period)?.value ?? tabs[0].value;
      const keys = closedKeysOf(period, chinaDay(), terms);
      this.setData({ tabs, period, keys, keyIndex: Math.max(0, keys.findIndex((k) => k.key === options.key)) });
      await this.load();
    },

    async load(): Promise<void> {
      const session = sessionOf(this);
      const { terms } = session;
      const { period, keys, keyIndex } = this.data;
      const key = keys[keyIndex]?.key;
      if (!terms || !key) return;
      const thisLoad = ++session.loads;
      if (this.data.status !== 'loaded') this.setData({ status: 'loading', errorMessage: '' });
      try {
        const listing = await call('bottom.list', { period, key });
        if (thisLoad !== session.loads) return;
        this.setData({
          status: 'loaded',
          intro: eliminationIntroOf(listing, terms),
          rows: listing.rows.map((row) => eliminationRowOf(row, listing.period, terms)),
        });
      } catch (error) {
        if (thisLoad !== session.loads) return;
        this.setData({ status: 'error', errorMessage: messageOf(error) });
      }
    },

    onTabChange(event: WechatMiniprogram.CustomEvent<{ value: Period }>) {
      const period = event.detail.value;
      const { terms } = sessionOf(this);
      if (period === this.data.period || !terms) return;
      this.setData({ period, keys: closedKeysOf(period, chinaDay(), terms), keyIndex: 0, status: 'loading' });
      this.load();
    },

    onKeyChange(event: WechatMiniprogram.PickerChange) {
      this.setData({ keyIndex: Number(event.detail.value), status: 'loading' });
      this.load();
    },
  },
});
