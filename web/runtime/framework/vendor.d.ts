/** The parts of j-component and miniprogram-exparser the preview uses (neither ships types for these paths). */

declare module 'miniprogram-exparser' {
  export interface ExparserElement {
    $$?: HTMLElement;
    __wxElement?: ExparserElement;
    _vt?: { attrs: { name: string; value: unknown }[] };
    id: string;
    dataset?: Record<string, unknown>;
    childNodes: ExparserElement[];
    shadowRoot?: ExparserElement;
    ownerShadowRoot?: { getHostNode(): ExparserElement; querySelector(selector: string): ExparserElement | null } | null;
    parentNode: ExparserElement | null;
    is?: string;
    data?: Record<string, unknown>;
    addListener(name: string, handler: (event: ExparserEvent) => unknown, options?: { capture?: boolean }): void;
    triggerEvent(name: string, detail: unknown, options?: Record<string, unknown>): void;
    triggerLifeTime(name: string, args?: unknown[]): void;
    triggerPageLifeTime(name: string, args?: unknown[]): void;
    querySelector(selector: string): ExparserElement | null;
    querySelectorAll(selector: string): ExparserElement[];
  }
  export interface ExparserEvent {
    type: string;
    detail: unknown;
    target: ExparserElement;
  }
  export const Element: {
    prototype: object;
    getMethodCaller(element: ExparserElement): Record<string, unknown> & { data: Record<string, unknown> };
  };
  export const Component: unknown;
  export function addGlobalErrorListener(listener: (error: unknown, info: { message?: string }) => unknown): void;
}

declare module 'j-component/src/index' {
  import type { ExparserElement } from 'miniprogram-exparser';
  export interface RootComponent {
    readonly dom: HTMLElement;
    readonly instance: PageCaller;
    readonly _exparserNode: ExparserElement;
    attach(parent: Node): void;
    detach(): void;
    triggerPageLifeTime(name: string, ...args: unknown[]): void;
  }
  /** `this` inside a component's methods. */
  export type PageCaller = Record<string, unknown> & {
    data: Record<string, unknown>;
    setData(data: Record<string, unknown>): void;
    triggerEvent(name: string, detail?: unknown, options?: Record<string, unknown>): void;
    _exparserNode: ExparserElement;
  };
  export function register(definition: Record<string, unknown>): string;
  export function behavior(definition: Record<string, unknown>): string;
  export function create(id: string, properties?: Record<string, unknown>): RootComponent | undefined;
}

declare module 'j-component/src/render/render' {
  import type { ExparserElement } from 'miniprogram-exparser';
  /** The module object itself: j-component's diff calls render.updateAttrs through it. */
  const render: { updateAttrs(node: ExparserElement, attrs: { name: string; value: unknown }[]): void };
  export = render;
}

declare module 'j-component/src/render/component' {
  const RootComponent: { prototype: { _triggerExparserEvent(evt: Event, name: string, detail?: unknown): void } };
  export = RootComponent;
}

declare module 'j-component/src/tool/utils' {
  /** The module object itself: render.js calls _.transformRpx through it. */
  const utils: { transformRpx(style: string, keep?: boolean): string };
  export = utils;
}

declare module 'j-component/src/tool/selectorquery' {
  class SelectorQuery {
    constructor(component: unknown);
  }
  export = SelectorQuery;
}

declare module 'preview:app' {
  export interface ComponentEntry {
    using: Record<string, string>;
    tags: string[];
    json: Record<string, unknown>;
    load(): unknown;
  }
  export interface AppJson {
    pages: string[];
    window?: { navigationBarTitleText?: string; navigationBarBackgroundColor?: string; navigationBarTextStyle?: string; backgroundColor?: string; enablePullDownRefresh?: boolean };
    tabBar?: {
      color?: string;
      selectedColor?: string;
      backgroundColor?: string;
      list: { pagePath: string; text: string; iconPath?: string; selectedIconPath?: string }[];
    };
  }
  export const appJson: AppJson;
  export function loadApp(): unknown;
  /** wcc's output: the body of a function that returns $gwx, which gives each .wxml's render function by path. */
  export const templates: string;
  export const components: Record<string, ComponentEntry>;
  /** Every stylesheet by key: built-ins, app.wxss, each component's WXSS, icon stand-ins. */
  export const stylesheets: Record<string, string>;
  /** Each page's stylesheets, in order. */
  export const pageStylesheets: Record<string, string[]>;
}
