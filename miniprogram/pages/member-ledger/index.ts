/**
 * One member's 明细 as a leader or the secretariat sees it (docs/rules.md L1): opened from the roster
 * (pages/roster) with `memberId` and `name` in its query, titled with the member's name. The server
 * decides who may read whom; a direct URL for someone else's 明细 shows its plain Chinese refusal.
 * The first screen costs one call (ledger.list); the list pages by cursor at the bottom.
 *
 * `veto=1` (from the roster, for a unit's 支部书记 or 记分员: me.get's can.veto) offers 提出一票否决
 * (seeds/001 篇二十一) for the member; the server decides again who may.
 */
import type { Claim, LedgerEntry } from '../../../typings/api';
import { ApiCallError, call } from '../../services/api';
import { failureMessage } from '../../services/page-state';
import { queryValue } from '../../navigation/routes';

/** `refused`: the server's refusal (not allowed, no such member) or no member named; retrying cannot help. */
type Status = 'loading' | 'error' | 'refused' | 'loaded';

const LOAD_FAILED_MESSAGE = '加载失败，请稍后重试';
export const NO_MEMBER_MESSAGE = '没有指定要查看谁的积分明细，请从成员名单中打开';

const REFUSALS: ReadonlySet<string> = new Set(['FORBIDDEN', 'NOT_FOUND', 'NOT_BOUND', 'INVALID_INPUT']);

const messageOf = (error: unknown): string => failureMessage(error, 'member-ledger', LOAD_FAILED_MESSAGE);

Component({
  data: {
    status: 'loading' as Status,
    errorMessage: '',
    name: '',
    entries: [] as LedgerEntry[],
    cursor: null as string | null,
    loadingMore: false,
    moreError: '',
    memberId: '',
    canVeto: false,
    vetoing: false,
  },

  methods: {
    onLoad(options: Record<string, string | undefined>) {
      const memberId = (options.memberId ?? '').trim();
      const name = queryValue(options.name).trim();
      this.setData({ name, memberId, canVeto: options.veto === '1' && memberId !== '' });
      wx.setNavigationBarTitle({ title: name ? `${name}的积分明细` : '积分明细' });
      if (!memberId) {
        this.setData({ status: 'refused', errorMessage: NO_MEMBER_MESSAGE });
        return;
      }
      this.load();
    },

    async load(quiet = false) {
      const { memberId } = this.data;
      if (!quiet) this.setData({ status: 'loading', errorMessage: '' });
      try {
        const { entries, cursor } = await call('ledger.list', { memberId });
        this.setData({ status: 'loaded', entries, cursor, moreError: '' });
      } catch (error) {
        if (quiet && this.data.status === 'loaded') {
          wx.showToast({ title: messageOf(error), icon: 'none' });
          return;
        }
        const refused = error instanceof ApiCallError && REFUSALS.has(error.code);
        this.setData({ status: refused ? 'refused' : 'error', errorMessage: messageOf(error) });
      }
    },

    async loadMore() {
      const { memberId } = this.data;
      if (this.data.status !== 'loaded' || !this.data.cursor || this.data.loadingMore) return;
      this.setData({ loadingMore: true, moreError: '' });
      try {
        const { entries, cursor } = await call('ledger.list', { memberId, cursor: this.data.cursor });
        this.setData({ entries: [...this.data.entries, ...entries], cursor });
      } catch (error) {
        this.setData({ moreError: messageOf(error) });
      } finally {
        this.setData({ loadingMore: false });
      }
    },

    onRetry() {
      this.load();
    },

    async onPullDownRefresh() {
      if (this.data.memberId) await this.load(this.data.status === 'loaded');
      wx.stopPullDownRefresh();
    },

    onReachBottom() {
      this.loadMore();
    },

    onVeto() {
      this.setData({ vetoing: true });
    },

    onVetoClose() {
      this.setData({ vetoing: false });
    },

    onVetoed(event: WechatMiniprogram.CustomEvent<{ claim: Claim }>) {
      const { claim } = event.detail;
      this.setData({ vetoing: false });
      wx.showToast({ title: `已提交，由${claim.waitingFor?.label ?? '审批人'}审批`, icon: 'none' });
    },
  },
});
