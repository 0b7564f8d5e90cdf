import { eventsOf, fail, ok, stubApi } from './support/cloud';
import { emit, exists, settle, textOf, textsOf } from './support/load';
import { openPageAt, press, tapNode } from './support/page';
import { aListing, aReward } from './support/shop';
import { answerModal, restoreWx, stubWx } from './support/wx';
import { rewardFormOf, rewardInputOf } from '../../miniprogram/pages/shop/reward-form';
import type { Reward } from '../../typings/api';

const PAGE = 'pages/shop/index';

const saves = (callFunction: jest.Mock) => eventsOf(callFunction).filter((e) => e.action === 'shop.reward.save').map((e) => e.payload);
const saved = (payload: Partial<Reward>): Reward => ({ _id: 'reward-new', name: '', cost: 1, stock: 0, keeper: '', active: true, updatedAt: '2026-11-30T02:00:00.000Z', ...payload });

beforeEach(() => {
  stubWx('showToast');
});

afterEach(() => {
  restoreWx();
});

/** What shop.list answers a manager: each reward's 财政补助 share and the template's (S23); the oil is a partner's at 30%. */
const managerListing = () =>
  aListing({
    manager: true,
    subsidyShare: 0.5,
    rewards: [aReward({ subsidyShare: 0.5 }), aReward({ rewardId: 'reward-oil', name: '食用油（5升）', cost: 60, stock: 20, keeper: '石板村积分超市', subsidyShare: 0.3 })],
  });

async function openAsManager(stubs: Parameters<typeof stubApi>[0] = {}) {
  const callFunction = stubApi({ 'shop.list': ok(managerListing()), 'shop.reward.save': (input) => ok({ reward: saved(input) }), ...stubs });
  const page = openPageAt(PAGE);
  await settle();
  return { page, callFunction };
}

const field = (page: Awaited<ReturnType<typeof openAsManager>>['page'], name: string, value: string) => emit(page, ['.reward-editor', `.editor__${name}`], 'change', { value });

describe('the rewards of the 积分超市, kept by its managers (S2)', () => {
  it('adds a reward with its price in points, its stock and who keeps it, then shows the shelf again', async () => {
    const { page, callFunction } = await openAsManager();
    await press(page.querySelector('.add-reward'));
    expect(textOf(page, ['.reward-editor', '.editor__title'])).toBe('新增商品');
    await field(page, 'name', ' 香皂 ');
    await field(page, 'cost', '5');
    await field(page, 'stock', '100');
    await press(page.querySelector('.reward-editor')?.querySelector('.editor__save'));

    expect(saves(callFunction)).toEqual([{ name: '香皂', cost: 5, stock: 100, keeper: '村口便民超市' }]);
    expect(eventsOf(callFunction).filter((e) => e.action === 'shop.list')).toHaveLength(2);
    expect((page.instance.data as { editing: unknown }).editing).toBeNull();
  });

  it('changes a reward’s stock, and withdraws one after a confirmation', async () => {
    answerModal(true);
    const { page, callFunction } = await openAsManager();
    await tapNode(page.querySelectorAll('.reward__main')[1]);
    expect(textOf(page, ['.reward-editor', '.editor__title'])).toBe('修改商品');
    await field(page, 'stock', '35');
    await press(page.querySelector('.reward-editor')?.querySelector('.editor__save'));
    await tapNode(page.querySelectorAll('.reward__main')[0]);
    await press(page.querySelector('.reward-editor')?.querySelector('.editor__withdraw'));

    expect(saves(callFunction)).toEqual([
      { rewardId: 'reward-oil', name: '食用油（5升）', cost: 60, stock: 35, keeper: '石板村积分超市' },
      { rewardId: 'reward-toothpaste', name: '牙膏', cost: 8, stock: 60, keeper: '村口便民超市', active: false },
    ]);
  });

  it('names the field at fault before asking, and shows the server’s refusal as it comes', async () => {
    const { page, callFunction } = await openAsManager({ 'shop.reward.save': fail('FORBIDDEN', '只有积分超市的管理人员或秘书处可以管理兑换商品') });
    await press(page.querySelector('.add-reward'));
    await field(page, 'name', '毛巾');
    await field(page, 'cost', '8.5');
    await press(page.querySelector('.reward-editor')?.querySelector('.editor__save'));
    expect(textOf(page, ['.reward-editor', '.editor__error'])).toBe('所需积分应为不小于 1 的整数（1 积分 = 1 元）');
    expect(saves(callFunction)).toEqual([]);

    await field(page, 'cost', '8');
    await field(page, 'stock', '10');
    await press(page.querySelector('.reward-editor')?.querySelector('.editor__save'));
    expect(textOf(page, ['.reward-editor', '.editor__error'])).toBe('只有积分超市的管理人员或秘书处可以管理兑换商品');
  });

  it('shows the template’s 50% for a new reward and saves a partner shop’s goods at a lower share', async () => {
    const { page, callFunction } = await openAsManager();
    await press(page.querySelector('.add-reward'));
    expect(textOf(page, ['.reward-editor', '.editor__hint'])).toBe('按商品单价计，最高 50%；合作商店的商品可以低一些。');
    expect((page.querySelector('.reward-editor')?.querySelector('.editor__share')?.instance?.data as { value: string } | undefined)?.value).toBe('50');
    await field(page, 'name', '洗衣粉');
    await field(page, 'cost', '12');
    await field(page, 'stock', '40');
    await field(page, 'keeper', '惠民超市');
    await field(page, 'share', '20');
    await press(page.querySelector('.reward-editor')?.querySelector('.editor__save'));

    expect(saves(callFunction)).toEqual([{ name: '洗衣粉', cost: 12, stock: 40, keeper: '惠民超市', subsidyShare: 0.2 }]);
  });

  it('opens a reward with its own share, and keeps it when another field is changed', async () => {
    const { page, callFunction } = await openAsManager();
    await tapNode(page.querySelectorAll('.reward__main')[1]);
    expect((page.querySelector('.reward-editor')?.querySelector('.editor__share')?.instance?.data as { value: string } | undefined)?.value).toBe('30');
    await field(page, 'cost', '58');
    await press(page.querySelector('.reward-editor')?.querySelector('.editor__save'));
    await tapNode(page.querySelectorAll('.reward__main')[1]);
    await field(page, 'share', '25');
    await press(page.querySelector('.reward-editor')?.querySelector('.editor__save'));

    expect(saves(callFunction)).toEqual([
      { rewardId: 'reward-oil', name: '食用油（5升）', cost: 58, stock: 20, keeper: '石板村积分超市' },
      { rewardId: 'reward-oil', name: '食用油（5升）', cost: 60, stock: 20, keeper: '石板村积分超市', subsidyShare: 0.25 },
    ]);
  });

  it('refuses a share beyond the template’s before asking, in the server’s words', async () => {
    const { page, callFunction } = await openAsManager();
    await tapNode(page.querySelectorAll('.reward__main')[0]);
    await field(page, 'share', '60');
    await press(page.querySelector('.reward-editor')?.querySelector('.editor__save'));
    expect(textOf(page, ['.reward-editor', '.editor__error'])).toBe('财政补助比例应在 0 到 50% 之间');
    expect(saves(callFunction)).toEqual([]);
  });

  it('shows the managers each reward’s 财政补助, and a household none', async () => {
    const { page } = await openAsManager();
    expect(textsOf(page, '.reward__subsidy')).toEqual(['财政补助 50%', '财政补助 30%']);

    stubApi({ 'shop.list': ok(aListing()) });
    const household = openPageAt(PAGE);
    await settle();
    expect(textsOf(household, '.reward__name')).toEqual(['牙膏', '食用油（5升）']);
    expect(textsOf(household, '.reward__subsidy')).toEqual([]);
  });

  it('offers a household neither 新增商品 nor 修改', async () => {
    stubApi({ 'shop.list': ok(aListing()) });
    const page = openPageAt(PAGE);
    await settle();
    expect(exists(page, '.add-reward')).toBe(false);
    expect(textsOf(page, '.reward__edit')).toEqual([]);
    await tapNode(page.querySelectorAll('.reward__main')[0]);
    expect((page.instance.data as { editing: unknown }).editing).toBeNull();
  });
});

describe('a reward’s form', () => {
  it('asks for a name, a whole price of at least 1, a whole stock and a keeper', () => {
    const form = { name: '大米', cost: '30', stock: '0', keeper: '石板村积分超市', share: '50', shareWas: '50' };
    expect(rewardInputOf(form, null, 0.5)).toEqual({ input: { name: '大米', cost: 30, stock: 0, keeper: '石板村积分超市' } });
    expect(rewardInputOf({ ...form, name: ' ' }, null, 0.5)).toEqual({ error: '请填写商品名称' });
    expect(rewardInputOf({ ...form, cost: '0' }, null, 0.5)).toMatchObject({ error: expect.stringContaining('所需积分') });
    expect(rewardInputOf({ ...form, stock: '-1' }, null, 0.5)).toEqual({ error: '库存应为不小于 0 的整数' });
    expect(rewardInputOf({ ...form, keeper: '' }, 'r-1', 0.5)).toMatchObject({ error: expect.stringContaining('兑换点') });
  });

  it('opens with the template’s share for a new reward and the reward’s own on edit, in percent', () => {
    expect(rewardFormOf(null, '石板村积分超市', 0.5)).toMatchObject({ share: '50', shareWas: '50' });
    expect(rewardFormOf(aReward({ subsidyShare: 0.375 }), '', 0.5)).toMatchObject({ share: '37.5', shareWas: '37.5' });
  });

  it('takes a share of 0 to the template’s percent, sends it as a fraction only when changed, and refuses the rest in the server’s words', () => {
    const form = { name: '食用油', cost: '60', stock: '20', keeper: '惠民超市', share: '30', shareWas: '30' };
    const shareOf = (share: string) => rewardInputOf({ ...form, share }, 'r-oil', 0.5);
    expect(shareOf('30')).toEqual({ input: { rewardId: 'r-oil', name: '食用油', cost: 60, stock: 20, keeper: '惠民超市' } });
    expect(shareOf('30.0')).toEqual(shareOf('30'));
    expect(shareOf('0')).toMatchObject({ input: { subsidyShare: 0 } });
    expect(shareOf('33.33')).toMatchObject({ input: { subsidyShare: 0.3333 } });
    expect(shareOf('50')).toMatchObject({ input: { subsidyShare: 0.5 } });
    for (const beyond of ['50.5', '60', '-5', '', '三十', '12.345']) expect(shareOf(beyond)).toEqual({ error: '财政补助比例应在 0 到 50% 之间' });
  });
});
