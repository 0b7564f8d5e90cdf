/**
 * Exporting a board (admin.export): an .xlsx of the chosen period and scope with each member's
 * entries, opened on the phone (to forward from the document viewer) or, failing that, its download link.
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
    link: '',
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
      this.setData({ periodIndex, key: '', keyLabel: periodLabel(PERIOD_OPTIONS[periodIndex].value, null), link: '', errorMessage: '' });
    },

    onKeyChange(event: WechatMiniprogram.PickerChange) {
      const value = String(event.detail.value);
      const key = this.period() === 'year' ? value.slice(0, 4) : value.slice(0, 7);
      this.setData({ key, keyLabel: periodLabel(this.period(), key), link: '' });
    },

    onScopeChange(event: WechatMiniprogram.PickerChange) {
      this.setData({ scopeIndex: Number(event.detail.value), link: '' });
    },

    async onExport() {
      if (this.data.exporting) return;
      const period = this.period();
      const payload: { period: Period; key?: string; scope?: BoardScope } = { period };
      if (period !== 'all' && this.data.key) payload.key = this.data.key;
      const branch = (this.properties.branches as Branch[])[this.data.scopeIndex - 1];
      if (branch) payload.scope = { branchId: branch._id };
      this.setData({ exporting: true, errorMessage: '', link: '' });
      try {
        const { url } = await call('admin.export', payload);
        this.setData({ link: url });
        await this.open(url);
      } catch (error) {
        if (!(error instanceof ApiCallError)) console.error('export-panel: unexpected failure', error);
        this.setData({ errorMessage: error instanceof ApiCallError ? error.message : '导出失败，请稍后重试' });
      } finally {
        this.setData({ exporting: false });
      }
    },

    /**
     * Opens the exported sheet through the short-lived link the server gave (files are never read by
     * id); if the phone cannot, the link stays on screen to copy into a computer's browser.
     */
    async open(url: string): Promise<void> {
      try {
        const tempFilePath = await download(url);
        await wx.openDocument({ filePath: tempFilePath, fileType: 'xlsx', showMenu: true });
      } catch (error) {
        console.warn('export-panel: could not open the export', error);
        this.setData({ errorMessage: '已导出，但无法在手机上打开，可复制下载链接在电脑浏览器中打开（1 小时内有效，文件保留一天）' });
      }
    },

    onCopyLink() {
      if (this.data.link) wx.setClipboardData({ data: this.data.link });
    },
  },
});

/** wx.downloadFile as a promise of the downloaded file's temporary path. */
function download(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    wx.downloadFile({
      url,
      success: ({ statusCode, tempFilePath }) => (statusCode === 200 ? resolve(tempFilePath) : reject(new Error(`downloadFile: HTTP ${statusCode}`))),
      fail: reject,
    });
  });
}
