/**
 * 成员明细: the members whose 明细 the caller may open (docs/rules.md L1), a tap away from each one's
 * (pages/member-ledger). A unit's leaders and readers see their unit (the server confines the list);
 * association officers and the secretariat switch between every unit. Search is by name within the
 * unit shown. The first screen costs one call (members.list); more load at the bottom. Opened with
 * `veto=1`, each member's 明细 offers 提出一票否决. Opened with `export=1` (a unit's book-keeper, me.get's
 * can.exportUnit: docs/rules.md F2), it offers 导出本支部 for a period above the list of their unit.
 */
import type { Branch, DataOf, SchemeTerms } from '../../../typings/api';
import { call } from '../../services/api';
import { failureMessage, pageState } from '../../services/page-state';
import { goTo } from '../../navigation/routes';
import { rosterRowsOf, rosterTitleOf, unitChoicesOf, type RosterRow, type UnitChoice } from './roster-view';

type Status = 'loading' | 'error' | 'loaded';

const LOAD_FAILED_MESSAGE = '加载失败，请稍后重试';

const messageOf = (error: unknown): string => failureMessage(error, 'roster', LOAD_FAILED_MESSAGE);

const sessionOf = pageState(() => ({ search: '', last: null as DataOf<'members.list'> | null, veto: false, exportable: false }));

Component({
  data: {
    status: 'loading' as Status,
    errorMessage: '',
    title: '',
    units: [] as UnitChoice[],
    unitNames: [] as string[],
    unitIndex: 0,
    rows: [] as RosterRow[],
    cursor: null as string | null,
    loadingMore: false,
    moreError: '',
    search: '',
    /** The unit the caller exports (export=1 and a list confined to one unit); null: no export here. */
    exportUnit: null as Branch | null,
    terms: null as SchemeTerms | null,
  },

  lifetimes: {
    attached() {
      this.load();
    },
  },

  methods: {
    /** `veto=1`: the caller may propose a 一票否决 (me.get's can.veto), offered on each member's 明细. */
    onLoad(options: Record<string, string | undefined>) {
      sessionOf(this).veto = options.veto === '1';
      sessionOf(this).exportable = options.export === '1';
    },

    payload(cursor?: string): { branchId?: string; search?: string; cursor?: string } {
      const unit = this.data.units[this.data.unitIndex];
      const { search } = sessionOf(this);
      return { ...(unit && unit.id ? { branchId: unit.id } : {}), ...(search ? { search } : {}), ...(cursor ? { cursor } : {}) };
    },

    async load(quiet = false) {
      if (!quiet) this.setData({ status: 'loading', errorMessage: '' });
      try {
        const data = await call('members.list', this.payload());
        sessionOf(this).last = data;
        const units = this.data.units.length > 0 ? this.data.units : unitChoicesOf(data);
        const chosen = units[this.data.unitIndex]?.id ?? '';
        this.setData({
          status: 'loaded',
          units,
          unitNames: units.map((u) => u.name),
          title: rosterTitleOf(data, chosen),
          rows: rosterRowsOf(data.members, data.terms),
          cursor: data.cursor,
          moreError: '',
          terms: data.terms,
          exportUnit: this.exportUnitOf(data),
        });
        wx.setNavigationBarTitle({ title: `${data.terms.words.member}积分明细` });
      } catch (error) {
        if (quiet && this.data.status === 'loaded') wx.showToast({ title: messageOf(error), icon: 'none' });
        else this.setData({ status: 'error', errorMessage: messageOf(error) });
      }
    },

    /** The caller's own unit, where they may export it (F2) and the server lists that unit only. */
    exportUnitOf(data: DataOf<'members.list'>): Branch | null {
      if (!sessionOf(this).exportable || !data.unitId) return null;
      return { _id: data.unitId, name: data.branches.find((b) => b._id === data.unitId)?.name ?? `本${data.terms.words.unit}` };
    },

    async loadMore() {
      const last = sessionOf(this).last;
      if (this.data.status !== 'loaded' || !this.data.cursor || this.data.loadingMore || !last) return;
      this.setData({ loadingMore: true, moreError: '' });
      try {
        const data = await call('members.list', this.payload(this.data.cursor));
        this.setData({ rows: [...this.data.rows, ...rosterRowsOf(data.members, data.terms)], cursor: data.cursor });
      } catch (error) {
        this.setData({ moreError: messageOf(error) });
      } finally {
        this.setData({ loadingMore: false });
      }
    },

    onUnitChange(event: WechatMiniprogram.PickerChange) {
      this.setData({ unitIndex: Number(event.detail.value) });
      this.load();
    },

    onSearchInput(event: WechatMiniprogram.Input) {
      this.setData({ search: event.detail.value });
    },

    onSearch() {
      sessionOf(this).search = this.data.search.trim();
      this.load();
    },

    onClearSearch() {
      sessionOf(this).search = '';
      this.setData({ search: '' });
      this.load();
    },

    onOpen(event: WechatMiniprogram.TouchEvent) {
      const row = this.data.rows.find((r) => r.id === event.currentTarget.dataset.id);
      if (row) goTo('member-ledger', { memberId: row.id, name: row.name, ...(sessionOf(this).veto ? { veto: 1 } : {}) });
    },

    onRetry() {
      this.load();
    },

    async onPullDownRefresh() {
      await this.load(this.data.status === 'loaded');
      wx.stopPullDownRefresh();
    },

    onReachBottom() {
      this.loadMore();
    },
  },
});
