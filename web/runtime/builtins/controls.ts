/**
 * button and navigator. A button's look comes from its reflected attributes (type, size, plain,
 * disabled, loading) and WeChat's default stylesheet (web/styles/page-base.css); open-type="share"
 * shares the page as the ··· menu does (shell/share.ts). A navigator navigates on tap.
 */
import { defineBuiltin, reflect, type Builtin } from './define';

export interface ControlHost {
  shareFromButton(target: { id: string; dataset: Record<string, unknown> }): void;
  navigate(openType: string, url: string, delta: number): void;
}

export function defineControls(host: ControlHost): void {
  defineBuiltin('button', {
    properties: {
      type: { type: String, value: 'default' },
      size: { type: String, value: 'default' },
      plain: { type: Boolean, value: false },
      disabled: { type: Boolean, value: false },
      loading: { type: Boolean, value: false },
      openType: { type: String, value: '' },
      formType: { type: String, value: '' },
      hoverClass: { type: String, value: 'button-hover' },
    },
    observers: {
      'type, size, plain, disabled, loading'(this: Builtin, type: string, size: string, plain: boolean, disabled: boolean, loading: boolean) {
        reflect(this, 'type', type);
        reflect(this, 'size', size);
        reflect(this, 'plain', Boolean(plain));
        reflect(this, 'disabled', Boolean(disabled));
        reflect(this, 'loading', Boolean(loading));
      },
    },
    lifetimes: {
      attached(this: Builtin) {
        this._exparserNode.addListener('tap', () => {
          if (this.properties.disabled) return;
          if (this.properties.openType === 'share') {
            const node = this._exparserNode;
            host.shareFromButton({ id: node.id ?? '', dataset: { ...(node.dataset ?? {}) } });
          }
        });
      },
    },
  });

  defineBuiltin('navigator', {
    properties: {
      url: { type: String, value: '' },
      openType: { type: String, value: 'navigate' },
      delta: { type: Number, value: 1 },
    },
    lifetimes: {
      attached(this: Builtin) {
        this._exparserNode.addListener('tap', () => host.navigate(String(this.properties.openType), String(this.properties.url), Number(this.properties.delta)));
      },
    },
  });
}
