/**
 * 申报 (self-report, 第十五条): pick an item from the catalog by category, the day it happened (within
 * the claims window), the value, count or points where the item asks, a note and up to nine photos;
 * see the points it will earn; submit. The first screen costs one call (catalog.get).
 *
 * A submission carries a requestId kept until the form changes, so a double tap or a retry after a
 * lost answer is one claim (SPEC §5).
 */
import type { CatalogItem, Claim, DataOf, ErrorCode } from '../../../typings/api';
import { ApiCallError, call, newRequestId } from '../../services/api';
import { failureMessage, pageState } from '../../services/page-state';
import { claimsWindow, dayLabel } from '../../format/dates';
import { goTo } from '../../navigation/routes';
import { categoriesOf, itemFieldsOf, pickerHintOf, reportableItems, type CategoryOption } from './catalog-view';
import { defaultsFor, missingOf, NOTE_MAX_LENGTH, payloadOf, previewOf, submittedOf, type ClaimForm } from './claim-form';
import { addPhotos, MAX_PHOTOS, type Photo } from '../../services/evidence';
import { clearDraft, draftOf, loadDraft, restoredFields, saveDraft, type ReportDraft } from './draft';
import { askForDecisionMessage } from '../../services/decision-message';

type Status = 'loading' | 'error' | 'loaded' | 'submitted';

const LOAD_FAILED_MESSAGE = '加载失败，请稍后重试';
const SUBMIT_FAILED_MESSAGE = '提交失败，请稍后重试';

/** What the page keeps between taps but never renders. */
interface Session {
  items: Record<string, CatalogItem>;
  requestId: string | null;
  submitting: boolean;
  /** Whether edits are kept as a draft: while the account is not bound, or the form came from a draft. */
  keepsDraft: boolean;
}

const sessionOf = pageState<Session>(() => ({ items: {}, requestId: null, submitting: false, keepsDraft: false }));

const messageOf = (error: unknown, fallback: string): string => failureMessage(error, 'report', fallback);

const EMPTY_FORM = {
  itemId: '',
  itemName: '',
  itemSummary: '',
  inputKind: 'none',
  rangeMin: 1,
  rangeMax: 100,
  unit: '',
  points: 1,
  count: 1,
  value: '',
  note: '',
  photos: [] as Photo[],
  uploading: 0,
  previewPoints: '–',
  previewHint: '请选择申报项目',
  submitError: '',
  submitErrorCode: '' as ErrorCode | '',
  /** The hint under the points already says what is missing: it turns red instead of repeating it. */
  hintIsError: false,
};

Component({
  data: {
    status: 'loading' as Status,
    errorMessage: '',
    categories: [] as CategoryOption[],
    pickerHint: '',
    activeCategory: 0,
    pickerVisible: false,
    dateVisible: false,
    occurredOn: '',
    occurredOnLabel: '',
    windowStart: '',
    windowEnd: '',
    noteMaxLength: NOTE_MAX_LENGTH,
    maxPhotos: MAX_PHOTOS,
    submitting: false,
    submitted: { itemName: '', points: '', waitingFor: '' },
    /** Not bound to a member yet: 申报 says so before anything is filled, and keeps a draft. */
    bound: true,
    memberWord: '会员',
    /** Why the caller may not report for themself (no 积分台账 of their own, H24): shown in place of the form. */
    refusal: '',
    draftRestored: false,
    ...EMPTY_FORM,
  },

  lifetimes: {
    attached() {
      this.load();
    },
  },

  methods: {
    async load() {
      this.setData({ status: 'loading', errorMessage: '' });
      try {
        const catalog = await call('catalog.get', {});
        this.useCatalog(catalog);
        const bound = catalog.viewer.memberId !== null;
        sessionOf(this).keepsDraft = !bound;
        const occurredOn = this.data.occurredOn || this.data.windowEnd;
        const refusal = catalog.viewer.selfReportRefusal ?? '';
        this.setData({ status: 'loaded', bound, refusal, memberWord: catalog.terms.words.member, occurredOn, occurredOnLabel: dayLabel(occurredOn) });
        const draft = loadDraft();
        if (draft && !refusal) this.restore(draft);
      } catch (error) {
        this.setData({ status: 'error', errorMessage: messageOf(error, LOAD_FAILED_MESSAGE) });
      }
    },

    useCatalog(catalog: DataOf<'catalog.get'>) {
      sessionOf(this).items = Object.fromEntries(reportableItems(catalog.items, catalog.selfReportMax).map((item) => [item.id, item]));
      const { start, end } = claimsWindow(catalog.claimsWindowDays);
      const categories = categoriesOf(catalog.items);
      this.setData({ categories, pickerHint: pickerHintOf(categories), windowStart: start, windowEnd: end });
    },

    async onPullDownRefresh() {
      // The catalog changes only with a new rule version; a pull-down refetches it without losing the form.
      if (this.data.status === 'error') {
        await this.load();
      } else if (this.data.status === 'loaded') {
        try {
          this.useCatalog(await call('catalog.get', {}));
        } catch (error) {
          wx.showToast({ title: messageOf(error, LOAD_FAILED_MESSAGE), icon: 'none' });
        }
      }
      wx.stopPullDownRefresh();
    },

    onRetry() {
      this.load();
    },

    /** Puts a kept draft back: an item no longer in the catalog is left out, a day outside the window becomes today. */
    restore(draft: ReportDraft) {
      const item = sessionOf(this).items[draft.itemId];
      const { windowStart, windowEnd } = this.data;
      const occurredOn = draft.occurredOn >= windowStart && draft.occurredOn <= windowEnd ? draft.occurredOn : windowEnd;
      sessionOf(this).keepsDraft = true;
      const chosen = item ? { ...itemFieldsOf(item), points: draft.points, count: draft.count, value: draft.value } : {};
      this.edited({ ...chosen, ...restoredFields(draft), occurredOn, occurredOnLabel: dayLabel(occurredOn), draftRestored: true });
    },

    /** The form as plain data, for the pure functions in claim-form.ts. */
    form(): ClaimForm {
      const item = sessionOf(this).items[this.data.itemId] ?? null;
      return {
        item,
        occurredOn: this.data.occurredOn,
        points: this.data.points,
        count: this.data.count,
        value: this.data.value,
        note: this.data.note,
        evidence: this.data.photos.filter((p) => p.status === 'done').map((p) => p.fileID),
      };
    },

    /** Any edit makes a new request: the id of a failed attempt is kept only for an unchanged retry. */
    edited(patch: Record<string, unknown>) {
      sessionOf(this).requestId = null;
      this.setData({ ...patch, submitError: '', submitErrorCode: '', hintIsError: false });
      const preview = previewOf(this.form());
      this.setData({ previewPoints: preview.pointsText, previewHint: preview.hint });
      if (sessionOf(this).keepsDraft) saveDraft(draftOf(this.data));
    },

    onOpenPicker() {
      this.setData({ pickerVisible: true });
    },

    onPickerVisibleChange(event: WechatMiniprogram.CustomEvent<{ visible: boolean }>) {
      this.setData({ pickerVisible: event.detail.visible });
    },

    onClosePicker() {
      this.setData({ pickerVisible: false });
    },

    onPickCategory(event: WechatMiniprogram.TouchEvent) {
      this.setData({ activeCategory: Number(event.currentTarget.dataset.index) });
    },

    onPickItem(event: WechatMiniprogram.TouchEvent) {
      const item = sessionOf(this).items[String(event.currentTarget.dataset.id)];
      if (!item) return;
      const defaults = defaultsFor(item);
      this.edited({ pickerVisible: false, ...itemFieldsOf(item), ...defaults });
    },

    onOpenDate() {
      this.setData({ dateVisible: true });
    },

    onDateConfirm(event: WechatMiniprogram.CustomEvent<{ value: string }>) {
      const day = String(event.detail.value).slice(0, 10);
      this.edited({ dateVisible: false, occurredOn: day, occurredOnLabel: dayLabel(day) });
    },

    onDateCancel() {
      this.setData({ dateVisible: false });
    },

    onPointsChange(event: WechatMiniprogram.CustomEvent<{ value: number | string }>) {
      this.edited({ points: Number(event.detail.value) });
    },

    onCountChange(event: WechatMiniprogram.CustomEvent<{ value: number | string }>) {
      this.edited({ count: Number(event.detail.value) });
    },

    onValueChange(event: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.edited({ value: String(event.detail.value ?? '') });
    },

    onNoteChange(event: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.edited({ note: String(event.detail.value ?? '') });
    },

    onAddPhotos() {
      return addPhotos(() => this.data, (next) => this.edited({ ...next }), 'report');
    },

    /** A restored photo's temporary file is gone once WeChat restarts: show the uploaded file instead. */
    onPhotoError(event: WechatMiniprogram.TouchEvent) {
      const index = Number(event.currentTarget.dataset.index);
      const photo = this.data.photos[index];
      if (photo && photo.fileID && photo.path !== photo.fileID) this.setData({ [`photos[${index}].path`]: photo.fileID });
    },

    onPreviewPhoto(event: WechatMiniprogram.TouchEvent) {
      const index = Number(event.currentTarget.dataset.index);
      const urls = this.data.photos.map((photo) => photo.path);
      wx.previewImage({ urls, current: urls[index] });
    },

    onRemovePhoto(event: WechatMiniprogram.TouchEvent) {
      const index = Number(event.currentTarget.dataset.index);
      const removed = this.data.photos[index];
      if (!removed) return;
      // An upload still running counts down in addPhotos (services/evidence); its photo stays dropped.
      this.edited({ photos: this.data.photos.filter((_, i) => i !== index) });
    },

    async onSubmit() {
      const session = sessionOf(this);
      if (session.submitting) return;
      if (this.data.uploading > 0) {
        this.setData({ submitError: '照片还在上传，请稍候', submitErrorCode: '' });
        return;
      }
      const form = this.form();
      const missing = missingOf(form);
      if (missing) {
        if (form.item && missing === this.data.previewHint) this.setData({ hintIsError: true });
        else this.setData({ submitError: missing, submitErrorCode: 'INVALID_INPUT' });
        return;
      }
      if (!this.data.bound) {
        this.setData({ submitError: `请先绑定${this.data.memberWord}身份，绑定后回到这里即可提交，已填写的内容会保留`, submitErrorCode: 'NOT_BOUND' });
        return;
      }
      // Still inside the tap, as WeChat requires for the prompt.
      askForDecisionMessage();
      session.submitting = true;
      session.requestId = session.requestId ?? newRequestId();
      this.setData({ submitting: true, submitError: '', submitErrorCode: '' });
      try {
        const { claim } = await call('claim.submit', payloadOf(form), { requestId: session.requestId });
        session.requestId = null;
        clearDraft();
        session.keepsDraft = false;
        this.showSubmitted(claim);
      } catch (error) {
        const code = error instanceof ApiCallError ? error.code : 'INTERNAL';
        this.setData({ submitError: messageOf(error, SUBMIT_FAILED_MESSAGE), submitErrorCode: code });
      } finally {
        session.submitting = false;
        this.setData({ submitting: false });
      }
    },

    showSubmitted(claim: Claim) {
      this.setData({ status: 'submitted', submitted: submittedOf(claim) });
    },

    onReportAnother() {
      this.setData({ status: 'loaded', ...EMPTY_FORM, draftRestored: false, occurredOn: this.data.windowEnd, occurredOnLabel: dayLabel(this.data.windowEnd) });
    },

    onViewClaims() {
      goTo('ledger');
    },

    /** 绑定 starts the mini-program over and comes back here: what is typed so far is kept as a draft. */
    onBind() {
      saveDraft(draftOf(this.data));
      goTo('bind', { from: 'report' });
    },
  },
});
