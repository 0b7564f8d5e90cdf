/**
 * 积分超市 (seeds/004 第三篇 四(五)1②): a household's person sees the household's balance and
 * cumulative total, when rewards are handed over and the rewards on the shelf; reserves one (a
 * quantity and a confirmation) and is shown the pickup code; 我的兑换 lists the household's
 * reservations, and one still to collect may be cancelled. The shop keeper is offered the 核销取货码
 * desk, the shop's managers add, change and withdraw rewards (reward-editor). Opened from 我的 by
 * those me.get's can.shop names; the server decides again.
 *
 * The first screen is one call (shop.list); 我的兑换 asks redeem.mine when its tab is opened.
 */
import type { DataOf, Redemption, RewardView } from '../../../typings/api';
import { ApiCallError, call, newRequestId } from '../../services/api';
import { failureMessage, pageState } from '../../services/page-state';
import { chinaDay } from '../../format/dates';
import { goTo } from '../../navigation/routes';
import { balanceViewOf, daysTextOf, mostOf, pickupNoteOf, redemptionRowOf, reservedViewOf, rewardRowOf, type RedemptionRowView, type RewardRowView } from './shop-view';

type Status = 'loading' | 'error' | 'empty' | 'loaded';
type Tab = 'rewards' | 'mine';

const FAILED_MESSAGE = '加载失败，请稍后重试';
const messageOf = (error: unknown): string => failureMessage(error, 'shop', FAILED_MESSAGE);

const sessionOf = pageState(() => ({
  listing: null as DataOf<'shop.list'> | null,
  redemptions: [] as Redemption[],
  cursor: null as string | null,
  /** One id per reservation asked, so a retry after a lost answer makes the same reservation (S10). */
  requestId: '',
  loads: 0,
}));

Component({
  data: {
    status: 'loading' as Status,
    errorMessage: '',
    tab: 'rewards' as Tab,
    balanceText: '',
    totalText: '',
    explain: '',
    daysText: '',
    rewards: [] as RewardRowView[],
    /** Whether the caller holds a ledger: without one, no figures, no 兑换 and no 我的兑换 (H24). */
    ledger: true,
    keeper: false,
    manager: false,
    /** The reward the manager is changing, {} for a new one, null when the editor is closed. */
    editing: null as RewardView | Record<string, never> | null,
    keeperDefault: '',
    /** The template's 财政补助 share, for the reward editor (managers only, S23). */
    subsidyShare: 0,
    reserve: { visible: false, rewardId: '', name: '', cost: 0, keeper: '', value: 1, max: 1, costText: '', note: '', error: '', busy: false },
    reserved: null as null | { code: string; title: string; where: string },
    mine: { status: 'idle' as 'idle' | 'loading' | 'error' | 'loaded', errorMessage: '', rows: [] as RedemptionRowView[], more: false, loadingMore: false },
  },

  methods: {
    onLoad() {
      this.load();
    },

    onPullDownRefresh() {
      const done = this.data.tab === 'mine' ? this.loadMine() : this.load();
      done.then(() => wx.stopPullDownRefresh());
    },

    onReachBottom() {
      if (this.data.tab === 'mine') this.onMoreMine();
    },

    onRetry() {
      this.load();
    },

    async load(): Promise<void> {
      const session = sessionOf(this);
      const thisLoad = ++session.loads;
      if (this.data.status !== 'loaded') this.setData({ status: 'loading', errorMessage: '' });
      try {
        const listing = await call('shop.list', {});
        if (thisLoad !== session.loads) return;
        session.listing = listing;
        const today = chinaDay();
        this.setData({
          status: 'loaded',
          ...balanceViewOf(listing),
          daysText: daysTextOf(listing.days, today),
          rewards: listing.rewards.map((reward) => rewardRowOf(reward, listing.balance, listing.days)),
          ledger: listing.ledger,
          keeper: listing.keeper,
          manager: listing.manager,
          keeperDefault: listing.rewards[0]?.keeper ?? '',
          subsidyShare: listing.subsidyShare ?? 0,
        });
      } catch (error) {
        if (thisLoad !== session.loads) return;
        // A refusal (本方案没有积分超市) is not fixed by trying again: said plainly, without 重试.
        const refused = error instanceof ApiCallError && error.code !== 'INTERNAL';
        this.setData({ status: refused ? 'empty' : 'error', errorMessage: messageOf(error) });
      }
    },

    onTabChange(event: WechatMiniprogram.CustomEvent<{ value: Tab }>) {
      const tab = event.detail.value;
      if (tab === this.data.tab) return;
      this.setData({ tab });
      if (tab === 'mine' && this.data.mine.status !== 'loaded') this.loadMine();
    },

    onOpenDesk() {
      goTo('shop-desk');
    },

    onAddReward() {
      this.setData({ editing: {} });
    },

    onEditReward(event: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: string }>) {
      if (!this.data.manager) return;
      const reward = sessionOf(this).listing?.rewards.find((r) => r.rewardId === event.currentTarget.dataset.id);
      if (reward) this.setData({ editing: reward });
    },

    onEditorClose() {
      this.setData({ editing: null });
    },

    onRewardSaved() {
      this.load();
    },

    /** Opens the reservation dialog for a reward the household can take now. */
    onReserve(event: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: string }>) {
      const { listing } = sessionOf(this);
      const reward = listing?.rewards.find((r) => r.rewardId === event.currentTarget.dataset.id);
      if (!listing || !reward) return;
      const max = mostOf(reward, listing.balance, listing.days);
      if (max === 0) {
        wx.showToast({ title: reward.stock === 0 ? `“${reward.name}”已兑完` : `可用积分不足 ${reward.cost} 分`, icon: 'none' });
        return;
      }
      sessionOf(this).requestId = newRequestId();
      this.setData({
        reserve: {
          visible: true, rewardId: reward.rewardId, name: reward.name, cost: reward.cost, keeper: reward.keeper, value: 1, max,
          costText: costTextOf(reward.cost, 1, listing.balance), note: pickupNoteOf(listing.days, chinaDay()), error: '', busy: false,
        },
      });
    },

    onQuantityChange(event: WechatMiniprogram.CustomEvent<{ value: number | string }>) {
      const { listing } = sessionOf(this);
      const value = Number(event.detail.value);
      const { max, cost } = this.data.reserve;
      if (!listing || !Number.isInteger(value) || value < 1 || value > max) {
        this.setData({ 'reserve.error': `兑换数量应为 1–${max} 件` });
        return;
      }
      // A different quantity is a different reservation: a new request id.
      sessionOf(this).requestId = newRequestId();
      this.setData({ 'reserve.value': value, 'reserve.costText': costTextOf(cost, value, listing.balance), 'reserve.error': '' });
    },

    onReserveCancel() {
      this.setData({ 'reserve.visible': false });
    },

    /** 确认兑换: one redeem.request; the code shows at once, the balance and stock reload. */
    async onReserveConfirm() {
      const { rewardId, value, busy } = this.data.reserve;
      const session = sessionOf(this);
      if (busy || !session.listing) return;
      this.setData({ 'reserve.busy': true, 'reserve.error': '' });
      try {
        const { redemption } = await call('redeem.request', { rewardId, quantity: value }, { requestId: session.requestId });
        // 我的兑换 asks again when next opened; the balance and stock reload now.
        this.setData({ 'reserve.visible': false, 'reserve.busy': false, reserved: reservedViewOf(redemption, session.listing.days), 'mine.status': 'idle' });
        this.load();
      } catch (error) {
        this.setData({ 'reserve.busy': false, 'reserve.error': messageOf(error) });
      }
    },

    onReservedClose() {
      this.setData({ reserved: null });
    },

    async loadMine(): Promise<void> {
      const session = sessionOf(this);
      this.setData({ 'mine.status': 'loading', 'mine.errorMessage': '' });
      try {
        const page = await call('redeem.mine', {});
        session.redemptions = page.redemptions;
        session.cursor = page.cursor;
        this.showMine();
      } catch (error) {
        this.setData({ 'mine.status': 'error', 'mine.errorMessage': messageOf(error) });
      }
    },

    async onMoreMine(): Promise<void> {
      const session = sessionOf(this);
      if (!session.cursor || this.data.mine.loadingMore) return;
      this.setData({ 'mine.loadingMore': true });
      try {
        const page = await call('redeem.mine', { cursor: session.cursor });
        session.redemptions = [...session.redemptions, ...page.redemptions];
        session.cursor = page.cursor;
        this.showMine();
      } catch (error) {
        this.setData({ 'mine.loadingMore': false });
        wx.showToast({ title: messageOf(error), icon: 'none' });
      }
    },

    showMine() {
      const session = sessionOf(this);
      const today = chinaDay();
      const nextDay = session.listing?.days.next ?? today;
      this.setData({
        mine: { status: 'loaded', errorMessage: '', rows: session.redemptions.map((r) => redemptionRowOf(r, today, nextDay)), more: session.cursor !== null, loadingMore: false },
      });
    },

    /** 取消兑换 after a confirmation: points and stock come back at once (S12). */
    async onCancelRedemption(event: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: string }>) {
      const session = sessionOf(this);
      const redemption = session.redemptions.find((r) => r._id === event.currentTarget.dataset.id);
      if (!redemption) return;
      const { confirm } = await wx.showModal({
        title: '取消兑换',
        content: `取消“${redemption.rewardName} × ${redemption.quantity}”？${redemption.points} 积分将退回，取货码作废。`,
        confirmText: '取消兑换',
        cancelText: '不取消',
      });
      if (!confirm) return;
      try {
        const { redemption: closed } = await call('redeem.cancel', { redemptionId: redemption._id }, { requestId: newRequestId() });
        session.redemptions = session.redemptions.map((r) => (r._id === closed._id ? closed : r));
        this.showMine();
        wx.showToast({ title: `已取消，${closed.points} 积分已退回`, icon: 'none' });
        this.load();
      } catch (error) {
        wx.showModal({ title: '未能取消', content: messageOf(error), showCancel: false });
      }
    },
  },
});

/** '共 16 积分，兑换后可用 84 积分'. */
function costTextOf(cost: number, quantity: number, balance: number): string {
  const total = cost * quantity;
  return `共 ${total} 积分，兑换后可用 ${Math.round((balance - total) * 100) / 100} 积分`;
}
