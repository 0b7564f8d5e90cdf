/**
 * Tab pages stay alive while the user moves between them, so a page that shows data another page has
 * just changed (a claim submitted on 申报 shows on 明细 and 我的) reloads when it is shown next.
 * A writing page marks what it changed; the reading page consumes the mark in its onShow.
 */
export type DataSet = 'home' | 'claims' | 'ledger';

interface FreshnessState {
  stale: Partial<Record<DataSet, true>>;
}

function state(): FreshnessState {
  const app = getApp<{ globalData: Record<string, unknown> }>();
  const globalData = app.globalData ?? (app.globalData = {});
  const existing = globalData.freshness as FreshnessState | undefined;
  if (existing) return existing;
  const created: FreshnessState = { stale: {} };
  globalData.freshness = created;
  return created;
}

export function markStale(...sets: DataSet[]): void {
  const { stale } = state();
  for (const set of sets) stale[set] = true;
}

/** Whether `set` changed since it was last consumed; clears the mark. */
export function consumeStale(set: DataSet): boolean {
  const { stale } = state();
  const was = stale[set] === true;
  delete stale[set];
  return was;
}
