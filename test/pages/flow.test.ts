/**
 * The core flow with the pages talking to the real `api` function in the in-process local cloud (no
 * stubs): a member reports on 申报, the branch president endorses and the final reviewer approves
 * on 审批, and the points show on the member's 我的 and on 排行.
 */
import { runTs } from '../support/ts-process';
import * as path from 'path';
import { ApiHarness } from '../support/api';
import { openidOf, standardAssociation } from '../support/fixtures';
import { callPage, emit, openPage, settle, tap, tapText, textOf, type RenderedPage } from './support/load';
import { openPageAt } from './support/page';
import { argsOf, restoreWx, stubWx } from './support/wx';

const REPO_ROOT = path.resolve(__dirname, '..', '..');

let h: ApiHarness;
let caller = '';

/** wx.cloud.callFunction, answered by the local cloud as the current caller. */
function routeCloudCallsTo(harness: ApiHarness): void {
  const scope = globalThis as unknown as { wx: Record<string, unknown> };
  scope.wx.cloud = {
    callFunction: async ({ name, data }: { name: string; data: unknown }) => ({
      result: await harness.cloud.invoke(name, data, { openid: caller, timeoutMs: 60_000 }),
      errMsg: 'cloud.callFunction:ok',
    }),
  };
}

/** Waits until the page has had its cloud calls answered (each is a real function run). */
async function until(page: RenderedPage, ready: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (ready()) return;
    await settle();
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`timed out waiting for ${what}; page shows: ${page.dom?.textContent?.slice(0, 300)}`);
}

/** jsdom leaves out structuredClone, which the local cloud's store uses for isolation. */
function provideStructuredClone(): void {
  const scope = globalThis as unknown as { structuredClone?: <T>(value: T) => T };
  if (scope.structuredClone) return;
  const v8 = require('v8') as typeof import('v8');
  scope.structuredClone = <T>(value: T): T => v8.deserialize(v8.serialize(value)) as T;
}

beforeAll(() => {
  provideStructuredClone();
  // esbuild cannot run inside jsdom, so the functions are built in a child process.
  const build = runTs(path.join(REPO_ROOT, 'scripts', 'build.ts'), [], { cwd: REPO_ROOT });
  if (build.status !== 0) throw new Error(`building the cloud functions failed:\n${build.stderr}${build.stdout}`);
}, 120_000);

beforeEach(() => {
  h = new ApiHarness();
  standardAssociation(h);
  routeCloudCallsTo(h);
  stubWx('showToast');
  stubWx('setTabBarBadge');
  stubWx('removeTabBarBadge');
});

afterEach(() => {
  restoreWx();
  h.close();
});

it('takes a self-report from 申报 through both reviews on 审批 to the totals on 我的 and 排行', async () => {
  caller = openidOf('m1');
  const report = openPage('pages/report/index');
  await until(report, () => textOf(report, '.field-item') !== null, 'the catalog');
  await tap(report, '.field-item');
  await tapText(report, '.picker__category', '办实事');
  await tapText(report, '.picker__item', '价值无法量化');
  await emit(report, '.points-stepper', 'change', { value: 4 });
  await emit(report, '.note-input', 'change', { value: '助老志愿服务' });
  await tap(report, '.submit');
  await until(report, () => textOf(report, '.done__title') !== null, 'the submission');
  expect(textOf(report, '.done__item')).toBe('办实事（价值无法量化）　+4 分');
  expect(textOf(report, '.done__waiting')).toContain('审核');

  for (const reviewer of ['b1head', 'president']) {
    caller = openidOf(reviewer);
    const inbox = openPageAt('pages/inbox/index', {});
    await until(inbox, () => inbox.querySelectorAll('.inbox-claim').length === 1, `${reviewer}'s inbox`);
    expect(textOf(inbox, ['.inbox-claim', '.claim-card__item'])).toBe('办实事（价值无法量化）');
    await tap(inbox, ['.inbox-claim', '.claim-card__approve']);
    await until(inbox, () => inbox.querySelectorAll('.inbox-claim').length === 0, `${reviewer}'s approval`);
  }

  caller = openidOf('m1');
  const mine = openPage('pages/mine/index');
  await until(mine, () => textOf(mine, '.points') !== null, 'the home screen');
  expect(textOf(mine, '.points')).toMatch(/^\d+月4第 1 名\d{4}年4第 1 名累计4第 1 名$/);
  expect(textOf(mine, '.recent__row')).toContain('办实事（价值无法量化）');
  expect(textOf(mine, '.recent__row')).toContain('+4');

  const ranking = openPageAt('pages/ranking/index', {});
  await until(ranking, () => ranking.querySelectorAll('.row').length > 0, 'the board');
  expect(textOf(ranking, '.row')).toContain('会员甲');
  expect(textOf(ranking, '.mine-rank')).toBe('第 1 名');
  expect(textOf(ranking, '.mine-total')).toBe('4 分');
}, 120_000);

it("shows the reviewer's 我的 (banner, tile and tab-bar badges) and 排行 what an approval on 审批 changed, without a pull", async () => {
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  for (const key of ['m1', 'm2']) {
    const { claim } = await h.ok(openidOf(key), 'claim.submit', { itemId: 'honor.city', occurredOn: today, note: '获市级表彰' });
    // A 2-point endorser: final review falls to the secretary-general (第十四条).
    await h.ok(openidOf('b1lead'), 'claim.decide', { claimId: claim._id, decision: 'approve' });
  }
  const setTabBarBadge = stubWx('setTabBarBadge');
  caller = openidOf('secgen');
  const mine = openPage('pages/mine/index');
  await until(mine, () => textOf(mine, '.inbox-banner__count') === '2', 'two claims waiting on 我的');
  const ranking = openPageAt('pages/ranking/index', {});
  await until(ranking, () => ranking.instance.data.status === 'loaded', 'the board');
  expect(textOf(ranking, '.row') ?? '').not.toContain('会员甲');

  const inbox = openPageAt('pages/inbox/index', {});
  await until(inbox, () => inbox.querySelectorAll('.inbox-claim').length === 2, 'the inbox');
  await tap(inbox, ['.inbox-claim', '.claim-card__approve']);
  await until(inbox, () => inbox.querySelectorAll('.inbox-claim').length === 1, 'the approval');

  // Back on 我的 and then on 排行: WeChat shows them again, and they reload what the approval changed.
  await callPage(mine, 'onShow');
  await until(mine, () => textOf(mine, '.inbox-banner__count') === '1', 'one claim left on 我的');
  expect(mine.instance.data.links.find((link: { page: string }) => link.page === 'inbox')).toMatchObject({ badge: 1 });
  expect(argsOf(setTabBarBadge).at(-1)).toMatchObject({ index: 0, text: '1' });
  await callPage(ranking, 'onShow');
  await until(ranking, () => (textOf(ranking, '.row') ?? '').includes('会员甲'), 'the approved points on the board');

  // Shown again with nothing changed since: no call.
  const calls = jest.spyOn(wx.cloud, 'callFunction');
  await callPage(mine, 'onShow');
  await callPage(ranking, 'onShow');
  expect(calls).not.toHaveBeenCalled();
}, 120_000);
