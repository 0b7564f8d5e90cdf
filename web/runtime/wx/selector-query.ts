/**
 * Selector queries as WeChat answers them: j-component's SelectorQuery (used by wx.createSelectorQuery
 * and by every component's this.createSelectorQuery) with `fields({ node: true })` answering the
 * Canvas node of a <canvas type="2d"> (null for other elements, as WeChat gives no node for them).
 */
import SelectorQuery = require('j-component/src/tool/selectorquery');
import type { ExparserElement } from 'miniprogram-exparser';
import { canvasNodeOf } from '../builtins/canvas';

interface QueueItem {
  selector: string;
  /** 0 for the viewport. */
  exparserNode: ExparserElement | 0 | null;
  isSelectSingle: boolean;
  fields: Record<string, unknown>;
}

type Answer = Record<string, unknown> | null;
type ItemCallback = ((this: unknown, result: Answer | Answer[]) => void) | null;

interface Query {
  _queue: QueueItem[];
  _queueCallback: ItemCallback[];
  exec(callback?: (results: unknown[]) => void): unknown;
}

/** The elements the query selects, in the order j-component answers them (missing ones skipped). */
function selected(item: QueueItem): ExparserElement[] {
  if (!item.exparserNode) return [];
  const root = item.exparserNode.shadowRoot;
  if (!root) return [];
  if (item.isSelectSingle) {
    const one = root.querySelector(item.selector);
    return one ? [one] : [];
  }
  return root.querySelectorAll(item.selector);
}

let answering = false;

export function answerNodeFields(): void {
  if (answering) return;
  answering = true;
  const prototype = SelectorQuery.prototype as unknown as Query;
  const exec = prototype.exec;
  prototype.exec = function (this: Query, callback?: (results: unknown[]) => void) {
    this._queue.forEach((item, index) => {
      if (!item.fields.node) return;
      const elements = selected(item);
      const own = this._queueCallback[index];
      this._queueCallback[index] = function (this: unknown, result) {
        const answers = (item.isSelectSingle ? [result] : result) as Answer[];
        answers.forEach((answer, i) => {
          if (answer) answer.node = canvasNodeOf(elements[i]?.$$) ?? null;
        });
        own?.call(this, result);
      };
    });
    return exec.call(this, callback);
  };
}
