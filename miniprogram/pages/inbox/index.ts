/**
 * 审批: the claims the caller may decide now (inbox.list), one tap to approve, a reason to reject
 * (common ones offered as taps), batch approval of every claim waiting with one 全选 and one confirm,
 * and the endorser's value of a range item (第十四条, 第十五条). Built for a leader with 40 claims.
 *
 * The first screen costs one call. The endorser's authority and the item's range are needed only
 * when adjusting a value: they come from the page options (the 我的 page passes `authority`) or are
 * fetched on that first tap. Options: `claimId` (from a subscription message) highlights that claim.
 */
import type { InboxClaim } from '../../../typings/api';
import { ApiCallError, call, newRequestId } from '../../services/api';
import { failureMessage, pageState } from '../../services/page-state';
import { claimWordsOf, isAdjustable } from '../../components/claim-card/claim-view';
import { batchQuestion, selectionOf, settleEach, summarize } from './batch';
import { boundedPoints, clampPoints, endorsementBounds } from './endorsement';
import { reviewContextOnce, type ReviewContext } from './review-context';
import { askOnceForReviewMessages } from './review-subscription';
import { REJECT_REASONS, REJECT_WRITTEN_MAX } from './reject-reasons';

type Status = 'loading' | 'error' | 'loaded';
type Decision = 'approve' | 'reject';

/** Decisions of a batch in flight at once: quick on a long list, gentle on the function. */
const BATCH_PARALLELISM = 3;
/** 全选 loads the pages not yet shown, up to this many claims, so a batch of 40 is one tap and one confirm. */
const SELECT_ALL_MOST = 200;
const FAILED_MESSAGE = '操作失败，请稍后重试';

/** What the page keeps between taps but never renders. */
interface Session {
  claimId: string | null;
  /** One id per claim and decision: a repeated tap or a retry after a lost answer is the same request. */
  requestIds: Record<string, string>;
  /** The item's range and the caller's authority, fetched once and only when first needed. */
  reviewContext: () => Promise<ReviewContext>;
}

const sessionOf = pageState<Session>(() => ({ claimId: null, requestIds: {}, reviewContext: reviewContextOnce(null) }));

const messageOf = (error: unknown): string => failureMessage(error, 'inbox', FAILED_MESSAGE);

function toast(title: string, icon: 'success' | 'none' = 'none'): void {
  wx.showToast({ title, icon });
}

const without = <T>(record: Record<string, T>, key: string): Record<string, T> => {
  const copy = { ...record };
  delete copy[key];
  return copy;
};

Component({
  data: {
    status: 'loading' as Status,
    errorMessage: '',
    claims: [] as InboxClaim[],
    cursor: null as string | null,
    /** The template's words for the cards (经理办公会加分, 等 5 户). */
    cardWords: claimWordsOf(null),
    loadingMore: false,
    highlightId: '',
    selected: {} as Record<string, boolean>,
    selectedCount: 0,
    selectedPoints: 0,
    allSelected: false,
    selectingAll: false,
    busy: {} as Record<string, boolean>,
    failures: {} as Record<string, string>,
    batchRunning: false,
    reject: { visible: false, claimId: '', title: '' },
    rejectReasons: REJECT_REASONS,
    rejectWrittenMax: REJECT_WRITTEN_MAX,
    adjust: { visible: false, claimId: '', itemName: '', min: 1, max: 1, value: 1, error: '' },
  },

  methods: {
    onLoad(options: Record<string, string | undefined>) {
      const session = sessionOf(this);
      session.claimId = options.claimId || null;
      const authority = Number(options.authority);
      session.reviewContext = reviewContextOnce(options.authority !== undefined && Number.isInteger(authority) && authority >= 0 ? authority : null);
      this.load();
    },

    onPullDownRefresh() {
      this.load().then(() => wx.stopPullDownRefresh());
    },

    onReachBottom() {
      this.loadMore();
    },

    onRetry() {
      this.load();
    },

    /** The first page; a refresh keeps the list on screen until the new one arrives. */
    async load(): Promise<void> {
      const refreshing = this.data.status === 'loaded';
      if (!refreshing) this.setData({ status: 'loading', errorMessage: '' });
      try {
        const { claims, cursor, terms } = await call('inbox.list', {});
        this.setData({ status: 'loaded', claims, cursor, failures: {}, cardWords: claimWordsOf(terms) });
        this.select({});
        this.highlightRequested();
      } catch (error) {
        if (refreshing) toast(messageOf(error));
        else this.setData({ status: 'error', errorMessage: messageOf(error) });
      }
    },

    async loadMore(): Promise<void> {
      const { cursor, loadingMore, status } = this.data;
      if (cursor === null || loadingMore || status !== 'loaded') return;
      this.setData({ loadingMore: true });
      try {
        const page = await call('inbox.list', { cursor });
        const known = new Set(this.data.claims.map((claim) => claim._id));
        this.setData({ claims: [...this.data.claims, ...page.claims.filter((claim) => !known.has(claim._id))], cursor: page.cursor });
        this.select(this.data.selected);
      } catch (error) {
        toast(messageOf(error));
      } finally {
        this.setData({ loadingMore: false });
      }
    },

    /** A subscription message opened the page on one claim: show it, or say it is no longer waiting. */
    highlightRequested() {
      const session = sessionOf(this);
      const claimId = session.claimId;
      if (!claimId) return;
      session.claimId = null;
      if (this.data.claims.some((claim) => claim._id === claimId)) {
        this.setData({ highlightId: claimId });
        wx.pageScrollTo({ selector: `#claim-${claimId}`, duration: 300 });
      } else {
        toast('该申请已处理或无需您审批');
      }
    },

    requestIdFor(claimId: string, decision: Decision): string {
      const session = sessionOf(this);
      const key = `${claimId}:${decision}`;
      session.requestIds[key] = session.requestIds[key] ?? newRequestId();
      return session.requestIds[key];
    },

    /** Sends one decision; the claim leaves the list once it is decided (by us or, as CONFLICT says, by someone else). */
    async decide(claimId: string, decision: Decision, extra: { points?: number; reason?: string } = {}): Promise<void> {
      if (this.data.busy[claimId]) return;
      this.setData({ busy: { ...this.data.busy, [claimId]: true }, failures: without(this.data.failures, claimId) });
      try {
        const { claim } = await call('claim.decide', { claimId, decision, ...extra }, { requestId: this.requestIdFor(claimId, decision) });
        this.forget(claimId, decision);
        this.removeClaims([claimId]);
        toast(decision === 'reject' ? '已驳回' : claim.status === 'approved' ? '已通过' : '已通过，转终审', decision === 'reject' ? 'none' : 'success');
      } catch (error) {
        // A lost answer keeps its request id, so tapping again cannot decide twice.
        if (!(error instanceof ApiCallError && error.code === 'INTERNAL')) this.forget(claimId, decision);
        const message = messageOf(error);
        this.setData({ failures: { ...this.data.failures, [claimId]: message } });
        toast(message);
      } finally {
        this.setData({ busy: without(this.data.busy, claimId) });
      }
    },

    forget(claimId: string, decision: Decision) {
      delete sessionOf(this).requestIds[`${claimId}:${decision}`];
    },

    removeClaims(claimIds: string[]) {
      const gone = new Set(claimIds);
      const selected = { ...this.data.selected };
      claimIds.forEach((id) => delete selected[id]);
      this.setData({ claims: this.data.claims.filter((claim) => !gone.has(claim._id)) });
      this.select(selected);
    },

    onApprove(event: WechatMiniprogram.CustomEvent<{ claimId: string }>) {
      askOnceForReviewMessages();
      this.decide(event.detail.claimId, 'approve');
    },

    onReject(event: WechatMiniprogram.CustomEvent<{ claimId: string }>) {
      askOnceForReviewMessages();
      const claim = this.data.claims.find((c) => c._id === event.detail.claimId);
      const title = claim ? `驳回${claim.createdByName}的申请` : '驳回申请';
      this.setData({ reject: { visible: true, claimId: event.detail.claimId, title } });
    },

    /** 第十五条: either step may reject, with a reason the claimant reads (the dialog insists on one). */
    onRejectSubmit(event: WechatMiniprogram.CustomEvent<{ reason: string }>) {
      const { claimId } = this.data.reject;
      this.setData({ 'reject.visible': false });
      this.decide(claimId, 'reject', { reason: event.detail.reason });
    },

    onRejectCancel() {
      this.setData({ 'reject.visible': false });
    },

    async onAdjust(event: WechatMiniprogram.CustomEvent<{ claimId: string }>) {
      const claim = this.data.claims.find((c) => c._id === event.detail.claimId);
      if (!claim || !isAdjustable(claim)) return;
      let context: ReviewContext;
      try {
        context = await sessionOf(this).reviewContext();
      } catch (error) {
        toast(messageOf(error));
        return;
      }
      const bounds = endorsementBounds(context.items[claim.itemId], context.authority);
      if (!bounds) {
        toast('该项目的分值超出您的奖分权限，不能调整');
        return;
      }
      const asked = claim.lines[0]?.points ?? bounds.min;
      this.setData({
        adjust: { visible: true, claimId: claim._id, itemName: claim.itemName, min: bounds.min, max: bounds.max, value: clampPoints(asked, bounds), error: '' },
      });
    },

    onAdjustChange(event: WechatMiniprogram.CustomEvent<{ value: number | string }>) {
      const { min, max } = this.data.adjust;
      const value = boundedPoints(event.detail.value, { min, max });
      this.setData(
        value === null
          ? { 'adjust.error': `分值应为 ${min}–${max} 之间的整数` }
          : { 'adjust.value': value, 'adjust.error': '' },
      );
    },

    onAdjustConfirm() {
      const { claimId, value, min, max } = this.data.adjust;
      if (boundedPoints(value, { min, max }) === null) {
        this.setData({ 'adjust.error': `分值应为 ${min}–${max} 之间的整数` });
        return;
      }
      askOnceForReviewMessages();
      this.setData({ 'adjust.visible': false });
      this.decide(claimId, 'approve', { points: value });
    },

    onAdjustCancel() {
      this.setData({ 'adjust.visible': false });
    },

    /** The selection, with its count and points, as the batch bar shows them. */
    select(chosen: Record<string, boolean>) {
      this.setData({ ...selectionOf(this.data.claims, chosen, this.data.cursor === null) });
    },

    onSelect(event: WechatMiniprogram.CustomEvent<{ claimId: string; selected: boolean }>) {
      const { claimId, selected } = event.detail;
      this.select(selected ? { ...this.data.selected, [claimId]: true } : without(this.data.selected, claimId));
    },

    /** 全选 means every claim waiting, so the pages not loaded yet are loaded first (up to SELECT_ALL_MOST). */
    async onToggleAll() {
      if (this.data.selectingAll || this.data.batchRunning) return;
      if (this.data.allSelected) return this.select({});
      this.setData({ selectingAll: true });
      while (this.data.cursor !== null && this.data.claims.length < SELECT_ALL_MOST) {
        const before = this.data.claims.length;
        await this.loadMore();
        if (this.data.claims.length === before) break; // a failed page was already said in a toast
      }
      this.setData({ selectingAll: false });
      this.select(Object.fromEntries(this.data.claims.map((claim) => [claim._id, true])));
    },

    async onBatchApprove() {
      askOnceForReviewMessages();
      const chosen = this.data.claims.filter((claim) => this.data.selected[claim._id]);
      const ids = chosen.map((claim) => claim._id);
      if (ids.length === 0 || this.data.batchRunning) return;
      const { confirm } = await wx.showModal({ title: '批量通过', content: batchQuestion(chosen), confirmText: '通过' });
      if (!confirm) return;

      const busy = { ...this.data.busy };
      ids.forEach((id) => (busy[id] = true));
      this.setData({ batchRunning: true, busy });
      const outcomes = await settleEach(ids, BATCH_PARALLELISM, (claimId) =>
        call('claim.decide', { claimId, decision: 'approve' }, { requestId: this.requestIdFor(claimId, 'approve') }),
      );

      const names = new Map(this.data.claims.map((claim) => [claim._id, `${claim.createdByName} · ${claim.itemName}`]));
      const summary = summarize(outcomes, (id) => names.get(id) ?? id, messageOf);
      const nextBusy = { ...this.data.busy };
      const failures = { ...this.data.failures, ...summary.failures };
      for (const outcome of outcomes) {
        delete nextBusy[outcome.id];
        if (outcome.ok) delete failures[outcome.id];
        // A lost answer keeps its request id, so approving again cannot decide twice.
        if (outcome.ok || !(outcome.error instanceof ApiCallError && outcome.error.code === 'INTERNAL')) this.forget(outcome.id, 'approve');
      }
      this.setData({ batchRunning: false, busy: nextBusy, failures });
      this.removeClaims(summary.approved);

      if (summary.report) wx.showModal({ ...summary.report, showCancel: false, confirmText: '知道了' });
      else toast(`已通过 ${summary.approved.length} 件`, 'success');
    },
  },
});
