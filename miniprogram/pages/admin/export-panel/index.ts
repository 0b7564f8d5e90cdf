/**
 * Exporting a board (admin.export): an .xlsx of the chosen period and scope with each member's
 * entries (and, for a template with a composition, each unit's 考核表), opened on the phone (to
 * forward from the document viewer) or, failing that, its download link. The boards offered are the
 * template's: months, quarters, the year's score, all time.
 *
 * Given a `unit` (成员明细 of a 支部书记, 分会会长 and the like: docs/rules.md F2), the panel exports
 * that unit only: no scope to pick, and the button says 导出本支部 in the template's word.
 */
import type { Branch, BoardScope, Period, SchemeTerms } from '../../../../typings/api';
import { ApiCallError, call } from '../../../services/api';
import { chinaDay } from '../../../format/dates';
import { periodLabel, recentKeys } from '../../../format/periods';

type Option = { value: Period; label: string };

/** Before the template is known (members.list names it): 荆门's boards. */
const PERIOD_OPTIONS: Option[] = [
  { value: 'month', label: '月榜' },
  { value: 'year', label: '年榜' },
  { value: 'all', label: '累计' },
];

/** How the period is picked: a month or a year on the date picker, a quarter or a half from the recent ones. */
function keyMode(period: Period): 'month' | 'year' | 'recent' | 'none' {
  if (period === 'all') return 'none';
  if (period === 'quarter' || period === 'half') return 'recent';
  return period === 'month' ? 'month' : 'year';
}

Component({
  options: { styleIsolation: 'apply-shared' },

  properties: {
    branches: { type: Array, value: [] as Branch[] },
    terms: { type: Object, value: null as SchemeTerms | null },
    /** The caller's own unit, the only one they may export; null: the secretariat's choice of scope. */
    unit: { type: Object, value: null as Branch | null },
  },

  data: {
    periods: PERIOD_OPTIONS,
    periodIndex: 0,
    mode: 'month' as ReturnType<typeof keyMode>,
    key: '',
    keyLabel: periodLabel('month', null),
    keyChoices: [] as { key: string; label: string }[],
    today: chinaDay(),
    whole: '全会',
    scopeNames: ['全会'],
    scopeIndex: 0,
    exporting: false,
    errorMessage: '',
    link: '',
    goLabel: '导出 Excel',
  },

  observers: {
    'branches, terms'(branches: Branch[], terms: SchemeTerms | null) {
      const whole = terms?.boards.whole ?? '全会';
      const periods = terms ? terms.boards.tabs.map((t) => ({ value: t.value, label: t.label })) : PERIOD_OPTIONS;
      const changed = periods.map((p) => p.value).join() !== this.data.periods.map((p: Option) => p.value).join();
      this.setData({ whole, scopeNames: [whole, ...branches.map((b) => b.name)], scopeIndex: 0, ...(changed ? { periods, ...this.periodState(periods, 0) } : {}) });
    },
    'unit, terms'(unit: Branch | null, terms: SchemeTerms | null) {
      this.setData({ goLabel: unit ? `导出本${terms?.words.unit ?? '分会'}` : '导出 Excel' });
    },
  },

  methods: {
    period(): Period {
      return (this.data.periods as Option[])[this.data.periodIndex].value;
    },

    /** A period chosen: its current key, and the recent keys where it is picked from a list. */
    periodState(periods: Option[], periodIndex: number) {
      const period = periods[periodIndex].value;
      const mode = keyMode(period);
      const keyChoices = mode === 'recent' ? recentKeys(period as 'quarter' | 'half', chinaDay(), 11) : [];
      return { periodIndex, mode, key: '', keyLabel: periodLabel(period, null), keyChoices, link: '', errorMessage: '' };
    },

    onPeriodChange(event: WechatMiniprogram.PickerChange) {
      this.setData(this.periodState(this.data.periods, Number(event.detail.value)));
    },

    onKeyChange(event: WechatMiniprogram.PickerChange) {
      const value = String(event.detail.value);
      const key = this.data.mode === 'recent' ? this.data.keyChoices[Number(value)].key : this.data.mode === 'year' ? value.slice(0, 4) : value.slice(0, 7);
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
      const unit = this.properties.unit as Branch | null;
      const branch = unit ?? (this.properties.branches as Branch[])[this.data.scopeIndex - 1];
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
        this.setData({ errorMessage: CANNOT_OPEN });
      }
    },

    onCopyLink() {
      if (this.data.link) wx.setClipboardData({ data: this.data.link, success: () => wx.showToast({ title: '链接已复制', icon: 'success' }) });
    },
  },
});

/** Said when the sheet is made but this phone cannot show it: what to do next, in plain words. */
const CANNOT_OPEN = '表格已经生成，但这部手机打不开。请点下面的“复制下载链接”，发到电脑上用浏览器打开即可下载（链接 1 小时内有效）。';

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
