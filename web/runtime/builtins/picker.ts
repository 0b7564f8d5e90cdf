/**
 * picker: what the page writes inside <picker> is shown; a tap opens WeChat's bottom sheet
 * (shell/picker-sheet.ts) with the range (mode selector, multiSelector) or a date (mode date, with
 * fields day, month or year, between start and end) or a time. 确定 emits change { value } (an index,
 * indexes, 'YYYY-MM-DD' / 'YYYY-MM' / 'YYYY', 'hh:mm'), 取消 emits cancel.
 */
import { defineBuiltin, reflect, type Builtin } from './define';

export interface PickerRequest {
  mode: 'selector' | 'multiSelector' | 'date' | 'time';
  range: unknown[];
  rangeKey: string;
  value: unknown;
  start: string;
  end: string;
  fields: 'day' | 'month' | 'year';
  headerText: string;
}

/** Resolves with the chosen value, or null when the sheet is cancelled. */
export type OpenPicker = (request: PickerRequest) => Promise<{ value: unknown } | null>;

export function definePicker(open: OpenPicker): void {
  defineBuiltin('picker', {
    properties: {
      mode: { type: String, value: 'selector' },
      range: { type: Array, value: [] },
      rangeKey: { type: String, value: '' },
      value: { type: null, value: 0 },
      start: { type: String, value: '' },
      end: { type: String, value: '' },
      fields: { type: String, value: 'day' },
      disabled: { type: Boolean, value: false },
      headerText: { type: String, value: '' },
    },
    observers: {
      disabled(this: Builtin, disabled: boolean) {
        reflect(this, 'disabled', Boolean(disabled));
      },
    },
    lifetimes: {
      attached(this: Builtin) {
        this._exparserNode.addListener('tap', () => {
          const p = this.properties;
          if (p.disabled) return;
          const mode = (['selector', 'multiSelector', 'date', 'time'].includes(String(p.mode)) ? p.mode : 'selector') as PickerRequest['mode'];
          open({
            mode,
            range: Array.isArray(p.range) ? p.range : [],
            rangeKey: String(p.rangeKey ?? ''),
            value: p.value,
            start: String(p.start ?? ''),
            end: String(p.end ?? ''),
            fields: (['day', 'month', 'year'].includes(String(p.fields)) ? p.fields : 'day') as PickerRequest['fields'],
            headerText: String(p.headerText ?? ''),
          }).then((result) => {
            if (result) this.triggerEvent('change', { value: result.value });
            else this.triggerEvent('cancel', {});
          });
        });
      },
    },
  });
}
