/**
 * Where each page lives and how to get there: tab pages (app.json tabBar) only open with switchTab,
 * the others with navigateTo. Keep TAB_PAGES in step with app.json's tabBar.
 */
export const PAGES = {
  mine: '/pages/mine/index',
  report: '/pages/report/index',
  ranking: '/pages/ranking/index',
  ledger: '/pages/ledger/index',
  inbox: '/pages/inbox/index',
  award: '/pages/award/index',
  notices: '/pages/notices/index',
  outcomes: '/pages/outcomes/index',
  admin: '/pages/admin/index',
  bind: '/pages/bind/index',
  roster: '/pages/roster/index',
  'member-ledger': '/pages/member-ledger/index',
  reminders: '/pages/reminders/index',
  elimination: '/pages/elimination/index',
  shop: '/pages/shop/index',
  'shop-desk': '/pages/shop-desk/index',
} as const;

export type PageName = keyof typeof PAGES;

const TAB_PAGES: ReadonlySet<PageName> = new Set<PageName>(['mine', 'report', 'ranking', 'ledger']);

export function isTabPage(page: PageName): boolean {
  return TAB_PAGES.has(page);
}

export function isPageName(name: unknown): name is PageName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(PAGES, name);
}

/** Opens a page the way WeChat allows for it; tab pages take no query (switchTab drops it). */
export function goTo(page: PageName, query: Record<string, string | number> = {}): void {
  if (isTabPage(page)) {
    wx.switchTab({ url: PAGES[page] });
    return;
  }
  const search = Object.entries(query)
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`)
    .join('&');
  wx.navigateTo({ url: search ? `${PAGES[page]}?${search}` : PAGES[page] });
}

/**
 * A query value as goTo wrote it: WeChat hands some over still encoded and some already decoded, so a
 * value that does not decode (a literal '%') is taken as it is. '' when absent.
 */
export function queryValue(value: string | undefined): string {
  try {
    return decodeURIComponent(value ?? '');
  } catch {
    return value ?? '';
  }
}

/** Starts over at 我的 with a fresh first screen (after binding an account). */
export function restartAtHome(): void {
  wx.reLaunch({ url: PAGES.mine });
}
