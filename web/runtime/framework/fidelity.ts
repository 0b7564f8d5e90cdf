/**
 * Where j-component (written for jest) behaves unlike WeChat in a browser, and what the preview does
 * instead. Each fix replaces one function on j-component's own module objects, so its internal calls
 * pick it up; nothing of j-component is copied.
 */
import * as jComponent from 'j-component/src/index';
import * as exparser from 'miniprogram-exparser';
import render = require('j-component/src/render/render');
import RootComponent = require('j-component/src/render/component');
import utils = require('j-component/src/tool/utils');
import { touchesFromMouse } from './touch';
import { rpxToPx } from './units';

/**
 * When one attribute of a node changes, j-component's diff hands every attribute of the node to
 * updateAttrs, which sets each property again; WeChat sets only what changed. Setting an unchanged
 * property re-runs its observers: TDesign's date-time-picker then resets its columns, and its confirm
 * returns the old date. Only attributes whose value differs from the node's previous template pass;
 * objects and arrays are compared by content, since a literal in a template (`{{ [4, 4] }}`) is a new
 * object on every render but, as in WeChat, no change.
 */
function applyOnlyChangedAttributes(): void {
  const updateAttrs = render.updateAttrs;
  const sameContent = (a: unknown, b: unknown): boolean => {
    try {
      return JSON.stringify(a) === JSON.stringify(b);
    } catch {
      return false;
    }
  };
  const isObject = (value: unknown): boolean => value !== null && typeof value === 'object';
  render.updateAttrs = (node, attrs) => {
    const previous = node._vt?.attrs;
    if (!previous) return updateAttrs(node, attrs);
    const before = new Map(previous.map((attr) => [attr.name, attr]));
    // A removed attribute arrives as the previous attribute object itself, its value set to undefined.
    const changed = attrs.filter((attr) => {
      const old = before.get(attr.name);
      if (old === undefined || old === attr) return true;
      if (old.value === attr.value) return false;
      return !(isObject(old.value) && isObject(attr.value) && sameContent(old.value, attr.value));
    });
    if (changed.length > 0) updateAttrs(node, changed);
  };
}

/** Inline styles (`style="width: 120rpx"`) in rpx of a 375-px-wide screen, as WeChat computes them; j-component maps 1rpx to 1px. */
function rpxInInlineStyles(): void {
  utils.transformRpx = (style) => rpxToPx(style);
}

/**
 * How j-component's RootComponent turns the page's DOM events into exparser events, adjusted:
 * - it dispatches them a microtask later, reading `event.target` then; each page draws in a shadow
 *   root (framework/pages.ts), and once an event's dispatch is over the DOM clears a target inside a
 *   shadow tree, so the tap would go nowhere. The target is kept from the moment the event arrives
 *   (a tap and a longpress reuse the touchstart's event, so it is remembered per event).
 * - it turns every DOM scroll under a page into a detail-less `scroll` event; in WeChat only a
 *   scroll-view emits one, with its offsets (builtins/scroll-view.ts).
 * - a touch within 150 ms of a scroll stops the scroll instead of tapping (a finger on a list in
 *   momentum); a mouse wheel has no momentum, so a press from the mouse always taps.
 * The rest of its touch handling (tap, longpress, cancelling a tap after a scroll) stays.
 */
function pageEventsFromShadowRoots(): void {
  const proto = RootComponent.prototype;
  const trigger = proto._triggerExparserEvent;
  const targets = new WeakMap<Event, EventTarget>();
  proto._triggerExparserEvent = function (this: unknown, evt: Event, name: string, detail?: unknown) {
    if (name === 'scroll') return;
    if (name === 'touchstart' && touchesFromMouse.has(evt)) (this as { _lastScrollTime: number })._lastScrollTime = 0;
    if (!targets.has(evt) && evt.target) targets.set(evt, evt.target);
    const target = targets.get(evt) ?? evt.target;
    const touchEvent = evt as TouchEvent;
    const kept = {
      type: evt.type,
      target,
      timeStamp: evt.timeStamp,
      touches: touchEvent.touches,
      changedTouches: touchEvent.changedTouches,
      get defaultPrevented() {
        return evt.defaultPrevented;
      },
      preventDefault: () => evt.preventDefault(),
      stopPropagation: () => evt.stopPropagation(),
    };
    trigger.call(this, kept as unknown as Event, name, detail);
  };
}

type ClassListProto = { _setOwnerOptions(owner: unknown, prefix: string, addOriginalClass: boolean): void };

/**
 * Class names stay unprefixed in the preview (each page's stylesheet holds its components' WXSS as
 * written, web/build/styles.ts). exparser records which component owns an element's classes only
 * when that component's class prefix differs from the element's current one, so with unprefixed
 * classes it never does, and external classes (TDesign's `class`, `t-class`) never resolve: a page's
 * `class="note"` on <t-textarea> would not reach the textarea's root. Passing through another
 * prefix first makes exparser record the owner and resolve the aliases, ending with the real prefix.
 */
function resolveExternalClassesWithoutPrefixes(): void {
  const probe = jComponent.create(jComponent.register({ template: '<slot/>', options: { classPrefix: '' } }));
  const classList = (probe?._exparserNode as unknown as { classList?: object } | undefined)?.classList;
  const proto = classList ? (Object.getPrototypeOf(classList) as ClassListProto) : null;
  if (!proto?._setOwnerOptions) throw new Error('exparser has no class lists to fix');
  const setOwnerOptions = proto._setOwnerOptions;
  proto._setOwnerOptions = function (this: ClassListProto, owner, prefix, addOriginalClass) {
    setOwnerOptions.call(this, owner, `${prefix}\u0000`, addOriginalClass);
    setOwnerOptions.call(this, owner, prefix, addOriginalClass);
  };
}

type VirtualHost = { __virtual?: boolean; hasExternalClass?(name: string): boolean; setExternalClass(name: string, value: unknown): void };

/**
 * A component with a virtual host (all of TDesign's) has no element of its own: WeChat hands the
 * `class` its owner writes on it to its external class `class`, which TDesign puts on its root view.
 * j-component sets it as the (absent) host's class instead, so `<t-textarea class="note">` would lose it.
 */
function classOfVirtualHostsToExternalClass(): void {
  const proto = (exparser.Element as unknown as { prototype: object }).prototype;
  const descriptor = Object.getOwnPropertyDescriptor(proto, 'class');
  if (!descriptor?.set) throw new Error('exparser elements have no class property to fix');
  const set = descriptor.set;
  Object.defineProperty(proto, 'class', {
    ...descriptor,
    set(this: VirtualHost, value: unknown) {
      set.call(this, value);
      if (this.__virtual && this.hasExternalClass?.('class')) this.setExternalClass('class', value);
    },
  });
}

export function installFidelityFixes(): void {
  resolveExternalClassesWithoutPrefixes();
  classOfVirtualHostsToExternalClass();
  applyOnlyChangedAttributes();
  rpxInInlineStyles();
  pageEventsFromShadowRoots();
}
