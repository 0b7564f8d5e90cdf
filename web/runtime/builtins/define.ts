/**
 * WeChat's built-in components (view, input, picker…) as j-component components with a DOM element
 * of their own, <wx-input> and so on, as in WeChat's webview. Those with behaviour own native DOM
 * inside that element and emit WeChat's events with WeChat's `detail`.
 */
import * as jComponent from 'j-component/src/index';
import type { PageCaller } from 'j-component/src/index';

export type Builtin = PageCaller & { properties: Record<string, unknown> };

/** A template that renders nothing: the component draws its own DOM. */
export const OWN_DOM = () => ({ tag: 'shadow', attr: {}, children: [] });
/** A template that renders what the page writes inside the tag. */
export const CHILDREN = '<slot/>';

export function hostOf(component: PageCaller): HTMLElement {
  const element = component._exparserNode.$$;
  if (!element) throw new Error('a built-in component without an element');
  return element;
}

/** Makes `node` (inside a built-in) count as the built-in for taps and touches (framework/touch.ts). */
export function belongsTo(node: HTMLElement, component: PageCaller): void {
  (node as HTMLElement & { __wxElement?: unknown }).__wxElement = component._exparserNode;
}

/** Reflects a property onto the element as an attribute, for the built-ins' stylesheet (web/styles/page-base.css). */
export function reflect(component: PageCaller, name: string, value: unknown): void {
  const element = hostOf(component);
  if (value === false || value === null || value === undefined || value === '') element.removeAttribute(name);
  else element.setAttribute(name, value === true ? '' : String(value));
}

export interface BuiltinDefinition {
  template?: string | typeof OWN_DOM;
  properties?: Record<string, unknown>;
  observers?: Record<string, (this: Builtin, ...values: never[]) => void>;
  methods?: Record<string, (this: Builtin, ...args: never[]) => unknown>;
  lifetimes?: Record<string, (this: Builtin) => void>;
  behaviors?: string[];
}

export function defineBuiltin(name: string, definition: BuiltinDefinition = {}): void {
  jComponent.register({
    id: name,
    tagName: `wx-${name}`,
    template: definition.template ?? CHILDREN,
    behaviors: definition.behaviors ?? [],
    // Every built-in honours `hidden`, as WeChat's do.
    properties: { hidden: { type: Boolean, value: false }, ...definition.properties },
    observers: {
      hidden(this: Builtin, hidden: boolean) {
        reflect(this, 'hidden', hidden);
      },
      ...definition.observers,
    },
    methods: definition.methods ?? {},
    lifetimes: definition.lifetimes ?? {},
    options: { classPrefix: '' },
  });
}
