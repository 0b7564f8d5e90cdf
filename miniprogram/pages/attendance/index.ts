/**
 * 出勤录入 (seeds/004 第一篇 五、1; 七(三) 人力资源部): HR picks a month (the current one or one of the
 * five before) and a department, and sees what was recorded (admin.attendance.get): the 应出勤天数 as
 * recorded, each person's days in their box, marked 已记录 with the points credited, or 未记录 with
 * a blank box (满勤). She changes what she must and saves; an ended month is credited with its
 * 固定积分 at once, the current month waits for the monthly job once it ends; then the page reloads
 * what is stored. A department larger than one call's 100 rows is sent in several sheets, one after
 * another. A person's name opens their 固定积分 attributes (attributes-sheet: admin.attributes.set).
 *
 * The first screen is one call (members.list: the departments and the template's table); a
 * department's month comes when both are picked, in pages of 500. Every load is numbered, and an
 * answer for a month or department no longer chosen is dropped.
 */
import type { AttendanceSheetRow, DataOf, LedgerEntry, SchemeTerms } from '../../../typings/api';
import { call, newRequestId } from '../../services/api';
import { failureMessage, pageState } from '../../services/page-state';
import { chinaDay } from '../../format/dates';
import {
  attendanceRowsOf, departmentsOf, monthChoicesOf, rateTextOf, recordedSummaryOf, rowErrorOf, savedRowsOf, savedSummaryOf, sheetsOf, workdaysBoxOf, workdaysOf,
  type AttendanceRow, type Department, type MonthChoice,
} from './attendance-view';

type Status = 'loading' | 'error' | 'none' | 'loaded';
type Sheet = DataOf<'admin.attendance.get'>;

const FAILED_MESSAGE = '加载失败，请稍后重试';

const messageOf = (error: unknown): string => failureMessage(error, 'attendance', FAILED_MESSAGE);

/** `workdaysFrom`: the month whose record filled the 应出勤天数 box; null when HR typed it. */
const sessionOf = pageState(() => ({ terms: null as SchemeTerms | null, loads: 0, people: [] as AttendanceSheetRow[], workdaysFrom: null as string | null }));

/** A department's month as recorded, every page of it (a department of up to 500 is one call). */
async function departmentMonth(month: string, department: Department): Promise<{ sheet: Sheet; people: AttendanceSheetRow[] }> {
  const first = await call('admin.attendance.get', { month, unitId: department.id });
  const people = [...first.rows];
  for (let cursor = first.cursor; cursor; ) {
    const page = await call('admin.attendance.get', { month, unitId: department.id, cursor });
    people.push(...page.rows);
    cursor = page.cursor;
  }
  return { sheet: first, people };
}

Component({
  data: {
    status: 'loading' as Status,
    errorMessage: '',
    months: [] as MonthChoice[],
    monthIndex: 1,
    workdays: '',
    departments: [] as Department[],
    departmentIndex: -1,
    rowsStatus: 'idle' as 'idle' | 'loading' | 'error' | 'loaded',
    rowsError: '',
    rows: [] as AttendanceRow[],
    recordedSummary: '',
    saving: false,
    saveError: '',
    saved: '',
    terms: null as SchemeTerms | null,
    editing: { visible: false, memberId: '', name: '', attributes: {} as Record<string, string> },
  },

  methods: {
    onLoad() {
      this.start();
    },

    async start() {
      this.setData({ status: 'loading', errorMessage: '' });
      try {
        const { branches, terms } = await call('members.list', { status: 'active', limit: 1 });
        sessionOf(this).terms = terms;
        if (!terms.fixedPoints) {
          this.setData({ status: 'none', errorMessage: '本方案没有固定积分，无须录入出勤' });
          return;
        }
        this.setData({ status: 'loaded', months: monthChoicesOf(chinaDay()), departments: departmentsOf(branches, terms) });
      } catch (error) {
        this.setData({ status: 'error', errorMessage: messageOf(error) });
      }
    },

    onRetry() {
      this.start();
    },

    onMonthChange(event: WechatMiniprogram.PickerChange) {
      this.setData({ monthIndex: Number(event.detail.value) });
      this.loadDepartment();
    },

    onWorkdaysInput(event: WechatMiniprogram.Input) {
      sessionOf(this).workdaysFrom = null;
      this.setData({ workdays: event.detail.value, saveError: '' });
    },

    onDepartmentChange(event: WechatMiniprogram.PickerChange) {
      this.setData({ departmentIndex: Number(event.detail.value) });
      this.loadDepartment();
    },

    onRowsRetry() {
      this.loadDepartment();
    },

    /**
     * Loads the chosen department's month as recorded. `after` keeps the rows shown while reloading
     * what a saving stored, with its summary.
     */
    async loadDepartment(after?: { saved: string }): Promise<void> {
      const session = sessionOf(this);
      const department = this.data.departments[this.data.departmentIndex];
      const month = this.data.months[this.data.monthIndex];
      if (!department || !month || !session.terms) return;
      const thisLoad = ++session.loads;
      if (after) this.setData({ saved: after.saved });
      else this.setData({ rowsStatus: 'loading', rowsError: '', rows: [], recordedSummary: '', saved: '', saveError: '' });
      try {
        const { sheet, people } = await departmentMonth(month.key, department);
        if (thisLoad !== session.loads) return;
        session.people = people;
        const box = workdaysBoxOf(sheet.workdays, session.workdaysFrom, month.key);
        session.workdaysFrom = box.from;
        this.setData({
          rowsStatus: 'loaded',
          rows: attendanceRowsOf(people, month),
          recordedSummary: recordedSummaryOf(sheet, month),
          ...(box.workdays === undefined ? {} : { workdays: box.workdays }),
          terms: session.terms,
        });
      } catch (error) {
        if (thisLoad !== session.loads) return;
        if (after) this.setData({ saveError: `${after.saved}；${messageOf(error)}，未能重新读取` });
        else this.setData({ rowsStatus: 'error', rowsError: messageOf(error) });
      }
    },

    onDaysInput(event: WechatMiniprogram.Input) {
      const line = Number(event.currentTarget.dataset.line);
      const days = event.detail.value.trim();
      // An input event may arrive late, after saving: the same value again leaves what was saved shown.
      if (this.data.rows[line - 1]?.days === days) return;
      this.setData({ [`rows[${line - 1}].days`]: days, saved: '' });
    },

    /** A person's name opens their 固定积分 attributes. */
    onEditAttributes(event: WechatMiniprogram.TouchEvent) {
      const person = sessionOf(this).people[Number(event.currentTarget.dataset.line) - 1];
      if (!person) return;
      this.setData({ editing: { visible: true, memberId: person.memberId, name: person.name, attributes: { ...person.attributes } } });
    },

    onAttributesClose() {
      this.setData({ 'editing.visible': false });
    },

    onAttributesSaved(event: WechatMiniprogram.CustomEvent<{ memberId: string; attributes: Record<string, string>; monthly: number }>) {
      const { memberId, attributes, monthly } = event.detail;
      const session = sessionOf(this);
      session.people = session.people.map((p) => (p.memberId === memberId ? { ...p, attributes, monthly } : p));
      const line = session.people.findIndex((p) => p.memberId === memberId) + 1;
      this.setData({ 'editing.visible': false, ...(line > 0 ? { [`rows[${line - 1}].rateText`]: rateTextOf(monthly) } : {}) });
      wx.showToast({ title: '已保存', icon: 'success' });
    },

    async onSave() {
      const { months, monthIndex, rows, saving } = this.data;
      const month = months[monthIndex];
      if (saving || !month || rows.length === 0) return;
      const workdays = workdaysOf(this.data.workdays);
      if ('problem' in workdays) {
        this.setData({ saveError: workdays.problem });
        return;
      }
      const session = sessionOf(this);
      const shownLoad = session.loads;
      this.setData({ saving: true, saveError: '', saved: '' });
      let shown = rows;
      let done = 0;
      const entries: LedgerEntry[] = [];
      for (const sheet of sheetsOf(rows, workdays.workdays)) {
        try {
          const answer = await call('admin.attendance.record', { month: month.key, workdays: workdays.workdays, rows: sheet.rows }, { requestId: newRequestId() });
          shown = savedRowsOf(shown, answer.attendance, month);
          entries.push(...answer.entries);
          done += sheet.rows.length;
        } catch (error) {
          const message = rowErrorOf(messageOf(error), sheet.first, rows);
          // The rows not saved keep what HR typed; those saved say so.
          const refused = done > 0 ? `${message}（前 ${done} 行已保存）` : message;
          this.setData({ saving: false, saveError: refused, ...(shownLoad === session.loads ? { rows: shown } : {}) });
          return;
        }
      }
      const saved = savedSummaryOf(month, done, entries);
      this.setData({ saving: false });
      // Another month or department chosen meanwhile has loaded its own rows: the summary alone says what was saved.
      if (shownLoad !== session.loads) this.setData({ saved });
      else await this.loadDepartment({ saved });
    },
  },
});
