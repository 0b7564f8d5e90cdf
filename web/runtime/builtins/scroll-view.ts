/**
 * scroll-view: <wx-scroll-view> itself scrolls (scroll-x, scroll-y) and emits scroll { scrollLeft,
 * scrollTop, scrollHeight, scrollWidth, deltaX, deltaY }, scrolltoupper and scrolltolower (within
 * upper-threshold / lower-threshold px of an end, once per arrival); scroll-top, scroll-left and
 * scroll-into-view move it.
 */
import { defineBuiltin, hostOf, reflect, type Builtin } from './define';

const listening = new WeakSet<object>();

export function defineScrollView(): void {
  defineBuiltin('scroll-view', {
    properties: {
      scrollX: { type: Boolean, value: false },
      scrollY: { type: Boolean, value: false },
      upperThreshold: { type: Number, value: 50 },
      lowerThreshold: { type: Number, value: 50 },
      scrollTop: { type: null, value: null },
      scrollLeft: { type: null, value: null },
      scrollIntoView: { type: String, value: '' },
      scrollWithAnimation: { type: Boolean, value: false },
      enableFlex: { type: Boolean, value: false },
      showScrollbar: { type: Boolean, value: true },
      enhanced: { type: Boolean, value: false },
    },
    observers: {
      'scrollX, scrollY, enableFlex, showScrollbar'(this: Builtin, x: boolean, y: boolean, flex: boolean, scrollbar: boolean) {
        reflect(this, 'scroll-x', Boolean(x));
        reflect(this, 'scroll-y', Boolean(y));
        reflect(this, 'enable-flex', Boolean(flex));
        reflect(this, 'hide-scrollbar', scrollbar === false);
      },
      scrollTop(this: Builtin, top: unknown) {
        if (top === null || top === undefined || top === '') return;
        const behavior = this.properties.scrollWithAnimation ? 'smooth' : 'auto';
        requestAnimationFrame(() => hostOf(this).scrollTo({ top: parseFloat(String(top)), behavior }));
      },
      scrollLeft(this: Builtin, left: unknown) {
        if (left === null || left === undefined || left === '') return;
        const behavior = this.properties.scrollWithAnimation ? 'smooth' : 'auto';
        requestAnimationFrame(() => hostOf(this).scrollTo({ left: parseFloat(String(left)), behavior }));
      },
      scrollIntoView(this: Builtin, id: string) {
        if (!id) return;
        // The id names a node of the same template as the scroll-view.
        const element = this._exparserNode.ownerShadowRoot?.querySelector(`#${id}`)?.$$;
        const host = hostOf(this);
        if (!element) return;
        const behavior = this.properties.scrollWithAnimation ? 'smooth' : 'auto';
        requestAnimationFrame(() =>
          host.scrollTo({
            top: element.getBoundingClientRect().top - host.getBoundingClientRect().top + host.scrollTop,
            left: element.getBoundingClientRect().left - host.getBoundingClientRect().left + host.scrollLeft,
            behavior,
          }),
        );
      },
    },
    lifetimes: {
      attached(this: Builtin) {
        const host = hostOf(this);
        if (listening.has(this)) return;
        listening.add(this);
        let last = { top: host.scrollTop, left: host.scrollLeft };
        let atUpper = true;
        let atLower = false;
        host.addEventListener('scroll', () => {
          const top = host.scrollTop;
          const left = host.scrollLeft;
          this.triggerEvent('scroll', {
            scrollLeft: left,
            scrollTop: top,
            scrollHeight: host.scrollHeight,
            scrollWidth: host.scrollWidth,
            deltaX: left - last.left,
            deltaY: top - last.top,
          });
          const vertical = Boolean(this.properties.scrollY);
          const position = vertical ? top : left;
          const room = vertical ? host.scrollHeight - host.clientHeight - top : host.scrollWidth - host.clientWidth - left;
          const upper = position <= Number(this.properties.upperThreshold);
          const lower = room <= Number(this.properties.lowerThreshold);
          if (upper && !atUpper) this.triggerEvent('scrolltoupper', { direction: vertical ? 'top' : 'left' });
          if (lower && !atLower) this.triggerEvent('scrolltolower', { direction: vertical ? 'bottom' : 'right' });
          atUpper = upper;
          atLower = lower;
          last = { top, left };
        });
      },
    },
  });
}
