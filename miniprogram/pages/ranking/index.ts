/**
 * 排行 (第十六条): month, year and cumulative boards of the whole association, any branch, leaders or
 * members, a tier, a profession or a social role (offered from the values that exist, in the
 * filters), and the branches against each other; the caller's own row marked and their standing
 * pinned at the bottom. Every board is shared from a visible button as a card that names it and opens
 * the same board, or as a picture of its top (canvas 2d); the first places of an ended year's board
 * get a 荣誉证书 (第十八条). The tabs and scopes are the template's (SchemeTerms.boards): a party
 * organisation's quarters and year ranked by score, its branches and categories.
 *
 * Options (a shared card, or a link from 我的): period, key, by=unit, branchId, group, category
 * (tier), profession, socialRole, and myBranchId (the caller's branch, so 本分会 needs no extra call).
 */
import type { BoardScope, Period, RankingRow, SchemeTerms, UnitBoard, UnitRankingRow } from '../../../typings/api';
import { call, knownTerms } from '../../services/api';
import { failureMessage, pageState } from '../../services/page-state';
import { consumeStale } from '../../services/stale';
import { chinaDay } from '../../format/dates';
import { categoryName } from '../../format/terms';
import { earnsCertificate } from '../../pictures/certificate';
import { sharePicture } from '../../pictures/render';
import { certificateFor, memberPictureRows, sharedBoardPicture, unitDetail, unitPictureRows } from './pictures';
import {
  boardNote,
  boardTitle,
  branchNameOf,
  earlierOf,
  PERIODS,
  periodLabel,
  queryFromOptions,
  recentKeys,
  shareQuery,
  sharePath,
  shareTitle,
  type BoardQuery,
} from './board';

type Status = 'loading' | 'error' | 'loaded';
type ScopeKind = 'all' | 'branch' | 'leaders' | 'members' | 'category' | 'profession' | 'socialRole' | 'units';

const PICTURE_FAILED = '图片生成失败，请稍后重试';

/** A row as shown: the score on boards ranked by it, the total elsewhere. */
type ShownRow = RankingRow & { shown: number };

/** How many quarters or halves back the picker offers. */
const PICKABLE_KEYS = 11;

const FIRST_ROWS = 50;
/** ranking.get answers at most 100 rows. */
const MOST_ROWS = 100;
const FAILED_MESSAGE = '加载失败，请稍后重试';

interface Session {
  /** The caller's branch: undefined until known, null for members of the association directly. */
  myBranchId: string | null | undefined;
  myBranchName: string;
  /** Numbers each load, so an answer overtaken by a newer tap is dropped. */
  loads: number;
}

const sessionOf = pageState<Session>(() => ({ myBranchId: undefined, myBranchName: '', loads: 0 }));

const messageOf = (error: unknown): string => failureMessage(error, 'ranking', FAILED_MESSAGE);

function scopeKindOf(scope: BoardScope): ScopeKind {
  if (scope.branchId !== undefined) return 'branch';
  if (scope.group !== undefined) return scope.group;
  if (scope.category !== undefined || scope.tier !== undefined) return 'category';
  if (scope.profession !== undefined) return 'profession';
  if (scope.socialRole !== undefined) return 'socialRole';
  return 'all';
}

Component({
  data: {
    status: 'loading' as Status,
    errorMessage: '',
    periods: PERIODS,
    terms: null as SchemeTerms | null,
    /** The quarter or half picker's choices. */
    keyChoices: [] as { key: string; label: string }[],
    period: 'month' as Period,
    /** '' until the server names the current period. */
    key: '',
    keyLabel: '',
    today: chinaDay(),
    scope: {} as BoardScope,
    scopeKind: 'all' as ScopeKind,
    branchName: '',
    title: '',
    rows: [] as ShownRow[],
    /** The board of units (按支部), when that scope is on. */
    unitRows: [] as (UnitRankingRow & { detail: string })[],
    me: null as { rank: number | null; total: number; shown: number } | null,
    /** The caller's member id, to mark their own row. */
    myMemberId: '',
    limit: FIRST_ROWS,
    canShowMore: false,
    filtersVisible: false,
    /** The categories as chips of their own (templates without leaders and members apart). */
    categoryChips: false,
    /** The 筛选 chip's words: the category, profession or social role chosen there, or 筛选. */
    filterLabel: '筛选',
    /** The caller's 荣誉证书 on an ended year's board (第十八条): their rank, or 0 for none. */
    certificateRank: 0,
    /** The period before an empty current board, offered from it (earlierOf). */
    earlier: null as { key: string; label: string } | null,
    /** What the board adds up where it is not the score (boardNote); '' elsewhere. */
    note: '',
  },

  methods: {
    onLoad(options: Record<string, string | undefined>) {
      wx.showShareMenu({ withShareTicket: true, menus: ['shareAppMessage', 'shareTimeline'] });
      if (options.myBranchId !== undefined) sessionOf(this).myBranchId = options.myBranchId || null;
      const terms = knownTerms();
      const query = queryFromOptions(options, terms?.categories.map((c) => c.id));
      if (terms) this.useTerms(terms);
      this.setData({ period: query.period, key: query.key ?? '', scope: query.scope, scopeKind: query.units ? 'units' : scopeKindOf(query.scope) });
      this.setFilterLabel();
      this.setKeyChoices();
      this.load();
    },

    /** The template's tabs and scopes, from the first answer that carries its terms. */
    useTerms(terms: SchemeTerms) {
      if (this.data.terms?.template === terms.template) return;
      // Where leaders and members rank apart (荆门), the categories wait in the filters: 会员 would show twice.
      this.setData({ terms, periods: terms.boards.tabs, categoryChips: terms.boards.categories && !terms.boards.groups });
    },

    setKeyChoices() {
      const { period, today } = this.data;
      this.setData({ keyChoices: period === 'quarter' || period === 'half' ? recentKeys(period, today, PICKABLE_KEYS) : [] });
    },

    onShow() {
      if (consumeStale('ranking') && this.data.status === 'loaded') this.load();
    },

    onPullDownRefresh() {
      this.load().then(() => wx.stopPullDownRefresh());
    },

    /** The empty board's button: the period before, or, after a failure, the same board again. */
    onStateAction() {
      const { status, earlier } = this.data;
      if (status === 'loaded' && earlier) this.setData({ key: earlier.key, limit: FIRST_ROWS, status: 'loading', earlier: null });
      this.load();
    },

    query(): BoardQuery {
      const query: BoardQuery = { period: this.data.period, key: this.data.key || null, scope: this.data.scope };
      return this.data.scopeKind === 'units' ? { ...query, scope: {}, units: true } : query;
    },

    setFilterLabel() {
      const { scope, terms } = this.data;
      const category = scope.category ?? scope.tier;
      const chosen = category !== undefined ? (terms && categoryName(terms, category)) || category : (scope.profession ?? scope.socialRole);
      this.setData({ filterLabel: chosen ?? '筛选' });
    },

    async load(): Promise<void> {
      if (this.data.scopeKind === 'units') return this.loadUnits();
      const query = this.query();
      const refreshing = this.data.status === 'loaded';
      this.setData({
        title: boardTitle(query, this.data.branchName || null, this.data.terms),
        keyLabel: periodLabel(query.period, query.key),
        ...(refreshing ? {} : { status: 'loading' as Status, errorMessage: '' }),
      });
      const payload: { period: Period; key?: string; scope?: BoardScope; limit: number } = { period: query.period, limit: this.data.limit };
      if (query.key !== null) payload.key = query.key;
      if (Object.keys(query.scope).length > 0) payload.scope = query.scope;
      const session = sessionOf(this);
      const thisLoad = ++session.loads;
      try {
        const board = await call('ranking.get', payload);
        if (thisLoad !== session.loads) return;
        this.useTerms(board.terms);
        const shown: BoardQuery = { ...query, key: board.period === 'all' ? null : board.key };
        // An empty branch board names no branch in its rows: keep the name we already had.
        const branchName = branchNameOf(shown, board.rows) ?? (query.scope.branchId !== undefined ? this.data.branchName : '');
        const rows = board.rows.map((row) => ({ ...row, shown: row.score ?? row.total }));
        const myMemberId = board.me?.memberId ?? '';
        const earns = earnsCertificate({ ...shown, me: board.me, thisYear: this.data.today.slice(0, 4) }) && rows.some((row) => row.memberId === myMemberId);
        this.setData({
          status: 'loaded',
          key: shown.key ?? '',
          keyLabel: periodLabel(shown.period, shown.key),
          branchName,
          title: boardTitle(shown, branchName || null, board.terms),
          rows,
          me: board.me ? { ...board.me, shown: board.me.score ?? board.me.total } : null,
          myMemberId,
          certificateRank: earns ? (board.me?.rank ?? 0) : 0,
          earlier: earlierOf(board, query.key),
          note: boardNote(query.period, board.terms),
          canShowMore: board.rows.length >= this.data.limit && this.data.limit < MOST_ROWS,
        });
        this.setFilterLabel();
      } catch (error) {
        if (thisLoad !== session.loads) return;
        if (refreshing) wx.showToast({ title: messageOf(error), icon: 'none' });
        else this.setData({ status: 'error', errorMessage: messageOf(error) });
      }
    },

    /** 按支部: the units ranked against each other for the period (ranking.get by: 'unit'). */
    async loadUnits(): Promise<void> {
      const { period } = this.data;
      const key = this.data.key || null;
      const { terms } = this.data;
      this.setData({ title: boardTitle({ period, key, scope: {}, units: true }, null, terms), keyLabel: periodLabel(period, key), status: 'loading', errorMessage: '', certificateRank: 0 });
      const session = sessionOf(this);
      const thisLoad = ++session.loads;
      try {
        const board = (await call('ranking.get', { period, ...(key ? { key } : {}), by: 'unit' })) as unknown as UnitBoard;
        if (thisLoad !== session.loads) return;
        this.useTerms(board.terms);
        const shownKey = board.period === 'all' ? null : board.key;
        this.setData({
          status: 'loaded',
          key: shownKey ?? '',
          keyLabel: periodLabel(period, shownKey),
          title: boardTitle({ period, key: shownKey, scope: {}, units: true }, null, board.terms),
          unitRows: board.rows.map((row) => ({ ...row, detail: unitDetail(row, board.terms) })),
          note: boardNote(period, board.terms),
          rows: [],
          me: null,
          canShowMore: false,
        });
      } catch (error) {
        if (thisLoad !== session.loads) return;
        this.setData({ status: 'error', errorMessage: messageOf(error) });
      }
    },

    onPeriodChange(event: WechatMiniprogram.CustomEvent<{ value: Period }>) {
      const period = event.detail.value;
      if (period === this.data.period) return;
      this.setData({ period, key: '', limit: FIRST_ROWS, status: 'loading' });
      this.setKeyChoices();
      this.load();
    },

    onKeyChange(event: WechatMiniprogram.PickerChange) {
      const value = String(event.detail.value);
      const { period, keyChoices } = this.data;
      const key =
        period === 'quarter' || period === 'half'
          ? (keyChoices[Number(value)]?.key ?? this.data.key)
          : period === 'month'
            ? value.slice(0, 7)
            : value.slice(0, 4);
      if (key === this.data.key) return;
      this.setData({ key, limit: FIRST_ROWS, status: 'loading' });
      this.load();
    },

    setScope(scope: BoardScope, branchName = '') {
      this.setData({ scope, scopeKind: scopeKindOf(scope), branchName, limit: FIRST_ROWS, status: 'loading', certificateRank: 0 });
      this.setFilterLabel();
      this.load();
    },

    async onScope(event: WechatMiniprogram.CustomEvent<Record<string, never>, Record<string, never>, { kind: ScopeKind | 'filter'; category?: string }>) {
      const kind = event.currentTarget.dataset.kind;
      if (kind === 'all') this.setScope({});
      else if (kind === 'units') {
        this.setData({ scope: {}, scopeKind: 'units', branchName: '', limit: FIRST_ROWS, filterLabel: '筛选' });
        this.load();
      }
      else if (kind === 'leaders' || kind === 'members') this.setScope({ group: kind });
      else if (kind === 'category') this.setScope({ category: event.currentTarget.dataset.category });
      else if (kind === 'branch') await this.showMyBranch();
      else this.setData({ filtersVisible: true });
    },

    /** 本分会: the caller's branch, from the options or, once, from me.get. */
    async showMyBranch() {
      const session = sessionOf(this);
      if (session.myBranchId === undefined) {
        try {
          const me = await call('me.get', {});
          session.myBranchId = me.member?.branchId ?? null;
          session.myBranchName = me.member?.branchName ?? '';
        } catch (error) {
          wx.showToast({ title: messageOf(error), icon: 'none' });
          return;
        }
      }
      if (session.myBranchId === null) {
        const words = this.data.terms?.words;
        wx.showToast({ title: words ? `您是${words.direct}${words.member}，没有${words.unit}榜` : '您直属总会，没有分会榜', icon: 'none' });
        return;
      }
      this.setScope({ branchId: session.myBranchId }, session.myBranchName);
    },

    /** A unit, category, profession or social role chosen in the filters. */
    onFilter(event: WechatMiniprogram.CustomEvent<{ scope: BoardScope; branchName: string }>) {
      this.setData({ filtersVisible: false });
      this.setScope(event.detail.scope, event.detail.branchName);
    },

    onFiltersClose() {
      this.setData({ filtersVisible: false });
    },

    onShowMore() {
      this.setData({ limit: MOST_ROWS });
      this.load();
    },

    /** The card names the board and its leader, and opens the same board (period, key, scope). */
    onShareAppMessage() {
      const query = this.query();
      return { title: shareTitle(query, this.sharedRows(), this.data.terms), path: sharePath(query) };
    },

    onShareTimeline() {
      const query = this.query();
      return { title: shareTitle(query, this.sharedRows(), this.data.terms), query: shareQuery(query) };
    },

    sharedRows(): Pick<RankingRow, 'name' | 'rank' | 'total' | 'branchName'>[] {
      if (this.data.scopeKind !== 'units') return this.data.rows.map((row) => ({ ...row, total: row.shown }));
      return this.data.unitRows.map((row) => ({ name: row.name, rank: row.rank, total: row.total, branchName: null }));
    },

    /** A picture of the top of the board as shown, offered in WeChat's picture menu (send, save). */
    async onSharePicture() {
      const { scopeKind, rows, unitRows, terms, title, today } = this.data;
      const pictureRows = scopeKind === 'units' ? unitPictureRows(unitRows, terms) : memberPictureRows(rows, terms);
      if (!(await sharePicture(this, '#picture', sharedBoardPicture(title, pictureRows, terms, today)))) wx.showToast({ title: PICTURE_FAILED, icon: 'none' });
    },

    /** The caller's 荣誉证书 of this year's board (第十八条), to save or send. */
    async onCertificate() {
      const row = this.data.rows.find((r) => r.memberId === this.data.myMemberId);
      if (!row) return;
      const picture = certificateFor(this.query(), row, this.data.terms, this.data.today);
      if (!(await sharePicture(this, '#picture', picture))) wx.showToast({ title: PICTURE_FAILED, icon: 'none' });
    },
  },
});
