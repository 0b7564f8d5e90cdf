/**
 * canvas: a real HTML <canvas> inside <wx-canvas>. With type="2d" the page reaches it as WeChat's
 * Canvas node through a selector query's `fields({ node: true })` (wx/selector-query.ts): width,
 * height, getContext('2d'), createImage, requestAnimationFrame; wx.canvasToTempFilePath reads it.
 * The legacy canvas-id API (wx.createCanvasContext) is not provided: the pages use type="2d".
 */
import { belongsTo, defineBuiltin, hostOf, OWN_DOM, reflect, type Builtin } from './define';

/** The Canvas node WeChat hands out: the HTML canvas, with the methods WeChat adds to it. */
export type CanvasNode = HTMLCanvasElement & {
  createImage(): HTMLImageElement;
  requestAnimationFrame(callback: FrameRequestCallback): number;
  cancelAnimationFrame(id: number): void;
};

const surfaces = new WeakMap<HTMLElement, CanvasNode>();

/** The Canvas node of a <wx-canvas type="2d"> element, or null (another element, or a legacy canvas). */
export function canvasNodeOf(element: HTMLElement | undefined): CanvasNode | null {
  if (!element || element.getAttribute('type') !== '2d') return null;
  return surfaces.get(element) ?? null;
}

function surfaceOf(component: Builtin): CanvasNode {
  const host = hostOf(component);
  let surface = surfaces.get(host);
  if (surface) return surface;
  const canvas = document.createElement('canvas');
  canvas.className = 'wx-canvas__surface';
  // WeChat's canvas starts at 300 × 150 pixels until the page sizes it.
  canvas.width = 300;
  canvas.height = 150;
  belongsTo(canvas, component);
  surface = Object.assign(canvas, {
    createImage: () => new Image(),
    requestAnimationFrame: (callback: FrameRequestCallback) => window.requestAnimationFrame(callback),
    cancelAnimationFrame: (id: number) => window.cancelAnimationFrame(id),
  });
  host.appendChild(surface);
  surfaces.set(host, surface);
  return surface;
}

export function defineCanvas(): void {
  defineBuiltin('canvas', {
    template: OWN_DOM,
    properties: {
      type: { type: String, value: '' },
      canvasId: { type: String, value: '' },
      disableScroll: { type: Boolean, value: false },
    },
    observers: {
      type(this: Builtin, type: string) {
        reflect(this, 'type', type);
        surfaceOf(this);
      },
    },
    lifetimes: {
      attached(this: Builtin) {
        surfaceOf(this);
      },
    },
  });
}
