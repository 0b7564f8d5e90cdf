import { aLedgerEntry, aStanding } from './support/builders';
import { exists, openPage, settle, tap, textOf, type RenderedPage } from './support/load';

/** Listens to an event the component triggers (j-component has addEventListener; its typings omit it). */
function listen(component: RenderedPage, event: string): jest.Mock {
  const handler = jest.fn();
  (component as unknown as { addEventListener(name: string, h: (e: unknown) => void): void }).addEventListener(event, handler);
  return handler;
}

describe('state-view', () => {
  it('shows a spinner with 加载中… while loading, and no button', () => {
    const view = openPage('components/state-view/index', { status: 'loading' });

    expect(textOf(view, '.state-view')).toBe('加载中…');
    expect(exists(view, '.state-view__button')).toBe(false);
  });

  it('offers 重试 on error and reports the tap as action', async () => {
    const view = openPage('components/state-view/index', { status: 'error', message: '网络异常，请稍后重试' });
    const action = listen(view, 'action');

    await tap(view, '.state-view__button');

    expect(textOf(view, '.state-view')).toBe('网络异常，请稍后重试重试');
    expect(action).toHaveBeenCalledTimes(1);
  });

  it('shows what an empty list means, with a button only when given one', () => {
    expect(textOf(openPage('components/state-view/index', { status: 'empty' }), '.state-view')).toBe('暂无内容');
    expect(textOf(openPage('components/state-view/index', { status: 'empty', message: '还没有申请', actionText: '去申报' }), '.state-view')).toBe('还没有申请去申报');
  });
});

describe('points-card', () => {
  it('shows dashes and no rank before there are standings', () => {
    const card = openPage('components/points-card/index');

    expect(textOf(card, '.points-card')).toBe('本月–暂无排名本年–暂无排名累计–暂无排名');
  });

  it('names the month and year it shows and reports which one was tapped', async () => {
    const card = openPage('components/points-card/index', {
      standings: { month: aStanding({ key: '2026-03', total: 12, rank: 4 }), year: aStanding({ key: '2026', total: 80, rank: 9 }), all: aStanding({ key: 'all', total: 300, rank: null }) },
    });
    const select = listen(card, 'select');
    await settle();

    await tap(card, '.points-card__column--year');

    expect(textOf(card, '.points-card')).toBe('3月12第 4 名2026年80第 9 名累计300暂无排名');
    expect(select.mock.calls[0][0].detail).toEqual({ period: 'year' });
  });
});

describe('entry-row', () => {
  it('shows a gain in red with its day, and whose entry it is when asked', () => {
    const row = openPage('components/entry-row/index', { entry: aLedgerEntry({ memberName: '陈静', occurredOn: '2024-05-04', points: 20 }), showMember: true });

    expect(textOf(row, '.entry-row__subtitle')).toBe('陈静 · 2024年5月4日');
    expect(textOf(row, '.points-positive')).toBe('+20');
  });

  it('marks a reversing entry 冲正 and shows its reason', () => {
    const row = openPage('components/entry-row/index', { entry: aLedgerEntry({ points: -20, reverses: 'e0', note: '重复记入' }) });

    expect(textOf(row, '.entry-row__title')).toBe('冲正参加市新联会会议');
    expect(textOf(row, '.points-negative')).toBe('-20');
    expect(textOf(row, '.entry-row__note')).toBe('重复记入');
  });

  it('says an entry without a claim was recorded by the system (dues, 第五条)', () => {
    const row = openPage('components/entry-row/index', { entry: aLedgerEntry({ claimId: null, occurredOn: '2024-05-01' }) });

    expect(textOf(row, '.entry-row__subtitle')).toBe('2024年5月1日 · 系统记入');
  });
});
