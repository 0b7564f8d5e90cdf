/**
 * Exporting a board (admin.export): an .xlsx of the chosen period and scope with each member's
 * entries, opened on the phone (to forward from the document viewer) or, failing that, its fileID.
 */
import type { Branch, BoardScope, Period } from '../../../../typings/api';
import { ApiCallError, call } from '../../../services/api';
import { chinaDay } from '../../../format/dates';
import { periodLabel } from '../../ranking/board';

const PERIOD_OPTIONS: { value: Period; label: string }[] = [
  { value: 'month', label: '月榜' },
  { value: 'year', label: '年榜' },
  { value: 'all', label: '累计' },
];

Component({
  options: { styleIsolation: 'apply-shared' },

  properties: {
    branches: { type: Array, value: [] as Branch[] },
  },

  data: {
    periods: PERIOD_OPTIONS,
    periodIndex: 0,
    key: '',
    keyLabel: periodLabel('month', null),
    today: chinaDay(),
    scopeNames: ['全会'],
    scopeIndex: 0,
    exporting: false,
    errorMessage: '',
    fileID: '',
  },

  observers: {
    branches(branches: Branch[]) {
      this.setData({ scopeNames: ['全会', ...branches.map((b) => b.name)], scopeIndex: 0 });
    },
  },

  methods: {
    period(): Period {
      return PERIOD_OPTIONS[this.data.periodIndex].value;
    },

    onPeriodChange(event: WechatMiniprogram.PickerChange) {
      const periodIndex = Number(event.detail.value);
      this.setData({ periodIndex, key: '', keyLabel: periodLabel(PERIOD_OPTIONS[periodIndex].value, null), fileID: '', errorMessage: '' });
    },

    onKeyChange(event: WechatMiniprogram.PickerChange) {
      const value = String(event.detail.value);
      const key = this.period() === 'year' ? value.slice(0, 4) : value.slice(0, 7);
      this.setData({ key, keyLabel: periodLabel(this.period(), key), fileID: '' });
    },

    onScopeChange(event: WechatMiniprogram.PickerChange) {
      this.setData({ scopeIndex: Number(event.detail.value), fileID: '' });
    },

    async onExport() {
      if (this.data.exporting) return;
      const period = this.period();
      const payload: { period: Period; key?: string; scope?: BoardScope } = { period };
      if (period !== 'all' && this.data.key) payload.key = this.data.key;
      const branch = (this.properties.branches as Branch[])[this.data.scopeIndex - 1];
      if (branch) payload.scope = { branchId: branch._id };
      this.setData({ exporting: true, errorMessage: '', fileID: '' });
      try {
        const { fileID } = await call('admin.export', payload);
        this.setData({ fileID });
        await this.open(fileID);
      } catch (error) {
        if (!(error instanceof ApiCallError)) console.error('export-panel: unexpected failure', error);
        this.setData({ errorMessage: error instanceof ApiCallError ? error.message : '导出失败，请稍后重试' });
      } finally {
        this.setData({ exporting: false });
      }
    },

    /** Opens the exported sheet; if the phone cannot, the fileID stays on screen to copy. */
    async open(fileID: string): Promise<void> {
      try {
        const { tempFilePath } = await wx.cloud.downloadFile({ fileID });
        await wx.openDocument({ filePath: tempFilePath, fileType: 'xlsx', showMenu: true });
      } catch (error) {
        console.warn('export-panel: could not open the export', error);
        this.setData({ errorMessage: '已导出，但无法在手机上打开，可复制文件 ID 在云开发控制台下载' });
      }
    },

    onCopyFileID() {
      if (this.data.fileID) wx.setClipboardData({ data: this.data.fileID });
    },
  },
});
