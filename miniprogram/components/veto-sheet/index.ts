/**
 * 提出一票否决 (seeds/001 篇二十一: 触犯刑律…, the cycle's score 归零; 篇十六: the 支部 认定): a sheet over a
 * member's 明细 for a unit's 支部书记 or 记分员. It reads the template's conditions when it first opens
 * (catalog.get), takes the condition, the cycle and the reason, and proposes the veto (veto.propose);
 * the claim then waits in the deciders' 审批 like any other.
 *
 *   <veto-sheet visible="{{open}}" member-id="{{id}}" member-name="{{name}}" bind:done="onVetoed" bind:close="onClose" />
 *
 * `done` carries `{ claim }`; the page closes the sheet by setting `visible` false.
 */
import { call, newRequestId } from '../../services/api';
import { failureMessage } from '../../services/page-state';
import { chinaDay } from '../../format/dates';
import { conditionChoicesOf, cycleChoicesOf, vetoFormError, type ConditionChoice, type CycleChoice } from './veto-form';

type Status = 'loading' | 'error' | 'none' | 'loaded';

const FAILED_MESSAGE = '提交失败，请稍后重试';
const LOAD_FAILED_MESSAGE = '加载失败，请稍后重试';

Component({
  options: { addGlobalClass: true },

  properties: {
    visible: { type: Boolean, value: false },
    memberId: { type: String, value: '' },
    memberName: { type: String, value: '' },
  },

  data: {
    status: 'loading' as Status,
    errorMessage: '',
    conditions: [] as ConditionChoice[],
    conditionIndex: -1,
    cycles: [] as CycleChoice[],
    cycleIndex: 0,
    reason: '',
    error: '',
    busy: false,
    /** One request id per proposal, so a retried submit after a lost answer files it once. */
    requestId: '',
  },

  observers: {
    visible(visible: boolean) {
      if (!visible) return;
      this.setData({ conditionIndex: -1, cycleIndex: 0, reason: '', error: '', busy: false, requestId: newRequestId() });
      // The conditions and who may propose do not change while the page is open: read them once.
      if (this.data.status === 'loading' || this.data.status === 'error') this.load();
    },
  },

  methods: {
    async load() {
      this.setData({ status: 'loading', errorMessage: '' });
      try {
        const catalog = await call('catalog.get', {});
        const conditions = conditionChoicesOf(catalog.vetoes ?? []);
        if (conditions.length === 0 || !catalog.viewer.can.veto) {
          const message = conditions.length === 0 ? '本方案没有一票否决情形' : `只有本${catalog.terms.words.unit}的书记或记分员可以提出一票否决`;
          this.setData({ status: 'none', errorMessage: message });
          return;
        }
        this.setData({ status: 'loaded', conditions, cycles: cycleChoicesOf(chinaDay(), catalog.terms.cycle?.startMonth ?? 1) });
      } catch (error) {
        this.setData({ status: 'error', errorMessage: failureMessage(error, 'veto-sheet', LOAD_FAILED_MESSAGE) });
      }
    },

    onConditionChange(event: WechatMiniprogram.PickerChange) {
      this.setData({ conditionIndex: Number(event.detail.value), error: '' });
    },

    onCycleChange(event: WechatMiniprogram.PickerChange) {
      this.setData({ cycleIndex: Number(event.detail.value), error: '' });
    },

    onInput(event: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ reason: event.detail.value, error: '' });
    },

    async onSubmit() {
      const { conditions, conditionIndex, cycles, cycleIndex, reason, busy, requestId } = this.data;
      if (busy) return;
      const form = { condition: conditions[conditionIndex]?.id ?? '', key: cycles[cycleIndex]?.key ?? '', reason };
      const error = vetoFormError(form);
      if (error) {
        this.setData({ error });
        return;
      }
      this.setData({ busy: true, error: '' });
      try {
        const { claim } = await call('veto.propose', { memberId: this.properties.memberId as string, ...form, reason: reason.trim() }, { requestId });
        this.triggerEvent('done', { claim });
      } catch (failure) {
        this.setData({ error: failureMessage(failure, 'veto-sheet', FAILED_MESSAGE) });
      } finally {
        this.setData({ busy: false });
      }
    },

    onClose() {
      this.triggerEvent('close');
    },

    /** Taps inside the sheet stay there (the mask behind it closes it). */
    onSheetTap() {},
  },
});
