/**
 * 奖分 (第十三条, 第十五条): a leader records a collective event (a meeting or activity with its
 * attendance list, speakers and hosts) or a discretionary award, within their authority; the
 * secretariat also records committee decisions (会长会研究加分) with the decision's reference.
 * Over-authority points are refused here before anything is sent (where the template sends them up the
 * levels instead, seeds/004 三、2, only beyond the highest limit); the server checks again.
 * A meeting's attendance is ticked off a unit's list (unit-members) or found by name; photos of the
 * event go with the award as its evidence.
 * 记分 (seeds/002 六(一)): a unit's 记分员 records an item for their unit's people, deductions
 * included, and it counts at once; the whole unit can be added in one tap.
 *
 * The first screen is one call: catalog.get carries the caller's authority and rights.
 */
import type { Branch, CatalogItem, DirectoryMember } from '../../../typings/api';
import { ApiCallError, call, newRequestId } from '../../services/api';
import { failureMessage, pageState } from '../../services/page-state';
import { addDays, chinaDay } from '../../format/dates';
import { hasAccount } from '../../format/terms';
import { askForDecisionMessage } from '../../services/decision-message';
import { problemsOf, proposalOf, type AwardForm } from './award-form';
import { awardWordsOf } from './award-words';
import {
  discretionaryItems,
  discretionaryPreview,
  eventItems,
  eventPreview,
  modesFor,
  pointsBounds,
  recordItems,
  recordPreview,
  submissionOf,
  type Attendee,
  type AwardMode,
  type Preview,
  type Recipient,
} from './proposal';

type Status = 'loading' | 'error' | 'forbidden' | 'loaded';

const FAILED_MESSAGE = '操作失败，请稍后重试';
const ASSOCIATION_COMMITTEE = { id: 'association', name: '会长会（总会）' };

interface Session {
  catalog: CatalogItem[];
  /** Kept while the same award is retried after a lost answer, so it cannot be recorded twice. */
  requestId: string | null;
}

const sessionOf = pageState<Session>(() => ({ catalog: [], requestId: null }));

const messageOf = (error: unknown): string => failureMessage(error, 'award', FAILED_MESSAGE);

Component({
  data: {
    status: 'loading' as Status,
    errorMessage: '',
    authority: 0,
    /** Where points beyond one's limit go up (seeds/004 三、2): the most they may reach; 0 elsewhere. */
    upTo: 0,
    secretariat: false,
    selfId: '',
    mode: 'event' as AwardMode,
    modes: [] as { value: AwardMode; label: string }[],
    memberWord: '会员',
    unitWord: '分会',
    countWord: '人',
    recordScope: '本分会',
    recordDecider: '分会委员会',
    addAll: '选入本分会全部会员',
    eventItems: [] as CatalogItem[],
    recordItems: [] as CatalogItem[],
    count: '1',
    addingAll: false,
    discretionaryItems: [] as CatalogItem[],
    itemIndex: -1,
    item: null as CatalogItem | null,
    boundsText: '',
    today: chinaDay(),
    earliest: chinaDay(),
    occurredOn: chinaDay(),
    attendees: [] as Attendee[],
    attendeeIds: [] as string[],
    recipients: [] as Recipient[],
    chosenIds: [] as string[],
    whole: '全会',
    evidence: [] as string[],
    uploadingPhotos: 0,
    note: '',
    viaCommittee: false,
    committees: [ASSOCIATION_COMMITTEE],
    committeeIndex: 0,
    reference: '',
    preview: { lines: 0, points: 0 } as Preview,
    problems: [] as string[],
    submitting: false,
    submitted: '',
    submittedParts: [] as { key: string; text: string }[],
  },

  methods: {
    onLoad() {
      this.load();
    },

    onPullDownRefresh() {
      this.load().then(() => wx.stopPullDownRefresh());
    },

    onRetry() {
      this.load();
    },

    async load(): Promise<void> {
      if (this.data.status !== 'loaded') this.setData({ status: 'loading', errorMessage: '' });
      try {
        const catalog = await call('catalog.get', {});
        const { viewer, terms } = catalog;
        const secretariat = viewer.roles.includes('secretariat');
        sessionOf(this).catalog = catalog.items;
        const today = chinaDay();
        const events = eventItems(catalog.items);
        // A template without meetings or activities to take attendance of (seeds/004's company) has no 集体事件 tab.
        const modes = modesFor(viewer.can, secretariat).filter((m) => m.value !== 'event' || events.length > 0);
        const mode = modes.some((m) => m.value === this.data.mode) ? this.data.mode : (modes[0]?.value ?? 'event');
        if (modes.length === 1 && mode === 'record') wx.setNavigationBarTitle({ title: '记分' });
        this.setData({
          status: modes.length > 0 ? 'loaded' : 'forbidden',
          authority: viewer.authority,
          upTo: terms.escalates?.upTo ?? 0,
          secretariat,
          selfId: viewer.memberId ?? '',
          modes,
          mode,
          ...awardWordsOf(terms, viewer.roles),
          eventItems: events,
          // The monthly 固定积分 are the job's to post (seeds/004 五、1), never an award.
          discretionaryItems: discretionaryItems(catalog.items, secretariat).filter((item) => item.id !== terms.fixedPoints?.item),
          recordItems: recordItems(catalog.items),
          today,
          earliest: addDays(today, -catalog.claimsWindowDays),
        });
        this.refresh();
      } catch (error) {
        this.setData({ status: 'error', errorMessage: messageOf(error) });
      }
    },

    /** Recomputes what depends on the form: the chosen item, the bounds shown, the preview, the taken members. */
    refresh(changes: Record<string, unknown> = {}) {
      this.setData(changes);
      const { mode, itemIndex, attendees, recipients } = this.data;
      const authority = Math.max(this.data.authority, this.data.upTo);
      const items = mode === 'event' ? this.data.eventItems : mode === 'record' ? this.data.recordItems : this.data.discretionaryItems;
      const item = items[itemIndex] ?? null;
      const viaCommittee = item?.kind === 'committee' || (this.data.secretariat && this.data.viaCommittee);
      let boundsText = '';
      if (item && mode === 'discretionary') {
        const { min, max } = pointsBounds(item, authority, viaCommittee);
        const each = item.deduction ? '每人扣' : '每人';
        boundsText = max === null ? `${each}至少 ${min} 分，上限由会长会权限决定` : `${each} ${min}–${max} 分`;
      }
      const chosen = mode === 'discretionary' ? recipients : attendees;
      const preview = !item
        ? { lines: 0, points: 0 }
        : mode === 'event'
          ? eventPreview(item, attendees, sessionOf(this).catalog)
          : mode === 'record'
            ? recordPreview(item, attendees.length, this.data.count)
            : discretionaryPreview(recipients, item);
      this.setData({
        item,
        viaCommittee,
        boundsText,
        chosenIds: [this.data.selfId, ...chosen.map((m) => m.memberId)].filter(Boolean),
        attendeeIds: attendees.map((m) => m.memberId),
        preview,
        problems: [],
      });
      sessionOf(this).requestId = null;
    },

    onModeChange(event: WechatMiniprogram.CustomEvent<{ value: AwardMode }>) {
      this.refresh({ mode: event.detail.value, itemIndex: -1, submitted: '', submittedParts: [] });
    },

    onItemChange(event: WechatMiniprogram.PickerChange) {
      this.refresh({ itemIndex: Number(event.detail.value), submitted: '', submittedParts: [] });
    },

    onDateChange(event: WechatMiniprogram.PickerChange) {
      this.refresh({ occurredOn: String(event.detail.value) });
    },

    onNoteInput(event: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.refresh({ note: event.detail.value });
    },

    onPick(event: WechatMiniprogram.CustomEvent<{ member: DirectoryMember }>) {
      const { _id: memberId, name, branchName } = event.detail.member;
      if (memberId === this.data.selfId) return;
      if (this.data.mode !== 'discretionary') {
        this.refresh({ attendees: [...this.data.attendees, { memberId, name, branchName, spoke: false, hosted: false }], submitted: '' });
      } else {
        this.refresh({ recipients: [...this.data.recipients, { memberId, name, branchName, points: '' }], submitted: '' });
      }
    },

    /** People ticked on a unit's list join the attendance (the caller never: 第十四条). */
    onListPick(event: WechatMiniprogram.CustomEvent<{ members: DirectoryMember[] }>) {
      const taken = new Set([this.data.selfId, ...this.data.attendees.map((a) => a.memberId)]);
      const added = event.detail.members
        .filter((m) => !taken.has(m._id))
        .map((m): Attendee => ({ memberId: m._id, name: m.name, branchName: m.branchName, spoke: false, hosted: false }));
      this.refresh({ attendees: [...this.data.attendees, ...added], submitted: '', submittedParts: [] });
    },

    onListUnpick(event: WechatMiniprogram.CustomEvent<{ memberIds: string[] }>) {
      const dropped = new Set(event.detail.memberIds);
      this.refresh({ attendees: this.data.attendees.filter((a) => !dropped.has(a.memberId)) });
    },

    onEvidenceChange(event: WechatMiniprogram.CustomEvent<{ evidence: string[]; uploading: number }>) {
      this.setData({ evidence: event.detail.evidence, uploadingPhotos: event.detail.uploading });
      sessionOf(this).requestId = null;
    },

    onRemove(event: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { index: number }>) {
      const index = event.currentTarget.dataset.index;
      const key = this.data.mode === 'discretionary' ? 'recipients' : 'attendees';
      this.refresh({ [key]: (this.data[key] as unknown[]).filter((_, i) => i !== index) });
    },

    onMark(event: WechatMiniprogram.CustomEvent<{ checked: boolean }, Record<string, never>, { index: number; mark: 'spoke' | 'hosted' }>) {
      const { index, mark } = event.currentTarget.dataset;
      this.refresh({ [`attendees[${index}].${mark}`]: event.detail.checked });
    },

    onCountInput(event: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.refresh({ count: event.detail.value });
    },

    /** Adds every active person of the caller's unit (the directory a recorder has) not chosen yet. */
    async onAddAll() {
      if (this.data.addingAll) return;
      this.setData({ addingAll: true });
      try {
        const taken = new Set(this.data.chosenIds);
        const added: Attendee[] = [];
        let cursor: string | undefined;
        do {
          const page = await call('members.list', { status: 'active', ...(cursor ? { cursor } : {}) });
          // Only accounts get points.
          for (const m of page.members) {
            if (hasAccount(m) && !taken.has(m._id)) added.push({ memberId: m._id, name: m.name, branchName: m.branchName, spoke: false, hosted: false });
            taken.add(m._id);
          }
          cursor = page.cursor ?? undefined;
        } while (cursor);
        this.refresh({ attendees: [...this.data.attendees, ...added], submitted: '', submittedParts: [] });
      } catch (error) {
        wx.showToast({ title: messageOf(error), icon: 'none' });
      } finally {
        this.setData({ addingAll: false });
      }
    },

    onPointsInput(event: WechatMiniprogram.CustomEvent<{ value: string }, Record<string, never>, { index: number }>) {
      this.refresh({ [`recipients[${event.currentTarget.dataset.index}].points`]: event.detail.value });
    },

    async onCommitteeToggle(event: WechatMiniprogram.CustomEvent<{ checked: boolean }>) {
      this.refresh({ viaCommittee: event.detail.checked });
      if (event.detail.checked && this.data.committees.length === 1) {
        try {
          const { branches } = await call('members.list', {});
          this.setBranches(branches);
        } catch (error) {
          wx.showToast({ title: messageOf(error), icon: 'none' });
        }
      }
    },

    /** The member picker passes on the branches the directory named: a branch's 会长会 may decide too. */
    onBranches(event: WechatMiniprogram.CustomEvent<{ branches: Branch[] }>) {
      this.setBranches(event.detail.branches);
    },

    setBranches(branches: Branch[]) {
      const committees = [ASSOCIATION_COMMITTEE, ...branches.map((b) => ({ id: b._id, name: `${b.name}会长会` }))];
      if (committees.length !== this.data.committees.length) this.setData({ committees });
    },

    onCommitteeChange(event: WechatMiniprogram.PickerChange) {
      this.setData({ committeeIndex: Number(event.detail.value) });
    },

    onReferenceInput(event: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ reference: event.detail.value });
    },

    form(): AwardForm {
      const { viaCommittee, committees, committeeIndex } = this.data;
      // Beyond one's limit a proposal goes up where the template says so: the page holds it only to the highest limit.
      return { ...this.data, authority: Math.max(this.data.authority, this.data.upTo), committee: viaCommittee ? committees[committeeIndex].id : null };
    },

    async onSubmit() {
      if (this.data.submitting) return;
      const form = this.form();
      const problems = problemsOf(form);
      if (problems.length > 0 || !form.item) {
        this.setData({ problems });
        return;
      }
      // Still inside the tap, as WeChat requires for the prompt: the proposer is told of the decision.
      askForDecisionMessage();
      const { item, mode, preview } = this.data;
      const payload = proposalOf({ ...form, item: form.item });
      const { confirm } = await wx.showModal(
        mode === 'record'
          ? { title: '确认记分', content: `${item!.name}：${preview.lines} 人、合计 ${preview.points} 分，记分后立即计入积分。`, confirmText: '记分' }
          : { title: '提交奖分', content: `${item!.name}：共 ${preview.lines} 条、合计 ${preview.points} 分，提交后由终审人审批。`, confirmText: '提交' },
      );
      if (!confirm) return;

      const session = sessionOf(this);
      session.requestId = session.requestId ?? newRequestId();
      this.setData({ submitting: true });
      try {
        const { claims } = await call('award.propose', payload, { requestId: session.requestId });
        session.requestId = null;
        const submission = submissionOf(claims);
        wx.showToast({ title: mode === 'record' ? '已记分' : '已提交终审', icon: 'success' });
        this.refresh({ attendees: [], recipients: [], note: '', reference: '', count: '1', submitted: submission.title, submittedParts: submission.parts });
        (this.selectComponent('.evidence') as unknown as { clear(): void } | null)?.clear();
      } catch (error) {
        // A lost answer keeps the request id: submitting again cannot record the award twice.
        if (!(error instanceof ApiCallError && error.code === 'INTERNAL')) session.requestId = null;
        this.setData({ problems: [messageOf(error)] });
      } finally {
        this.setData({ submitting: false });
      }
    },
  },
});
