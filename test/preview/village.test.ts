/**
 * The village template in the browser (seeds/004 第三篇 四(五)1②): a household's 户主 opens the 积分超市
 * from 我的, reserves a reward and is shown the pickup code; the 超市管理员 types the code at the desk
 * (扫码 cannot work in the preview, and says so) and hands the reward over. Handing over is allowed on
 * redemption days only (S7), so the local cloud's clock is moved to the next one for this suite: the
 * household reserves and collects the same day, as most do at a 兑换活动. A 村干部 who manages the shop
 * sees each reward's 财政补助 and adds a partner shop's goods at a lower share (S23).
 */
import { travelTo } from '../../localcloud/clock';
import { shanghaiDate } from '../../domain/periods';
import { shopDaysOf } from '../../domain/shop';
import { VILLAGE_SCHEME } from '../../domain/schemes/village';
import { previewSuite } from './support/suite';

const suite = previewSuite({ template: 'village' });
let back: (() => void) | undefined;

beforeAll(() => {
  const { next } = shopDaysOf(shanghaiDate(new Date()), VILLAGE_SCHEME.shop!);
  back = travelTo(new Date(`${next}T10:00:00+08:00`));
});

afterAll(() => back?.());

describe('石板村积分超市', () => {
  it('reserves a reward for a household, and the 超市管理员 hands it over by its code on the redemption day', async () => {
    // The 户主 the preview opens as (scripts/demos/village-cast.ts START_HOUSEHOLD).
    const household = await suite.open({ as: 'demo-h1-03' }, 'pages/mine/index');
    await household.tap('.link', '积分超市');
    await household.sees('可用积分', '.figure__label');
    // The 财政补助 behind a price is the managers' business, not the household's (S23).
    await household.sees('洗洁精', '.reward__name');
    expect(await household.screen.locator('.reward__subsidy').count()).toBe(0);
    await household.screen.locator('.reward', { hasText: '洗洁精' }).locator('.reward__reserve').click();
    await household.tap('.reserve-dialog .t-dialog__button--confirm');
    const code = ((await (await household.sees(/^[A-Z2-9]{6}$/, '.reserved__code')).textContent()) ?? '').trim();

    const keeper = await suite.open('牟小芳', 'pages/shop/index');
    await keeper.tap('.desk-button');
    await keeper.sees('在兑换日凭取货码发放', '.entry__hint');
    // The preview has no camera: 扫码 sends the keeper to typing the code.
    await keeper.tap('.scan');
    await keeper.sees('此设备不能扫码，请直接输入取货码', '.message__text');
    await keeper.type('.entry', code.toLowerCase());
    await keeper.tap('.lookup');
    await keeper.sees('洗洁精 × 1', '.found__reward');
    await keeper.tap('.fulfil');
    await keeper.sees(/已发放 洗洁精 × 1 给 .+户/, '.done__text');
  }, 40_000);

  it('lets a 村干部 managing the shop see each reward’s 财政补助 and add a partner shop’s goods at a lower share', async () => {
    const manager = await suite.open('向红梅', 'pages/shop/index');
    await manager.sees('财政补助 50%', '.reward__subsidy');
    await manager.tap('.add-reward');
    await manager.sees('按商品单价计，最高 50%', '.editor__hint');
    expect(await manager.screen.locator('.editor__share input').inputValue()).toBe('50');
    await manager.type('.editor__name', '香皂');
    await manager.type('.editor__cost', '6');
    await manager.type('.editor__stock', '30');
    await manager.type('.editor__keeper', '村口便民超市');
    await manager.type('.editor__share', '60');
    await manager.tap('.editor__save');
    await manager.sees('财政补助比例应在 0 到 50% 之间', '.editor__error');
    await manager.type('.editor__share', '30');
    await manager.tap('.editor__save');
    await manager.sees('财政补助 30%', '.reward:has-text("香皂") .reward__subsidy');
  }, 40_000);
});
