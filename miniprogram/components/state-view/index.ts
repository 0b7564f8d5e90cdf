/**
 * The three states of a page or list besides its content: loading, empty, and error with a way out.
 *
 *   <state-view status="error" message="{{errorMessage}}" action-text="重试" bind:action="load" />
 *
 * `action` fires when the button is tapped (retry on error; e.g. 去申报 on an empty list).
 */
export type ViewStatus = 'loading' | 'empty' | 'error';

Component({
  options: { addGlobalClass: true },

  properties: {
    status: { type: String, value: 'loading' },
    /** Shown under the icon: the error's Chinese message, or what an empty list means. */
    message: { type: String, value: '' },
    /** The button's text; no button when empty. Error states default to 重试. */
    actionText: { type: String, value: '' },
  },

  data: {
    buttonText: '',
  },

  observers: {
    'status, actionText'(status: ViewStatus, actionText: string) {
      this.setData({ buttonText: actionText || (status === 'error' ? '重试' : '') });
    },
  },

  methods: {
    onAction() {
      this.triggerEvent('action');
    },
  },
});
