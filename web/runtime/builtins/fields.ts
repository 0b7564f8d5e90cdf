/**
 * input and textarea: a native <input>/<textarea> inside <wx-input>/<wx-textarea>. The page's `value`
 * sets the text when it changes (typing does not change the property, as in WeChat), and the events
 * carry WeChat's detail: input { value, cursor, keyCode }, focus { value, height }, blur { value,
 * cursor }, confirm { value }, linechange { height, heightRpx, lineCount }.
 */
import { belongsTo, defineBuiltin, hostOf, OWN_DOM, reflect, type Builtin } from './define';

type Field = HTMLInputElement | HTMLTextAreaElement;

const fields = new WeakMap<object, Field>();

/** WeChat's default maxlength is 140; -1 (or less) means no limit. */
function applyMaxLength(field: Field, maxlength: number): void {
  if (Number(maxlength) < 0) field.removeAttribute('maxlength');
  else field.maxLength = Number(maxlength);
}

const INPUT_MODES: Record<string, string> = { number: 'numeric', digit: 'decimal', idcard: 'text', text: 'text', nickname: 'text' };

function fieldOf(component: Builtin, tag: 'input' | 'textarea'): Field {
  let field = fields.get(component);
  if (field) return field;
  field = document.createElement(tag);
  field.className = `wx-${tag}__native`;
  belongsTo(field, component);
  const emit = (name: string, detail: Record<string, unknown>) => component.triggerEvent(name, detail);
  let lines = 1;
  field.addEventListener('input', (event) => {
    const f = field!;
    emit('input', { value: f.value, cursor: f.selectionStart ?? f.value.length, keyCode: (event as InputEvent).data?.charCodeAt(0) ?? 8 });
    if (f instanceof HTMLTextAreaElement) {
      if (component.properties.autoHeight) autoSize(f);
      const lineHeight = parseFloat(getComputedStyle(f).lineHeight) || 20;
      const count = Math.max(1, Math.round(f.scrollHeight / lineHeight));
      if (count !== lines) {
        lines = count;
        emit('linechange', { height: f.scrollHeight, heightRpx: Math.round(f.scrollHeight * 2), lineCount: count });
      }
    }
  });
  field.addEventListener('focus', () => emit('focus', { value: field!.value, height: 0 }));
  field.addEventListener('blur', () => emit('blur', { value: field!.value, cursor: field!.selectionStart ?? 0 }));
  field.addEventListener('keydown', (event) => {
    const key = event as KeyboardEvent;
    if (key.key !== 'Enter' || key.isComposing) return;
    if (tag === 'textarea' && (component.properties.confirmType ?? 'return') === 'return') return;
    key.preventDefault();
    emit('confirm', { value: field!.value });
    if (!component.properties.confirmHold) field!.blur();
  });
  hostOf(component).appendChild(field);
  fields.set(component, field);
  return field;
}

function autoSize(area: HTMLTextAreaElement): void {
  // Measuring needs the page's layout; attached() sizes it once it is in the page.
  if (!area.isConnected) return;
  area.style.height = 'auto';
  area.style.height = `${area.scrollHeight}px`;
  area.parentElement?.style.setProperty('height', 'auto');
}

const COMMON_PROPERTIES = {
  value: { type: null, value: '' },
  placeholder: { type: String, value: '' },
  disabled: { type: Boolean, value: false },
  maxlength: { type: Number, value: 140 },
  focus: { type: Boolean, value: false },
  autoFocus: { type: Boolean, value: false },
  confirmType: { type: String, value: '' },
  confirmHold: { type: Boolean, value: false },
  placeholderStyle: { type: String, value: '' },
  placeholderClass: { type: String, value: '' },
};

function commonObservers(tag: 'input' | 'textarea') {
  return {
    value(this: Builtin, value: unknown) {
      const field = fieldOf(this, tag);
      const text = value === null || value === undefined ? '' : String(value);
      if (field.value !== text) field.value = text;
      if (field instanceof HTMLTextAreaElement && this.properties.autoHeight) autoSize(field);
    },
    placeholder(this: Builtin, placeholder: string) {
      fieldOf(this, tag).placeholder = placeholder ?? '';
    },
    disabled(this: Builtin, disabled: boolean) {
      fieldOf(this, tag).disabled = Boolean(disabled);
      reflect(this, 'disabled', Boolean(disabled));
    },
    maxlength(this: Builtin, maxlength: number) {
      applyMaxLength(fieldOf(this, tag), maxlength);
    },
    'focus, autoFocus'(this: Builtin, focus: boolean, autoFocus: boolean) {
      const field = fieldOf(this, tag);
      if (focus || autoFocus) requestAnimationFrame(() => field.isConnected && field.focus());
    },
  };
}

export function defineFields(): void {
  defineBuiltin('input', {
    template: OWN_DOM,
    properties: { ...COMMON_PROPERTIES, type: { type: String, value: 'text' }, password: { type: Boolean, value: false } },
    observers: {
      ...commonObservers('input'),
      'type, password'(this: Builtin, type: string, password: boolean) {
        const field = fieldOf(this, 'input') as HTMLInputElement;
        field.type = password ? 'password' : 'text';
        field.inputMode = INPUT_MODES[type] ?? 'text';
      },
    },
    lifetimes: {
      created(this: Builtin) {
        applyMaxLength(fieldOf(this, 'input'), 140);
      },
    },
  });
  defineBuiltin('textarea', {
    template: OWN_DOM,
    properties: { ...COMMON_PROPERTIES, autoHeight: { type: Boolean, value: false }, fixed: { type: Boolean, value: false }, showConfirmBar: { type: Boolean, value: true } },
    observers: {
      ...commonObservers('textarea'),
      autoHeight(this: Builtin, autoHeight: boolean) {
        reflect(this, 'auto-height', Boolean(autoHeight));
      },
    },
    lifetimes: {
      created(this: Builtin) {
        applyMaxLength(fieldOf(this, 'textarea'), 140);
      },
      attached(this: Builtin) {
        const area = fieldOf(this, 'textarea') as HTMLTextAreaElement;
        if (this.properties.autoHeight) requestAnimationFrame(() => autoSize(area));
      },
    },
  });
}
