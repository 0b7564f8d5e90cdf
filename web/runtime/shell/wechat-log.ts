/**
 * Beside the phone, what WeChat did for the page that a person cannot see on a desktop otherwise: the
 * cards shared, the subscription messages asked for, what was copied, documents opened, calls the
 * preview cannot make (a phone call), and uncaught page errors. `window.__preview.wechat` holds the
 * same entries for the browser tests.
 */
import { h } from './dom';

export interface WechatEntry {
  kind: 'share' | 'subscribe' | 'clipboard' | 'document' | 'image' | 'error' | 'other';
  title: string;
  detail: string;
  data?: unknown;
}

export class WechatLog {
  readonly element: HTMLElement;
  readonly entries: WechatEntry[] = [];
  private readonly list: HTMLElement;

  constructor() {
    this.list = h('ol', { class: 'wechat__list' });
    this.element = h('aside', { class: 'wechat' }, h('h2', {}, '微信'), h('p', { class: 'wechat__hint' }, '分享、订阅消息、复制和页面错误记在这里。'), this.list);
  }

  record(entry: WechatEntry): void {
    this.entries.push(entry);
    this.list.prepend(
      h('li', { class: `wechat__entry wechat__entry--${entry.kind}` }, h('div', { class: 'wechat__title' }, entry.title), entry.detail ? h('div', { class: 'wechat__detail' }, entry.detail) : null),
    );
  }
}
