/**
 * The core flow with the pages talking to the real `api` function in the in-process local cloud (no
 * stubs): a member reports on 申报, the branch president endorses and the final reviewer approves
 * on 审批, and the points show on the member's 我的 and on 排行.
 */
import { runTs } from '../support/ts-process';
import * as path from 'path';
import { ApiHarness } from '../support/api';
import { openidOf, standardAssociation } from '../support/fixtures';
import { emit, openPage, settle, tap, tapText, textOf, type RenderedPage } from './support/load';
import { openPageAt } from './support/page';
import { restoreWx, stubWx } from './support/wx';

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
