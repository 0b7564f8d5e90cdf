/**
 * 排行's buttons for a group chat: the card from a visible share button on every board, the picture
 * of the board's top drawn on the page's canvas 2d and offered in WeChat's picture menu, and the
 * 荣誉证书 of an ended year's first places (第十八条).
 */
import type { DataOf, UnitBoard } from '../../typings/api';
import { jingmenTerms } from './support/builders';
import { ok, stubApi } from './support/cloud';
import { settle } from './support/load';
import { openPageAt, tapNode, textIn } from './support/page';
import { aRow } from './support/records';
import { argsOf, restoreWx, stubWx } from './support/wx';
import { chinaDay } from '../../miniprogram/format/dates';

const PAGE = 'pages/ranking/index';

type Board = DataOf<'ranking.get'>;

function board(overrides: Partial<Board> = {}): Board {
  return { period: 'month', key: '2026-11', rows: [], me: null, terms: jingmenTerms(), ...overrides };
}

/** A canvas 2d node as a selector query answers it, recording the texts painted on it. */
function fakeCanvas() {
  const painted: string[] = [];
  const context = new Proxy({} as Record<string, unknown>, {
    get: (target, name: string) => (name in target ? target[name] : name === 'fillText' ? (text: string) => painted.push(text) : () => undefined),
    set: (target, name: string, value) => {
      target[name] = value;
      return true;
    },
  });
  const canvas = { width: 300, height: 150, getContext: () => context };
  const query = { in: () => query, select: () => query, fields: () => query, exec: (callback: (r: unknown[]) => void) => callback([{ node: canvas }]) };
  stubWx('createSelectorQuery', () => query);
  const toFile = stubWx('canvasToTempFilePath', async () => ({ tempFilePath: 'wxfile://tmp_board.png', errMsg: 'canvasToTempFilePath:ok' }));
  const menu = stubWx('showShareImageMenu', async () => ({ errMsg: 'showShareImageMenu:ok' }));
  return { canvas, painted, toFile, menu };
}

const instance = (page: ReturnType<typeof openPageAt>) => page.instance as unknown as { onShareAppMessage(): { title: string; path: string } };

beforeEach(() => {
  stubWx('showShareMenu');
  stubWx('showToast');
  stubWx('showLoading');
  stubWx('hideLoading');
});

afterEach(() => restoreWx());

describe('排行 page: sharing from a visible button', () => {
  it('offers a share button on the board, whose card names the board', async () => {
    stubApi({ 'ranking.get': ok(board({ rows: [aRow({ name: '王会长', total: 120 })] })) });
    const page = openPageAt(PAGE);
    await settle();

    const buttons = page.querySelectorAll('.share-button');
    expect(buttons.map((b) => textIn(b))).toEqual(['分享到群聊', '生成排行图片']);
    expect(instance(page).onShareAppMessage().title).toBe('2026年11月 全会 积分排行：王会长 120 分居首');
  });

  it('shares the board of units with its own title and a path that opens it', async () => {
    const units: UnitBoard = {
      by: 'unit',
      period: 'month',
      key: '2026-11',
      me: null,
      terms: jingmenTerms(),
      rows: [{ unitId: 'b1', name: '东宝分会', total: 1200, rank: 1, members: 20, average: 60 }],
    };
    stubApi({ 'ranking.get': (payload) => ok(payload.by === 'unit' ? (units as unknown as Board) : board()) });
    const page = openPageAt(PAGE, { period: 'month', key: '2026-11', by: 'unit' });
    await settle();

    expect(page.querySelectorAll('.unit-row').map((n) => textIn(n))).toEqual(['1东宝分会20 人 · 人均 60 分1200 分']);
    expect(instance(page).onShareAppMessage()).toEqual({ title: '2026年11月 分会排名：东宝分会 1200 分居首', path: '/pages/ranking/index?period=month&key=2026-11&by=unit' });
  });
});

describe('排行 page: the picture of the board', () => {
  it('draws the title, the organisation and the top rows on the canvas and opens the picture menu on the file', async () => {
    const { canvas, painted, toFile, menu } = fakeCanvas();
    stubApi({ 'ranking.get': ok(board({ rows: [aRow({ memberId: 'a', name: '王会长', total: 120, rank: 1 }), aRow({ memberId: 'b', name: '马丽', total: 80, rank: 2, branchName: null })] })) });
    const page = openPageAt(PAGE);
    await settle();

    await tapNode(page.querySelectorAll('.share-button')[1]);
    await settle();

    expect(painted.slice(0, 10)).toEqual(['荆门市新的社会阶层人士联谊会', '2026年11月 全会 积分排行', '1', '王会长', '东宝分会', '120 分', '2', '马丽', '总会直属', '80 分']);
    expect(canvas.width).toBe(1200);
    expect(argsOf(toFile)[0]).toMatchObject({ canvas, fileType: 'png' });
    expect(argsOf(menu)).toEqual([{ path: 'wxfile://tmp_board.png' }]);
  });

  it('says so in Chinese when the picture cannot be drawn', async () => {
    const toast = stubWx('showToast');
    stubWx('createSelectorQuery', () => {
      const query = { in: () => query, select: () => query, fields: () => query, exec: (callback: (r: unknown[]) => void) => callback([null]) };
      return query;
    });
    stubApi({ 'ranking.get': ok(board({ rows: [aRow()] })) });
    const page = openPageAt(PAGE);
    await settle();

    await tapNode(page.querySelectorAll('.share-button')[1]);
    await settle();

    expect(argsOf(toast)).toEqual([{ title: '图片生成失败，请稍后重试', icon: 'none' }]);
  });
});

describe('排行 page: the 荣誉证书 of a year’s first places (第十八条)', () => {
  const lastYear = String(Number(chinaDay().slice(0, 4)) - 1);
  const yearBoard = (key: string, rank: number) =>
    board({ period: 'year', key, rows: [aRow({ memberId: 'a', name: '王会长', rank: 1, total: 900 }), aRow({ memberId: 'me', name: '马丽', rank, total: 460 })], me: { memberId: 'me', rank, total: 460 } });

  it('offers a member in the first ten of last year’s board a certificate, drawn with their name, the year, rank and points', async () => {
    const { painted, menu } = fakeCanvas();
    stubApi({ 'ranking.get': ok(yearBoard(lastYear, 3)) });
    const page = openPageAt(PAGE, { period: 'year', key: lastYear });
    await settle();

    expect(textIn(page.querySelector('.certificate__text'))).toBe(`您位列本榜第 3 名，可领取${lastYear}年度荣誉证书`);
    await tapNode(page.querySelector('.certificate__button'));
    await settle();

    expect(painted[0]).toBe('荣誉证书');
    expect(painted).toContain('马丽：');
    expect(painted.join('')).toContain(`${lastYear}年度积分排名（全会）中位列第 3 名，年度积分 460 分`);
    expect(menu).toHaveBeenCalledTimes(1);
  });

  it('offers none for the year still running, nor to the eleventh', async () => {
    stubApi({ 'ranking.get': (payload) => ok(payload.key === lastYear ? yearBoard(lastYear, 11) : yearBoard(chinaDay().slice(0, 4), 1)) });
    const page = openPageAt(PAGE, { period: 'year' });
    await settle();
    expect(page.querySelector('.certificate')).toBeUndefined();

    const eleventh = openPageAt(PAGE, { period: 'year', key: lastYear });
    await settle();
    expect(eleventh.querySelector('.certificate')).toBeUndefined();
  });
});
