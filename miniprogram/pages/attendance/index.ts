/**
 * 出勤录入 (seeds/004 第一篇 五、1; 七(三) 人力资源部): HR picks a month (the current one or one of the
 * five before), types the month's 应出勤天数 and, department by department, the days each person
 * worked (blank: every required day), and saves. An ended month is credited with its 固定积分 at once
 * and each row says how much; the current month waits for the monthly job once it ends. A department
 * larger than one call's 100 rows is sent in several sheets, one after another. A person's name opens
 * their 固定积分 attributes (attributes-sheet: admin.attributes.set).
 *
 * The first screen is one call (members.list: the departments and the template's table); a
 * department's people come when it is picked. The page does not read a month's attendance back:
 * saving the same days again changes nothing, so HR may simply save a department again.
 */
import type { DirectoryMember, LedgerEntry, SchemeTerms } from '../../../typings/api';
import { call, newRequestId } from '../../services/api';
import { failureMessage, pageState } from '../../services/page-state';
import { chinaDay } from '../../format/dates';
import {
  attendanceRowsOf, departmentsOf, monthChoicesOf, rowErrorOf, savedRowsOf, savedSummaryOf, sheetsOf, workdaysOf,
  type AttendanceRow, type Department, type MonthChoice,
} from './attendance-view';

type Status = 'loading' | 'error' | 'none' | 'loaded';

const FAILED_MESSAGE = '加载失败，请稍后重试';
const PAGE_SIZE = 200;

const messageOf = (error: unknown): string => failureMessage(error, 'attendance', FAILED_MESSAGE);

const sessionOf = pageState(() => ({ terms: null as SchemeTerms | null, loads: 0, members: [] as DirectoryMember[] }));

/** Every active person of a department: its pages of 200; the organisation's own people are those of no department. */
async function departmentMembers(department: Department): Promise<DirectoryMember[]> {
  const members: DirectoryMember[] = [];
  let cursor: string | null = null;
  do {
    const payload: { status: 'active'; limit: number; branchId?: string; cursor?: string } = { status: 'active', limit: PAGE_SIZE };
    if (department.id) payload.branchId = department.id;
    if (cursor) payload.cursor = cursor;
    const page = await call('members.list', payload);
    members.push(...page.members.filter((m) => (department.id ? true : !m.branchId)));
    cursor = page.cursor;
  } while (cursor);
  return members;
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
      this.setData({ monthIndex: Number(event.detail.value), saved: '', saveError: '', rows: this.data.rows.map((r) => ({ ...r, outcome: '' })) });
    },

    onWorkdaysInput(event: WechatMiniprogram.Input) {
      this.setData({ workdays: event.detail.value, saveError: '' });
    },

    onDepartmentChange(event: WechatMiniprogram.PickerChange) {
      this.setData({ departmentIndex: Number(event.detail.value) });
      this.loadDepartment();
    },

    async loadDepartment(): Promise<void> {
      const session = sessionOf(this);
      const department = this.data.departments[this.data.departmentIndex];
      if (!department || !session.terms) return;
      const thisLoad = ++session.loads;
      this.setData({ rowsStatus: 'loading', rowsError: '', rows: [], saved: '', saveError: '' });
      try {
        const members = await departmentMembers(department);
        if (thisLoad !== session.loads) return;
        session.members = members;
        this.setData({ rowsStatus: 'loaded', rows: attendanceRowsOf(members, session.terms), terms: session.terms });
      } catch (error) {
        if (thisLoad !== session.loads) return;
        this.setData({ rowsStatus: 'error', rowsError: messageOf(error) });
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
      const member = sessionOf(this).members[Number(event.currentTarget.dataset.line) - 1];
      if (!member) return;
      this.setData({ editing: { visible: true, memberId: member._id, name: member.name, attributes: { ...member.attributes } } });
    },

    onAttributesClose() {
      this.setData({ 'editing.visible': false });
    },

    onAttributesSaved(event: WechatMiniprogram.CustomEvent<{ memberId: string; attributes: Record<string, string>; monthly: number }>) {
      const { memberId, attributes, monthly } = event.detail;
      const session = sessionOf(this);
      session.members = session.members.map((m) => (m._id === memberId ? { ...m, attributes } : m));
      const line = session.members.findIndex((m) => m._id === memberId) + 1;
      this.setData({ 'editing.visible': false, ...(line > 0 ? { [`rows[${line - 1}].rateText`]: monthly > 0 ? `每月 ${monthly} 分` : '未设固定积分' } : {}) });
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
      this.setData({ saving: true, saveError: '', saved: '' });
      let shown = rows;
      let done = 0;
      const entries: LedgerEntry[] = [];
      for (const sheet of sheetsOf(rows, workdays.workdays)) {
        try {
          const answer = await call('admin.attendance.record', { month: month.key, workdays: workdays.workdays, rows: sheet.rows }, { requestId: newRequestId() });
          shown = savedRowsOf(shown, answer.attendance);
          entries.push(...answer.entries);
          done += sheet.rows.length;
        } catch (error) {
          const message = rowErrorOf(messageOf(error), sheet.first, rows);
          this.setData({ saving: false, rows: shown, saveError: done > 0 ? `${message}（前 ${done} 行已保存）` : message });
          return;
        }
      }
      this.setData({ saving: false, rows: shown, saved: savedSummaryOf(month, done, entries) });
    },
  },
});
