/**
 * text: its children inside <wx-text>; with `decode`, the entities WeChat decodes there (&nbsp; &lt;
 * &gt; &amp; &apos; &ensp; &emsp;) show as characters (TDesign's required mark is `&nbsp;*`); with
 * `space`, runs of spaces keep their width (ensp, emsp, nbsp).
 */
import { defineBuiltin, hostOf, reflect, type Builtin } from './define';

const ENTITIES: Record<string, string> = { nbsp: '\u00a0', lt: '<', gt: '>', amp: '&', apos: "'", ensp: '\u2002', emsp: '\u2003', quot: '"' };
const SPACES: Record<string, string> = { ensp: '\u2002', emsp: '\u2003', nbsp: '\u00a0' };

const watching = new WeakMap<object, MutationObserver>();

function rewriteText(host: HTMLElement, decode: boolean, space: string): void {
  const walker = document.createTreeWalker(host, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    let text = node.textContent ?? '';
    if (decode) text = text.replace(/&(nbsp|lt|gt|amp|apos|ensp|emsp|quot);/g, (_all, name: string) => ENTITIES[name]);
    if (SPACES[space]) text = text.replace(/ /g, SPACES[space]);
    if (text !== node.textContent) node.textContent = text;
  }
}

export function defineText(): void {
  defineBuiltin('text', {
    properties: {
      decode: { type: Boolean, value: false },
      space: { type: String, value: '' },
      selectable: { type: Boolean, value: false },
      userSelect: { type: Boolean, value: false },
    },
    observers: {
      'decode, space'(this: Builtin, decode: boolean, space: string) {
        const host = hostOf(this);
        watching.get(this)?.disconnect();
        if (!decode && !SPACES[space]) return;
        const rewrite = () => rewriteText(host, Boolean(decode), space);
        const observer = new MutationObserver(rewrite);
        observer.observe(host, { subtree: true, childList: true, characterData: true });
        watching.set(this, observer);
        rewrite();
      },
      'selectable, userSelect'(this: Builtin, selectable: boolean, userSelect: boolean) {
        reflect(this, 'selectable', Boolean(selectable || userSelect));
      },
    },
  });
}
