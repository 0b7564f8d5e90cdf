/**
 * A dialog that asks why: an objection to a result or to a record, a rejection, in the person's own
 * words, or with one tap on a common reason.
 *
 *   <reason-dialog visible="{{open}}" title="提出异议" placeholder="写明理由…" bind:submit="onSubmit" bind:cancel="onCancel" />
 *   <reason-dialog visible="{{open}}" title="驳回申请" presets="{{['证明材料不全', '日期不符']}}" … />
 *
 * `submit` carries `{ reason }`, trimmed and at least two characters (shorter is refused here, with
 * a line saying so); the page closes the dialog by setting `visible` false. With `presets`, the
 * reasons tapped come first, in their order, then the words written: a tapped reason is enough.
 */
const SHORTEST = 2;
const SEPARATOR = '；';

/** The reason sent: the presets chosen, in the order offered, then the words written. */
function reasonOf(presets: readonly string[], chosen: readonly boolean[], written: string): string {
  return [...presets.filter((_, i) => chosen[i]), written.trim()].filter((part) => part !== '').join(SEPARATOR);
}

Component({
  options: { addGlobalClass: true },

  properties: {
    visible: { type: Boolean, value: false },
    title: { type: String, value: '' },
    placeholder: { type: String, value: '' },
    confirmText: { type: String, value: '提交' },
    /** Common reasons offered as taps (optional). */
    presets: { type: Array, value: [] as string[] },
    /** The most characters that may be written (the api's limit for the action, less the presets). */
    maxlength: { type: Number, value: 300 },
  },

  data: {
    reason: '',
    chosen: [] as boolean[],
    error: '',
  },

  observers: {
    visible(visible: boolean) {
      if (visible) this.setData({ reason: '', chosen: [], error: '' });
    },
  },

  methods: {
    onInput(event: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ reason: event.detail.value, error: '' });
    },

    onPreset(event: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { index: number }>) {
      const index = Number(event.currentTarget.dataset.index);
      const chosen = [...this.data.chosen];
      chosen[index] = !chosen[index];
      this.setData({ chosen, error: '' });
    },

    onConfirm() {
      const presets = this.properties.presets as string[];
      const reason = reasonOf(presets, this.data.chosen, this.data.reason);
      if (reason.length < SHORTEST) {
        this.setData({ error: presets.length > 0 ? '请选择或写明理由' : '请写明理由' });
        return;
      }
      this.triggerEvent('submit', { reason });
    },

    onCancel() {
      this.triggerEvent('cancel');
    },
  },
});
