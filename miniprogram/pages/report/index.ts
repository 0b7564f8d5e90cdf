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
import { STEP_LABELS } from '../../format/labels';
import { inputKindOf } from '../../format/points';
import { goTo } from '../../navigation/routes';
import { categoriesOf, itemSummaryOf, reportableItems, type CategoryOption } from './catalog-view';
import { defaultsFor, MAX_PHOTOS, missingOf, NOTE_MAX_LENGTH, payloadOf, previewOf, type ClaimForm } from './claim-form';
import { choosePhotos, uploadPhoto, type Photo } from './evidence';
import { askForDecisionMessage } from '../../services/decision-message';

type Status = 'loading' | 'error' | 'loaded' | 'submitted';

const LOAD_FAILED_MESSAGE = '加载失败，请稍后重试';
const SUBMIT_FAILED_MESSAGE = '提交失败，请稍后重试';

/** What the page keeps between taps but never renders. */
interface Session {
  items: Record<string, CatalogItem>;
  requestId: string | null;
  submitting: boolean;
}

const sessionOf = pageState<Session>(() => ({ items: {}, requestId: null, submitting: false }));

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
        this.useCatalog(await call('catalog.get', {}));
        const occurredOn = this.data.occurredOn || this.data.windowEnd;
        this.setData({ status: 'loaded', occurredOn, occurredOnLabel: dayLabel(occurredOn) });
      } catch (error) {
        this.setData({ status: 'error', errorMessage: messageOf(error, LOAD_FAILED_MESSAGE) });
      }
    },

    useCatalog(catalog: DataOf<'catalog.get'>) {
      sessionOf(this).items = Object.fromEntries(reportableItems(catalog.items, catalog.selfReportMax).map((item) => [item.id, item]));
      const { start, end } = claimsWindow(catalog.claimsWindowDays);
      this.setData({ categories: categoriesOf(catalog.items), windowStart: start, windowEnd: end });
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
      this.edited({
        pickerVisible: false,
        itemId: item.id,
        itemName: item.name,
        itemSummary: itemSummaryOf(item),
        inputKind: inputKindOf(item),
        rangeMin: item.range ? item.range[0] : 1,
        rangeMax: item.range ? item.range[1] : 100,
        unit: item.unit ?? '',
        ...defaults,
      });
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

    async onAddPhotos() {
      const room = MAX_PHOTOS - this.data.photos.length;
      if (room <= 0) return;
      let paths: string[];
      try {
        paths = await choosePhotos(room);
      } catch (error) {
        console.error('report: chooseMedia failed', error);
        wx.showToast({ title: '无法打开相册，请检查权限', icon: 'none' });
        return;
      }
      if (paths.length === 0) return;
      const added: Photo[] = paths.slice(0, room).map((path) => ({ path, fileID: '', status: 'uploading' }));
      this.edited({ photos: [...this.data.photos, ...added], uploading: this.data.uploading + added.length });
      await Promise.all(added.map((photo) => this.upload(photo.path)));
    },

    async upload(path: string) {
      let fileID = '';
      try {
        fileID = await uploadPhoto(path);
      } catch (error) {
        console.error('report: uploadFile failed', error);
      }
      const photos = this.data.photos
        .map((photo) => (photo.path === path ? { ...photo, fileID, status: 'done' as const } : photo))
        .filter((photo) => photo.path !== path || fileID !== '');
      if (!fileID) wx.showToast({ title: '照片上传失败，请重新添加', icon: 'none' });
      this.edited({ photos, uploading: Math.max(0, this.data.uploading - 1) });
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
      // An upload still running counts down in upload(); its photo is dropped there when it finishes.
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
      // Still inside the tap, as WeChat requires for the prompt.
      askForDecisionMessage();
      session.submitting = true;
      session.requestId = session.requestId ?? newRequestId();
      this.setData({ submitting: true, submitError: '', submitErrorCode: '' });
      try {
        const { claim } = await call('claim.submit', payloadOf(form), { requestId: session.requestId });
        session.requestId = null;
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
      const points = claim.lines.reduce((sum, line) => sum + line.points, 0);
      this.setData({
        status: 'submitted',
        submitted: {
          itemName: claim.itemName,
          points: points > 0 ? `+${points}` : String(points),
          waitingFor: claim.waitingFor ? `${claim.waitingFor.label}${claim.step ? ` ${STEP_LABELS[claim.step]}` : ''}` : '',
        },
      });
    },

    onReportAnother() {
      this.setData({ status: 'loaded', ...EMPTY_FORM, occurredOn: this.data.windowEnd, occurredOnLabel: dayLabel(this.data.windowEnd) });
    },

    onViewClaims() {
      goTo('ledger');
    },

    onBind() {
      goTo('bind');
    },
  },
});
