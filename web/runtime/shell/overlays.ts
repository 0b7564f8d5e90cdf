/**
 * What WeChat itself draws over a page, inside the phone: toast and loading, the modal dialog, the
 * action sheet, the subscription-message request, the share sheet, an opened document and the image
 * viewer. Each looks and answers as WeChat's does (wx/interface.ts calls these).
 */
import { h } from './dom';

export interface ToastOptions {
  title: string;
  icon: 'success' | 'error' | 'loading' | 'none';
  duration: number;
  mask: boolean;
}

export interface ModalOptions {
  title: string;
  content: string;
  showCancel: boolean;
  cancelText: string;
  cancelColor: string;
  confirmText: string;
  confirmColor: string;
  editable: boolean;
  placeholderText: string;
}

export interface ShareCard {
  kind: 'friend' | 'timeline';
  title: string;
  path: string;
  imageUrl: string;
  appName: string;
}

const TOAST_ICONS: Record<string, string> = { success: '✓', error: '✕', loading: '' };

export class Overlays {
  /** Every toast shown, in order: a toast lasts 1.5 s, the browser tests read them here too. */
  readonly toasts: string[] = [];
  private toastTimer: number | undefined;
  private toastElement: HTMLElement | null = null;

  constructor(private readonly layer: HTMLElement) {}

  toast(options: ToastOptions, loading = false): void {
    this.hideToast();
    const withIcon = options.icon !== 'none';
    const icon = options.icon === 'loading' || loading ? h('div', { class: 'toast__spinner' }) : withIcon ? h('div', { class: 'toast__icon' }, TOAST_ICONS[options.icon] ?? '') : null;
    // WeChat shows at most 7 characters under an icon, two lines without one.
    const title = withIcon || loading ? [...options.title].slice(0, 7).join('') : options.title;
    const box = h('div', { class: `toast ${withIcon || loading ? 'toast--icon' : 'toast--text'}`, role: 'alert' }, icon, h('div', { class: 'toast__title' }, title));
    const element: HTMLElement = h('div', { class: `toast-layer ${options.mask ? 'toast-layer--mask' : ''}`, 'data-kind': loading ? 'loading' : 'toast' }, box);
    this.toasts.push(title);
    this.layer.append(element);
    this.toastElement = element;
    if (!loading) this.toastTimer = window.setTimeout(() => this.hideToast(), options.duration);
  }

  hideToast(kind?: 'toast' | 'loading'): void {
    if (!this.toastElement) return;
    if (kind && this.toastElement.dataset.kind !== kind) return;
    window.clearTimeout(this.toastTimer);
    this.toastElement.remove();
    this.toastElement = null;
  }

  modal(options: ModalOptions): Promise<{ confirm: boolean; cancel: boolean; content?: string }> {
    return new Promise((resolve) => {
      const field = options.editable ? h('textarea', { class: 'dialog__field', placeholder: options.placeholderText }) : null;
      if (field && options.content) field.value = options.content;
      const close = (confirm: boolean) => {
        element.remove();
        resolve(field ? { confirm, cancel: !confirm, content: field.value } : { confirm, cancel: !confirm });
      };
      const element: HTMLElement = h(
        'div',
        { class: 'dialog-layer', role: 'dialog' },
        h(
          'div',
          { class: 'dialog' },
          options.title ? h('div', { class: 'dialog__title' }, options.title) : null,
          !field && options.content ? h('div', { class: 'dialog__content' }, options.content) : null,
          field,
          h(
            'div',
            { class: 'dialog__buttons' },
            options.showCancel ? h('button', { class: 'dialog__button dialog__cancel', style: `color:${options.cancelColor}`, onclick: () => close(false) }, options.cancelText) : null,
            h('button', { class: 'dialog__button dialog__confirm', style: `color:${options.confirmColor}`, onclick: () => close(true) }, options.confirmText),
          ),
        ),
      );
      this.layer.append(element);
    });
  }

  /** Resolves with the tapped item's index, or null for 取消. */
  actionSheet(items: string[], color: string, alertText: string): Promise<number | null> {
    return new Promise((resolve) => {
      const close = (index: number | null) => {
        element.remove();
        resolve(index);
      };
      const element: HTMLElement = h(
        'div',
        { class: 'sheet-layer', role: 'dialog', onclick: (event) => event.target === element && close(null) },
        h(
          'div',
          { class: 'sheet' },
          alertText ? h('div', { class: 'sheet__alert' }, alertText) : null,
          ...items.map((item, index) => h('button', { class: 'sheet__item', style: `color:${color}`, onclick: () => close(index) }, item)),
          h('button', { class: 'sheet__item sheet__cancel', onclick: () => close(null) }, '取消'),
        ),
      );
      this.layer.append(element);
    });
  }

  /** WeChat's prompt for subscription messages: one switch per template, 允许 or 取消. */
  subscription(appName: string, templateIds: string[]): Promise<Record<string, 'accept' | 'reject'>> {
    return new Promise((resolve) => {
      const boxes = templateIds.map((id) => h('input', { type: 'checkbox', checked: true, 'data-template': id }));
      const close = (allow: boolean) => {
        element.remove();
        resolve(Object.fromEntries(templateIds.map((id, i) => [id, allow && boxes[i].checked ? 'accept' : 'reject'])));
      };
      const element: HTMLElement = h(
        'div',
        { class: 'sheet-layer', role: 'dialog' },
        h(
          'div',
          { class: 'sheet sheet--panel subscribe' },
          h('div', { class: 'subscribe__title' }, `${appName} 申请发送以下订阅消息`),
          ...templateIds.map((id, i) => h('label', { class: 'subscribe__row' }, h('span', {}, `模板 ${id}`), boxes[i])),
          h('div', { class: 'subscribe__buttons' }, h('button', { class: 'subscribe__cancel', onclick: () => close(false) }, '取消'), h('button', { class: 'subscribe__allow', onclick: () => close(true) }, '允许')),
        ),
      );
      this.layer.append(element);
    });
  }

  /** What WeChat shows after 转发: the card as the chat will see it. */
  shareSheet(card: ShareCard): void {
    const close = () => element.remove();
    const element: HTMLElement = h(
      'div',
      { class: 'sheet-layer', role: 'dialog', onclick: (event) => event.target === element && close() },
      h(
        'div',
        { class: 'sheet sheet--panel share' },
        h('div', { class: 'share__heading' }, card.kind === 'friend' ? '发送给朋友' : '分享到朋友圈'),
        h(
          'div',
          { class: 'share-card' },
          h('div', { class: 'share-card__app' }, card.appName),
          h('div', { class: 'share-card__title' }, card.title),
          card.imageUrl ? h('img', { class: 'share-card__image', src: card.imageUrl, alt: '' }) : h('div', { class: 'share-card__image share-card__image--page' }, '页面截图'),
          h('div', { class: 'share-card__path' }, card.path),
        ),
        h('button', { class: 'share__done', onclick: close }, '完成'),
      ),
    );
    this.layer.append(element);
  }

  document(name: string, url: string): void {
    const close = () => element.remove();
    const element: HTMLElement = h(
      'div',
      { class: 'sheet-layer', role: 'dialog' },
      h(
        'div',
        { class: 'sheet sheet--panel document' },
        h('div', { class: 'document__icon' }, (name.split('.').pop() ?? '').toUpperCase()),
        h('div', { class: 'document__name' }, name),
        h('a', { class: 'document__download', href: url, download: name }, '下载到电脑'),
        h('button', { class: 'document__close', onclick: close }, '关闭'),
      ),
    );
    this.layer.append(element);
  }

  /** Shows the pictures full screen until tapped; returns the viewer, for a caller that closes it itself. */
  imageViewer(urls: string[], current: number): HTMLElement {
    let index = current;
    const picture = h('img', { class: 'viewer__image', alt: '' });
    const counter = h('div', { class: 'viewer__counter' });
    const show = () => {
      picture.src = urls[index];
      counter.textContent = urls.length > 1 ? `${index + 1} / ${urls.length}` : '';
    };
    const element: HTMLElement = h('div', { class: 'viewer', role: 'dialog', onclick: () => element.remove() }, picture, counter);
    element.addEventListener('wheel', (event) => {
      index = (index + (event.deltaY > 0 ? 1 : urls.length - 1)) % urls.length;
      show();
    });
    show();
    this.layer.append(element);
    return element;
  }
}
