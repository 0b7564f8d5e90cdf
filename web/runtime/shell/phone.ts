/**
 * The phone: status bar, WeChat's navigation bar (title, back, the ··· capsule), the pages, the tab bar
 * from app.json with its badges, and the layer WeChat's own dialogs draw in.
 */
import type { AppJson } from 'preview:app';
import { h } from './dom';

export interface NavigationState {
  title: string;
  canGoBack: boolean;
  /** A single non-tab page (opened by URL or reLaunch) gets WeChat's home button. */
  canGoHome: boolean;
  route: string;
  background: string;
  textStyle: string;
}

export interface PhoneActions {
  back(): void;
  home(): void;
  menu(): void;
  switchTab(route: string): void;
}

export class Phone {
  readonly element: HTMLElement;
  readonly pages: HTMLElement;
  readonly layer: HTMLElement;
  private readonly title: HTMLElement;
  private readonly back: HTMLButtonElement;
  private readonly home: HTMLButtonElement;
  private readonly navigationBar: HTMLElement;
  private readonly tabBar: HTMLElement | null;
  private readonly tabs: HTMLElement[] = [];
  private tabBarVisible = true;
  private shown: NavigationState | null = null;

  constructor(
    private readonly app: AppJson,
    actions: PhoneActions,
  ) {
    this.title = h('div', { class: 'nav-bar__title' });
    this.back = h('button', { class: 'nav-bar__back', 'aria-label': '返回', onclick: () => actions.back() }, '‹');
    this.home = h('button', { class: 'nav-bar__home', 'aria-label': '首页', onclick: () => actions.home() }, '⌂');
    this.navigationBar = h(
      'div',
      { class: 'nav-bar' },
      this.back,
      this.home,
      this.title,
      h('div', { class: 'capsule' }, h('button', { class: 'capsule__menu', 'aria-label': '更多', onclick: () => actions.menu() }, '···'), h('span', { class: 'capsule__close' }, '◎')),
    );
    const tabBar = app.tabBar;
    this.tabBar = tabBar
      ? h(
          'div',
          { class: 'tab-bar', style: `background:${tabBar.backgroundColor ?? '#fff'}` },
          ...tabBar.list.map((tab) => {
            const item = h(
              'button',
              { class: 'tab-bar__item', 'data-route': tab.pagePath, onclick: () => actions.switchTab(tab.pagePath) },
              tab.iconPath ? h('img', { class: 'tab-bar__icon', src: `/preview/miniprogram/${tab.iconPath}`, alt: '' }) : null,
              h('span', { class: 'tab-bar__text' }, tab.text),
              h('span', { class: 'tab-bar__badge', hidden: true }),
            );
            this.tabs.push(item);
            return item;
          }),
        )
      : null;
    this.pages = h('div', { class: 'pages' });
    this.layer = h('div', { class: 'overlay-layer' });
    this.element = h(
      'div',
      { class: 'phone' },
      h(
        'div',
        { class: 'phone__screen' },
        h('div', { class: 'status-bar' }, h('span', {}, '9:41'), h('span', {}, '微信预览')),
        this.navigationBar,
        this.pages,
        this.tabBar,
        this.layer,
      ),
    );
  }

  showNavigation(state: NavigationState): void {
    this.shown = state;
    this.title.textContent = state.title;
    this.back.hidden = !state.canGoBack;
    this.home.hidden = !state.canGoHome;
    this.navigationBar.style.background = state.background;
    this.navigationBar.classList.toggle('nav-bar--white', state.textStyle === 'white');
    const tabList = this.app.tabBar?.list ?? [];
    const onTab = tabList.some((tab) => tab.pagePath === state.route);
    this.element.classList.toggle('phone--tab', Boolean(this.tabBar) && onTab && this.tabBarVisible);
    for (const item of this.tabs) {
      const on = item.dataset.route === state.route;
      item.classList.toggle('tab-bar__item--on', on);
      item.style.color = on ? (this.app.tabBar?.selectedColor ?? '#000') : (this.app.tabBar?.color ?? '#666');
      const icon = item.querySelector('img');
      const tab = tabList.find((t) => t.pagePath === item.dataset.route);
      if (icon && tab) icon.src = `/preview/miniprogram/${on && tab.selectedIconPath ? tab.selectedIconPath : tab.iconPath}`;
    }
  }

  setTitle(title: string): void {
    this.title.textContent = title;
  }

  private tab(index: number): HTMLElement {
    const item = this.tabs[index];
    if (!item) throw new Error(`tabbar item not found: index ${index}`);
    return item;
  }

  setBadge(index: number, text: string | null): void {
    const badge = this.tab(index).querySelector<HTMLElement>('.tab-bar__badge')!;
    badge.hidden = text === null;
    badge.classList.remove('tab-bar__badge--dot');
    badge.textContent = text ?? '';
  }

  setRedDot(index: number, on: boolean): void {
    const badge = this.tab(index).querySelector<HTMLElement>('.tab-bar__badge')!;
    badge.hidden = !on;
    badge.textContent = '';
    badge.classList.toggle('tab-bar__badge--dot', on);
  }

  /** wx.showTabBar / hideTabBar: the tab bar stays as asked on every tab page until asked again. */
  setTabBarVisible(visible: boolean): void {
    this.tabBarVisible = visible;
    if (this.shown) this.showNavigation(this.shown);
  }
}
