/**
 * What another page shows goes stale when an action changes it. Tab pages stay alive while the user
 * moves between them, and 我的 stays under the pages it opens, so a page that shows data an action
 * has just changed reloads when it is shown next: an approval in 审批 changes 我的's inbox banner,
 * tile badge and tab-bar badge, and the boards of 排行.
 *
 * services/api.ts marks the data sets an action changes as soon as it succeeds (`markStaleAfter`),
 * whichever page called it; each page that shows a set asks in its onShow (`consumeStale`).
 */
import type { ActionName } from '../../typings/api';

/**
 * home: 我的 (standings, recent entries, the inbox count on its banner, tile and tab bar);
 * claims and ledger: 明细's two lists; ranking: 排行's boards.
 */
export type DataSet = 'home' | 'claims' | 'ledger' | 'ranking';

const EVERYTHING: readonly DataSet[] = ['home', 'claims', 'ledger', 'ranking'];
const CLAIM_FILED: readonly DataSet[] = ['home', 'claims'];
const POINTS_POSTED: readonly DataSet[] = ['home', 'ledger', 'ranking'];

/**
 * What each action makes stale. Exhaustive on purpose: an action added to the contract fails the type
 * check here until it says what it changes. Reading actions change nothing.
 */
const CHANGES: Record<ActionName, readonly DataSet[]> = {
  'me.get': [],
  'home.get': [],
  'members.list': [],
  'catalog.get': [],
  'claim.get': [],
  'claim.mine': [],
  'inbox.list': [],
  'ranking.get': [],
  'ranking.scopes': [],
  'ledger.list': [],
  'notice.list': [],
  'outcome.list': [],
  'admin.dues.list': [],
  'admin.export': [],
  'reminder.list': [],
  'veto.list': [],
  'bottom.list': [],
  // A 通报 or 谈话提醒 shows only on 排名靠后, which reloads itself after recording.
  'reminder.record': [],
  // A new binding or template changes who the caller is and every figure they see.
  'me.bind': EVERYTHING,
  'admin.scheme.adopt': EVERYTHING,
  // A claim filed or withdrawn: my claims on 明细, and the inbox count of a reviewer who files one.
  'claim.submit': CLAIM_FILED,
  'claim.withdraw': CLAIM_FILED,
  'award.propose': CLAIM_FILED,
  'entry.reverse': CLAIM_FILED,
  'entry.correct': CLAIM_FILED,
  'objection.submit': CLAIM_FILED,
  'item.propose': CLAIM_FILED,
  // A veto proposed waits in its deciders' inboxes (我的's count) and on the proposer's 明细.
  'veto.propose': CLAIM_FILED,
  // A decision leaves the inbox (我的's count) and, approved, posts points (明细 of those a leader sees, the boards).
  'claim.decide': POINTS_POSTED,
  'admin.dues.record': POINTS_POSTED,
  'admin.dues.void': POINTS_POSTED,
  // Names, units and categories show on the boards and on 我的.
  'admin.members.import': ['home', 'ranking'],
  'admin.members.update': ['home', 'ranking'],
  // A new catalog version changes no figure shown; 申报 and 奖分 read the catalog when opened.
  'admin.scheme.publish': [],
  // A period closed, published or made final: 我的's year score and the boards.
  'admin.period.close': ['home', 'ranking'],
  'admin.period.publish': ['home', 'ranking'],
  'admin.period.finalize': ['home', 'ranking'],
  // 固定积分 (seeds/004 五、1): attributes change no figure until a month is credited; attendance posts points.
  'admin.attributes.set': [],
  'admin.attendance.record': POINTS_POSTED,
  'admin.attendance.get': [],
  'admin.negatives.list': [],
  // A reprieve shows only on the month-end list, which reloads itself after recording.
  'admin.reprieve.record': [],
  // 积分超市: a reservation, its return or handing over moves the balance on 我的 and an entry on 明细; boards never move (S1).
  'shop.list': [],
  'redeem.mine': [],
  'redeem.lookup': [],
  'shop.export': [],
  'shop.reward.save': [],
  'redeem.request': ['home', 'ledger'],
  'redeem.cancel': ['home', 'ledger'],
  'redeem.fulfil': [],
};

interface StaleState {
  stale: Partial<Record<DataSet, true>>;
}

/** Outside WeChat's app (a module loaded on its own), the marks live here instead. */
const detached: StaleState = { stale: {} };

/** The marks live in the app's globalData, shared by every page for the session (nothing durable). */
function state(): StaleState {
  const app = typeof getApp === 'function' ? getApp<{ globalData: Record<string, unknown> }>() : undefined;
  if (!app) return detached;
  const globalData = app.globalData ?? (app.globalData = {});
  const existing = globalData.stale as StaleState | undefined;
  if (existing) return existing;
  const created: StaleState = { stale: {} };
  globalData.stale = created;
  return created;
}

export function markStale(...sets: readonly DataSet[]): void {
  const { stale } = state();
  for (const set of sets) stale[set] = true;
}

/** Called by services/api.ts when `action` succeeded. */
export function markStaleAfter(action: ActionName): void {
  markStale(...(CHANGES[action] ?? []));
}

/** Whether `set` changed since it was last consumed; clears the mark. Pages ask in their onShow. */
export function consumeStale(set: DataSet): boolean {
  const { stale } = state();
  const was = stale[set] === true;
  delete stale[set];
  return was;
}
