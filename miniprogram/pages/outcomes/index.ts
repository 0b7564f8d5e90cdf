/**
 * 考评公示 (seeds/002 六(二)、六(三)): a unit's closed quarters and years, one period at a time. Its
 * people read the published results and object to their own while the 公示 is open; the unit's head
 * (支部书记) generates the results, signs them into 公示 and makes them final once the window has
 * passed and the objections are decided; readers of every unit switch between units.
 *
 * On a graded template's years, signers and readers open the 一票否决 in force for the year
 * (veto.list, seeds/001 篇二十一), asked only when opened so the first screen stays as it was.
 *
 * Options: period, key, unitId (a link from a notice or a message).
 */
import type { Capabilities, DataOf, Period, SchemeTerms } from '../../../typings/api';
import { call, knownTerms, newRequestId } from '../../services/api';
import { failureMessage, pageState } from '../../services/page-state';
import { endedKeys, periodLabel } from '../../format/periods';
import { vetoLineOf, type VetoLine } from './grade-view';
import { nextStepOf, rowViewsOf, stateText, tabsOf, type RowView, type Step } from './outcome-view';

type Status = 'loading' | 'error' | 'loaded' | 'none';

const FAILED_MESSAGE = '操作失败，请稍后重试';
/** A close over a large organisation answers in batches; stop asking after this many. */
const MOST_CLOSE_BATCHES = 50;

interface Session {
  myId: string | null;
  terms: SchemeTerms | null;
  can: Capabilities | null;
  loads: number;
}

const sessionOf = pageState<Session>(() => ({ myId: null, terms: null, can: null, loads: 0 }));

const CLOSED_VETOES = { open: false, status: 'loading' as 'loading' | 'error' | 'loaded', items: [] as VetoLine[], message: '' };

/** 一票否决 are of a year: offered on its tab, to those who sign or read for units, where the template has them. */
function vetoesOffered(period: Period, terms: SchemeTerms | null, can: Capabilities | null): boolean {
  return (period === 'cycle' || period === 'year') && !!terms?.vetoes && !!(can?.sign || can?.read || can?.veto);
}

const messageOf = (error: unknown): string => failureMessage(error, 'outcomes', FAILED_MESSAGE);

Component({
  data: {
    status: 'loading' as Status,
    errorMessage: '',
    tabs: [] as { value: Period; label: string }[],
    period: 'quarter' as Period,
    keys: [] as { key: string; label: string }[],
    keyIndex: 0,
    keyLabel: '',
    units: [] as { _id: string; name: string }[],
    unitIndex: -1,
    unitId: '',
    stateText: '',
    rows: [] as RowView[],
    quotaFirst: '',
    step: null as ReturnType<typeof nextStepOf>,
    busy: false,
    objecting: { visible: false, outcomeId: '' },
    words: { member: '会员', unit: '分会' },
    vetoesOffered: false,
    vetoes: CLOSED_VETOES,
  },

  methods: {
    onLoad(options: Record<string, string | undefined>) {
      this.start(options);
    },

    onPullDownRefresh() {
      this.load().then(() => wx.stopPullDownRefresh());
    },

    onRetry() {
      this.start({});
    },

    /** Who the caller is and the template's words (one me.get), then the most recent period. */
    async start(options: Record<string, string | undefined>) {
      const session = sessionOf(this);
      this.setData({ status: 'loading', errorMessage: '' });
      try {
        const me = await call('me.get', {});
        session.myId = me.member?._id ?? null;
        session.terms = me.terms ?? knownTerms();
        session.can = me.can;
      } catch (error) {
        this.setData({ status: 'error', errorMessage: messageOf(error) });
        return;
      }
      const terms = session.terms!;
      const tabs = tabsOf(terms);
      if (tabs.length === 0) {
        this.setData({ status: 'none', errorMessage: '本方案没有考评公示' });
        return;
      }
      const period = tabs.some((t) => t.value === options.period) ? (options.period as Period) : tabs[0].value;
      const keys = endedKeys(period, undefined, terms.cycle?.startMonth);
      const asked = keys.findIndex((k) => k.key === options.key);
      this.setData({ tabs, period, keys, keyIndex: Math.max(0, asked), unitId: options.unitId ?? '', words: { member: terms.words.member, unit: terms.words.unit } });
      await this.load();
    },

    async load(): Promise<void> {
      const session = sessionOf(this);
      const terms = session.terms;
      if (!terms) return;
      const { period, keys, keyIndex, unitId } = this.data;
      const key = keys[keyIndex]?.key;
      if (!key) return;
      const thisLoad = ++session.loads;
      this.setData({ keyLabel: periodLabel(period, key), vetoesOffered: vetoesOffered(period, terms, session.can), vetoes: CLOSED_VETOES });
      try {
        const listing: DataOf<'outcome.list'> = await call('outcome.list', { period, key, ...(unitId ? { scope: { branchId: unitId } } : {}) });
        if (thisLoad !== session.loads) return;
        const units = listing.units ?? [];
        this.setData({
          status: 'loaded',
          stateText: stateText(listing, terms),
          ...rowViewsOf(listing, terms, session.myId),
          step: nextStepOf(listing),
          units,
          unitIndex: units.findIndex((u) => u._id === (unitId || listing.unitId)),
          unitId: unitId || listing.unitId || '',
        });
      } catch (error) {
        if (thisLoad !== session.loads) return;
        this.setData({ status: 'error', errorMessage: messageOf(error) });
      }
    },

    onTabChange(event: WechatMiniprogram.CustomEvent<{ value: Period }>) {
      const period = event.detail.value;
      if (period === this.data.period) return;
      this.setData({ period, keys: endedKeys(period, undefined, sessionOf(this).terms?.cycle?.startMonth), keyIndex: 0 });
      this.load();
    },

    onKeyChange(event: WechatMiniprogram.PickerChange) {
      this.setData({ keyIndex: Number(event.detail.value) });
      this.load();
    },

    onUnitChange(event: WechatMiniprogram.PickerChange) {
      const index = Number(event.detail.value);
      this.setData({ unitIndex: index, unitId: this.data.units[index]?._id ?? '' });
      this.load();
    },

    /** The year's 一票否决 in force, asked when opened (veto.list). */
    async onVetoes() {
      const { vetoes, period, keys, keyIndex, unitId } = this.data;
      if (vetoes.open) {
        this.setData({ vetoes: CLOSED_VETOES });
        return;
      }
      this.setData({ vetoes: { ...CLOSED_VETOES, open: true } });
      try {
        const listed = await call('veto.list', { key: keys[keyIndex].key, ...(unitId ? { branchId: unitId } : {}) });
        if (this.data.period !== period || !this.data.vetoes.open) return;
        this.setData({ vetoes: { open: true, status: 'loaded', items: listed.vetoes.map(vetoLineOf), message: '' } });
      } catch (error) {
        this.setData({ vetoes: { open: true, status: 'error', items: [], message: messageOf(error) } });
      }
    },

    /** 生成, 签发 or 确定: the period's next step, for the unit's head or the secretariat. */
    async onStep() {
      const { step, period, keys, keyIndex, unitId, busy } = this.data;
      if (!step || !step.ready || busy) return;
      const key = keys[keyIndex].key;
      const target = { period, key, ...(unitId ? { unitId } : {}) };
      const terms = sessionOf(this).terms!;
      if (step.step === 'publish') {
        const { confirm } = await wx.showModal({
          title: '签发公示',
          content: `签发后在本${terms.words.unit}公示 ${terms.publication?.windowWorkingDays ?? 0} 个工作日，公示期内${terms.words.member}可对本人结果提出异议。`,
          confirmText: '签发',
        });
        if (!confirm) return;
      }
      this.setData({ busy: true });
      try {
        const done = await this.take(step.step, target);
        if (done) wx.showToast({ title: step.step === 'close' ? '已生成' : step.step === 'publish' ? '已签发公示' : '已确定', icon: 'success' });
        else wx.showToast({ title: '人数较多，已生成一部分，请再点一次继续', icon: 'none' });
        await this.load();
      } catch (error) {
        wx.showModal({ title: '未能完成', content: messageOf(error), showCancel: false });
      } finally {
        this.setData({ busy: false });
      }
    },

    /** Takes the step; false when a large close has more batches to go (a tap goes on from there). */
    async take(step: Step, target: { period: Period; key: string; unitId?: string }): Promise<boolean> {
      if (step === 'publish') await call('admin.period.publish', target);
      else if (step === 'finalize') await call('admin.period.finalize', target);
      else {
        for (let batch = 0; batch < MOST_CLOSE_BATCHES; batch++) {
          if ((await call('admin.period.close', target)).done) return true;
        }
        return false;
      }
      return true;
    },

    onObject(event: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: string }>) {
      this.setData({ objecting: { visible: true, outcomeId: event.currentTarget.dataset.id } });
    },

    onObjectCancel() {
      this.setData({ 'objecting.visible': false });
    },

    async onObjectConfirm(event: WechatMiniprogram.CustomEvent<{ reason: string }>) {
      const { outcomeId } = this.data.objecting;
      this.setData({ 'objecting.visible': false, busy: true });
      try {
        const { claim } = await call('objection.submit', { outcomeId, reason: event.detail.reason }, { requestId: newRequestId() });
        wx.showToast({ title: `已提交，由${claim.waitingFor?.label ?? '委员会'}研究`, icon: 'none' });
        await this.load();
      } catch (error) {
        wx.showModal({ title: '未能提交', content: messageOf(error), showCancel: false });
      } finally {
        this.setData({ busy: false });
      }
    },
  },
});
