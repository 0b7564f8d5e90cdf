/**
 * A dialog that asks why: an objection to a result or to a record, in the person's own words.
 *
 *   <reason-dialog visible="{{open}}" title="提出异议" placeholder="写明理由…" bind:submit="onSubmit" bind:cancel="onCancel" />
 *
 * `submit` carries `{ reason }`, trimmed and at least two characters (shorter is refused here, with
 * a line saying so); the page closes the dialog by setting `visible` false.
 */
const SHORTEST = 2;

Component({
  options: { addGlobalClass: true },

  properties: {
    visible: { type: Boolean, value: false },
    title: { type: String, value: '' },
    placeholder: { type: String, value: '' },
    confirmText: { type: String, value: '提交' },
  },

  data: {
    reason: '',
    error: '',
  },

  observers: {
    visible(visible: boolean) {
      if (visible) this.setData({ reason: '', error: '' });
    },
  },

  methods: {
    onInput(event: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ reason: event.detail.value, error: '' });
    },

    onConfirm() {
      const reason = this.data.reason.trim();
      if (reason.length < SHORTEST) {
        this.setData({ error: '请写明理由' });
        return;
      }
      this.triggerEvent('submit', { reason });
    },

    onCancel() {
      this.triggerEvent('cancel');
    },
  },
});
