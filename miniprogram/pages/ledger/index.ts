/**
 * 明细: two lists, my ledger entries (ledger.list) and my claims with their status, reviewers,
 * decisions and rejection reasons (claim.mine). A pending claim can be withdrawn; an entry I think
 * wrong can be disputed (objection.submit, decided by the template's objection chain: 常州's 支委会,
 * 荆门's 秘书长). Both lists page by cursor when scrolled to the bottom. The first screen costs one call: the tab shown first; the other
 * loads when it is opened.
 */
import type { Claim, LedgerEntry } from '../../../typings/api';
import { ApiCallError, call, newRequestId } from '../../services/api';
import { failureMessage } from '../../services/page-state';
import { consumeStale } from '../../services/stale';
import { goTo } from '../../navigation/routes';
import { claimRowOf, type ClaimRow } from './claim-view';

type Tab = 'ledger' | 'claims';
type Status = 'idle' | 'loading' | 'error' | 'loaded';

const LOAD_FAILED_MESSAGE = '加载失败，请稍后重试';

interface ListState<T> {
  status: Status;
  errorMessage: string;
  errorCode: string;
  items: T[];
  cursor: string | null;
  loadingMore: boolean;
  moreError: string;
}

function emptyList<T>(): ListState<T> {
  return { status: 'idle', errorMessage: '', errorCode: '', items: [], cursor: null, loadingMore: false, moreError: '' };
}

const messageOf = (error: unknown): string => failureMessage(error, 'ledger', LOAD_FAILED_MESSAGE);

/** Claims as loaded, kept beside their rows: withdrawing replaces one by id. */
const claimsByPage = new WeakMap<object, Claim[]>();

Component({
  data: {
    tab: 'ledger' as Tab,
    ledger: emptyList<LedgerEntry>(),
    claims: emptyList<ClaimRow>(),
    withdrawing: '',
    disputing: { visible: false, entryId: '', title: '' },
  },

  lifetimes: {
    attached() {
      // Opened for the first time right after a submission: start on my claims, still one call.
      const toClaims = consumeStale('claims');
      consumeStale('ledger');
      if (toClaims) this.setData({ tab: 'claims' });
      this.loadTab(toClaims ? 'claims' : 'ledger');
    },
  },

  methods: {
    /** Loads the first page of a tab; `quiet` keeps the list on screen (pull-down, coming back). */
    async loadTab(tab: Tab, quiet = false) {
      const key = tab;
      if (!quiet) this.setData({ [key]: { ...emptyList(), status: 'loading' } });
      try {
        if (tab === 'ledger') {
          const { entries, cursor } = await call('ledger.list', {});
          this.setData({ ledger: { ...emptyList<LedgerEntry>(), status: 'loaded', items: entries, cursor } });
        } else {
          const { claims, cursor } = await call('claim.mine', {});
          claimsByPage.set(this, claims);
          this.setData({ claims: { ...emptyList<ClaimRow>(), status: 'loaded', items: claims.map((c) => claimRowOf(c)), cursor } });
        }
      } catch (error) {
        const state = this.data[key];
        if (quiet && state.status === 'loaded') {
          wx.showToast({ title: messageOf(error), icon: 'none' });
          return;
        }
        this.setData({
          [key]: { ...emptyList(), status: 'error', errorMessage: messageOf(error), errorCode: error instanceof ApiCallError ? error.code : 'INTERNAL' },
        });
      }
    },

    async loadMore() {
      const tab = this.data.tab;
      const state = this.data[tab];
      if (state.status !== 'loaded' || !state.cursor || state.loadingMore) return;
      this.setData({ [`${tab}.loadingMore`]: true, [`${tab}.moreError`]: '' });
      try {
        if (tab === 'ledger') {
          const { entries, cursor } = await call('ledger.list', { cursor: state.cursor });
          this.setData({ 'ledger.items': [...this.data.ledger.items, ...entries], 'ledger.cursor': cursor });
        } else {
          const { claims, cursor } = await call('claim.mine', { cursor: state.cursor });
          const all = [...(claimsByPage.get(this) ?? []), ...claims];
          claimsByPage.set(this, all);
          this.setData({ 'claims.items': all.map((c) => claimRowOf(c)), 'claims.cursor': cursor });
        }
      } catch (error) {
        this.setData({ [`${tab}.moreError`]: messageOf(error) });
      } finally {
        this.setData({ [`${tab}.loadingMore`]: false });
      }
    },

    onShow() {
      // A claim just submitted on 申报 (or withdrawn elsewhere) shows here: open my claims, fresh.
      if (consumeStale('claims')) {
        consumeStale('ledger');
        this.setData({ tab: 'claims' });
        this.loadTab('claims', this.data.claims.status === 'loaded');
      } else if (consumeStale('ledger') && this.data.ledger.status === 'loaded') {
        this.loadTab('ledger', true);
      }
    },

    onTabChange(event: WechatMiniprogram.CustomEvent<{ value: Tab }>) {
      const tab = event.detail.value;
      this.setData({ tab });
      if (this.data[tab].status === 'idle') this.loadTab(tab);
    },

    async onPullDownRefresh() {
      await this.loadTab(this.data.tab, this.data[this.data.tab].status === 'loaded');
      wx.stopPullDownRefresh();
    },

    onReachBottom() {
      this.loadMore();
    },

    onRetry() {
      const tab = this.data.tab;
      if (this.data[tab].errorCode === 'NOT_BOUND') goTo('bind');
      else this.loadTab(tab);
    },

    onPreviewEvidence(event: WechatMiniprogram.TouchEvent) {
      const { claim, index } = event.currentTarget.dataset as { claim: string; index: number };
      const row = this.data.claims.items.find((r) => r.id === claim);
      if (row) wx.previewImage({ urls: row.evidence, current: row.evidence[Number(index)] });
    },

    async onWithdraw(event: WechatMiniprogram.TouchEvent) {
      const claimId = String(event.currentTarget.dataset.claim);
      if (this.data.withdrawing) return;
      const { confirm } = await wx.showModal({
        title: '撤回申请',
        content: '撤回后审核人将不再处理这条申请，如需要可重新申报。确定撤回吗？',
        confirmText: '撤回',
        confirmColor: '#d83931',
        cancelText: '再想想',
      });
      if (!confirm) return;
      this.setData({ withdrawing: claimId });
      try {
        const { claim } = await call('claim.withdraw', { claimId }, { requestId: newRequestId() });
        const claims = (claimsByPage.get(this) ?? []).map((c) => (c._id === claim._id ? claim : c));
        claimsByPage.set(this, claims);
        this.setData({ 'claims.items': claims.map((c) => claimRowOf(c)) });
        wx.showToast({ title: '已撤回', icon: 'success' });
      } catch (error) {
        wx.showModal({ title: '撤回失败', content: messageOf(error), showCancel: false });
        // CONFLICT: it was decided meanwhile; show where it stands now.
        if (error instanceof ApiCallError && error.code === 'CONFLICT') this.loadTab('claims', true);
      } finally {
        this.setData({ withdrawing: '' });
      }
    },

    onReport() {
      goTo('report');
    },

    /** A tap on one of my entries offers to dispute it; reversals and corrections are not disputed. */
    async onEntryTap(event: WechatMiniprogram.TouchEvent) {
      const entry = this.data.ledger.items.find((e) => e._id === event.currentTarget.dataset.id);
      if (!entry || entry.reverses || entry.corrects) return;
      try {
        const { tapIndex } = await wx.showActionSheet({ itemList: ['对这条记录提出异议'] });
        if (tapIndex !== 0) return;
      } catch {
        return; // the sheet was dismissed
      }
      this.setData({ disputing: { visible: true, entryId: entry._id, title: `对“${entry.itemName}”提出异议` } });
    },

    onDisputeCancel() {
      this.setData({ 'disputing.visible': false });
    },

    async onDisputeSubmit(event: WechatMiniprogram.CustomEvent<{ reason: string }>) {
      const { entryId } = this.data.disputing;
      this.setData({ 'disputing.visible': false });
      try {
        const { claim } = await call('objection.submit', { entryId, reason: event.detail.reason }, { requestId: newRequestId() });
        wx.showToast({ title: `已提交，由${claim.waitingFor?.label ?? '负责人'}研究`, icon: 'none' });
      } catch (error) {
        wx.showModal({ title: '未能提交', content: messageOf(error), showCancel: false });
      }
    },
  },
});
