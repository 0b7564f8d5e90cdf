/**
 * 排名靠后 (第十九条): the bottom of a year's board for the secretariat (every unit, or the whole
 * organisation) and the heads of units (their own), each member with the 通报 and 谈话提醒 recorded
 * for the year, and a button to record one: the way (an action sheet), then what was said (a note).
 * Members do not see this page; the server refuses anyone else with a plain Chinese message. The
 * first screen costs one call (reminder.list).
 */
import type { Reminder } from '../../../typings/api';
import { ApiCallError, call, newRequestId } from '../../services/api';
import { failureMessage, pageState } from '../../services/page-state';
import { bottomRowOf, bottomSummaryOf, METHOD_NAMES, METHODS, warningNoteOf, yearChoicesOf, type BottomList, type BottomRowView } from './bottom-view';

type Status = 'loading' | 'error' | 'refused' | 'loaded';

const LOAD_FAILED_MESSAGE = '加载失败，请稍后重试';
const INTRO = '{article}：对年度积分排名靠后的{member}，采取通报、谈话提醒等方式传压力、提动力、激活力。';
/** A rulebook without an article on the bottom of the board (seeds/001–004): the page cites none. */
const UNCITED = '对年度积分排名靠后的{member}，可采取通报、谈话提醒等方式督促改进。';

const messageOf = (error: unknown): string => failureMessage(error, 'reminders', LOAD_FAILED_MESSAGE);

const sessionOf = pageState(() => ({ list: null as BottomList | null, units: [] as { id: string; name: string }[], years: [] as string[] }));

Component({
  data: {
    status: 'loading' as Status,
    errorMessage: '',
    intro: '',
    summary: '',
    warningNote: '',
    footnote: '',
    years: [] as string[],
    yearIndex: 0,
    unitNames: [] as string[],
    unitIndex: 0,
    rows: [] as BottomRowView[],
    recording: { visible: false, memberId: '', method: 'talk' as Reminder['method'], title: '' },
    saving: false,
  },

  lifetimes: {
    attached() {
      this.load();
    },
  },

  methods: {
    async load(quiet = false) {
      const session = sessionOf(this);
      if (!quiet) this.setData({ status: 'loading', errorMessage: '' });
      const year = session.years[this.data.yearIndex];
      const unit = session.units[this.data.unitIndex];
      try {
        const list = await call('reminder.list', { ...(year ? { year } : {}), ...(unit && unit.id ? { branchId: unit.id } : {}) });
        session.list = list;
        if (session.years.length === 0) session.years = yearChoicesOf(list.year);
        if (session.units.length === 0 && list.units) session.units = [{ id: '', name: list.terms.boards.whole }, ...list.units.map((u) => ({ id: u._id, name: u.name }))];
        this.show();
      } catch (error) {
        if (quiet && this.data.status === 'loaded') {
          wx.showToast({ title: messageOf(error), icon: 'none' });
          return;
        }
        const refused = error instanceof ApiCallError && (error.code === 'FORBIDDEN' || error.code === 'NOT_BOUND');
        this.setData({ status: refused ? 'refused' : 'error', errorMessage: messageOf(error) });
      }
    },

    /** Draws the list held in the session. */
    show() {
      const { list, units, years } = sessionOf(this);
      if (!list) return;
      const scopeName = list.unitId === null ? list.terms.boards.whole : (units.find((u) => u.id === list.unitId)?.name ?? list.rows[0]?.branchName ?? `本${list.terms.words.unit}`);
      this.setData({
        status: 'loaded',
        intro: (list.terms.reminderArticle ? INTRO.replace('{article}', list.terms.reminderArticle) : UNCITED).replace('{member}', list.terms.words.member),
        summary: bottomSummaryOf(list, scopeName),
        warningNote: warningNoteOf(list),
        footnote: `此名单不公开，${list.terms.words.member}本人看不到`,
        years: years.map((y) => `${y}年`),
        unitNames: units.map((u) => u.name),
        rows: list.rows.map((row) => bottomRowOf(row, list)),
      });
    },

    onYearChange(event: WechatMiniprogram.PickerChange) {
      this.setData({ yearIndex: Number(event.detail.value) });
      this.load();
    },

    onUnitChange(event: WechatMiniprogram.PickerChange) {
      this.setData({ unitIndex: Number(event.detail.value) });
      this.load();
    },

    /** 记录: which way first, then what was said. */
    async onRecord(event: WechatMiniprogram.TouchEvent) {
      const row = this.data.rows.find((r) => r.id === event.currentTarget.dataset.id);
      if (!row || this.data.saving) return;
      let tapIndex: number;
      try {
        ({ tapIndex } = await wx.showActionSheet({ itemList: METHODS.map((m) => METHOD_NAMES[m]) }));
      } catch {
        return; // the sheet was dismissed
      }
      const method = METHODS[tapIndex];
      if (!method) return;
      this.setData({ recording: { visible: true, memberId: row.id, method, title: `记录对${row.name}的${METHOD_NAMES[method]}` } });
    },

    onRecordCancel() {
      this.setData({ 'recording.visible': false });
    },

    async onRecordSubmit(event: WechatMiniprogram.CustomEvent<{ reason: string }>) {
      const { memberId, method } = this.data.recording;
      const session = sessionOf(this);
      if (!session.list) return;
      this.setData({ 'recording.visible': false, saving: true });
      try {
        const { reminder } = await call('reminder.record', { memberId, year: session.list.year, method, note: event.detail.reason }, { requestId: newRequestId() });
        session.list = { ...session.list, rows: session.list.rows.map((r) => (r.memberId === memberId ? { ...r, reminders: [reminder, ...r.reminders] } : r)) };
        this.show();
        wx.showToast({ title: `已记录${METHOD_NAMES[method]}`, icon: 'success' });
      } catch (error) {
        wx.showModal({ title: '未能记录', content: messageOf(error), showCancel: false });
      } finally {
        this.setData({ saving: false });
      }
    },

    onRetry() {
      this.load();
    },

    async onPullDownRefresh() {
      await this.load(this.data.status === 'loaded');
      wx.stopPullDownRefresh();
    },
  },
});
