/**
 * A self-report from the member's phone to the board, in Chromium against a fresh local cloud with the
 * demo association (第十四条 two-person review, 第十五条 逐级审批): each step is a person working the
 * real pages of the preview, the next step picks up where the last one left the data.
 */
import { previewSuite } from './support/suite';
import type { Phone } from '../../web/harness/phone';
import { photo } from '../../web/harness/photo';

const NOTE = '牵头组织“新联助学”活动，联系 3 家企业捐资';

const suite = previewSuite();
const open = (name: string, route: string) => suite.open(name, route);

async function monthTotal(phone: Phone): Promise<number> {
  const total = phone.screen.locator('.points-card__column--month .points-card__total');
  await total.waitFor();
  return Number(await total.textContent());
}

describe('a range-item self-report with a photo, endorsed with an adjusted value and approved', () => {
  let monthBefore = 0;

  it('is submitted by a member with a photo, asking 3 of the 1–10 points', async () => {
    const member = await open('杨帆', 'pages/mine/index');
    monthBefore = await monthTotal(member);
    await member.tab('申报');
    await member.tap('.field-item');
    await member.tap('.picker__category', '活动');
    await member.tap('.picker__item', '在市新联会活动中突出表现');
    await member.sees('1–10 分');
    await member.tap('.points-stepper .t-stepper__plus');
    await member.tap('.points-stepper .t-stepper__plus');
    await member.type('.note-input', NOTE);
    await member.choose('.photo--add', [photo('活动现场.png', [200, 80, 60])]);
    await member.sees('1/9');
    await member.screen.locator('.photo__image img[src^="blob:"]').waitFor();
    await member.tap('.submit');
    await member.sees('申报已提交');
    await member.sees('+3 分');
  });

  it('is adjusted to 5 and endorsed by the branch president, who sees the photo', async () => {
    const head = await open('黄志刚', 'pages/inbox/index');
    const card = head.screen.locator('.claim', { hasText: NOTE });
    await card.waitFor();
    // The photo is shown through the short-lived URL the cloud hands out, as on a phone.
    await card.locator('.claim-card__thumb img[src*="/storage/"]').waitFor();
    await card.locator('.claim-card__adjust').click();
    await head.sees('可定 1–5 分', '.adjust-bounds');
    await head.tap('.adjust-points .t-stepper__plus');
    await head.tap('.adjust-points .t-stepper__plus');
    await head.tap('.adjust-dialog .t-dialog__button--confirm');
    await head.toasted('已通过，转终审');
    await card.waitFor({ state: 'detached' });
  });

  it('is approved by the president at final review, from 我的, which then counts one claim fewer without a pull', async () => {
    const president = await open('王建华', 'pages/mine/index');
    const count = president.screen.locator('.inbox-banner__count');
    await count.waitFor();
    const waiting = Number(await count.textContent());
    await president.tap('.inbox-banner');
    const card = president.screen.locator('.claim', { hasText: NOTE });
    // Who and which branch first, and whose decision it waits for in plain words.
    await card.locator('.claim-card__unit', { hasText: '东宝分会' }).waitFor();
    await card.locator('.claim-card__waiting', { hasText: '请您终审' }).waitFor();
    await card.locator('.claim-card__points', { hasText: '5 分' }).waitFor();
    await card.locator('.claim-card__approve').click();
    await president.toasted('已通过');
    await card.waitFor({ state: 'detached' });

    await president.page.locator('.nav-bar__back').click();
    await president.sees(String(waiting - 1), '.inbox-banner__count');
    await president.sees(String(waiting - 1), '.link--inbox');
  });

  it('shows the 5 points on 我的 and on the board', async () => {
    const member = await open('杨帆', 'pages/mine/index');
    expect(await monthTotal(member)).toBe(monthBefore + 5);
    await member.sees('在市新联会活动中突出表现', '.recent__row');
    await member.tab('排行');
    await member.sees(`${monthBefore + 5} 分`, '.mine-total');
    await member.tap('.scope', '本分会');
    await member.sees('东宝分会', '.scope--on');
    const row = member.screen.locator('rank-row', { hasText: '杨帆' });
    await row.locator('.rank-row__total', { hasText: String(monthBefore + 5) }).waitFor();
  });
});

describe('a rejected claim', () => {
  const SUGGESTION = '关于增设社区议事点的书面建议';
  const REASON = '请附上建议全文后重新申报';

  it('is rejected by a branch leader with a reason the claimant reads on 明细', async () => {
    const member = await open('朱慧敏', 'pages/report/index');
    await member.tap('.field-item');
    await member.tap('.picker__category', '宣传及建议');
    await member.tap('.picker__item', '书面建言献策');
    await member.type('.note-input', SUGGESTION);
    await member.tap('.submit');
    await member.sees('申报已提交');

    const leader = await open('林晓梅', 'pages/inbox/index');
    const card = leader.screen.locator('.claim', { hasText: SUGGESTION });
    await card.locator('.claim-card__reject').click();
    await leader.tap('.reject-dialog .t-dialog__button--confirm');
    await leader.sees('请选择或写明理由', '.reason-dialog__error');
    await leader.tap('.reason-dialog__preset', '证明材料不全');
    await leader.type('.reject-dialog .reason', REASON);
    await leader.tap('.reject-dialog .t-dialog__button--confirm');
    await leader.toasted('已驳回');
    await card.waitFor({ state: 'detached' });

    await member.tab('明细');
    await member.tap('.t-tabs__item', '我的申请');
    const claim = member.screen.locator('.claim', { hasText: SUGGESTION });
    await claim.getByText('未通过').waitFor();
    await claim.getByText(`理由：证明材料不全；${REASON}`).waitFor();
  });
});

describe('another branch', () => {
  it('shows a member of another branch no inbox, and none of this branch’s claims', async () => {
    const member = await open('田野', 'pages/mine/index');
    await member.sees('田野', '.profile__name');
    expect(await member.screen.locator('.link--inbox, .inbox-banner').count()).toBe(0);
    await member.goto(suite.openid('田野'), 'pages/inbox/index');
    await member.sees('暂无待审批事项');
    expect(await member.screen.locator('.claim').count()).toBe(0);

    // 沙洋分会's president has his own branch's claims to endorse, and none of 东宝分会's.
    const president = await open('谢春华', 'pages/inbox/index');
    await president.screen.locator('.claim').first().waitFor();
    const claimants = await president.screen.locator('.claim-card__creator').allTextContents();
    const dongbao = suite.cloud.cast.people.filter((p) => p.unit === '东宝分会').map((p) => p.name);
    expect(claimants.length).toBeGreaterThan(0);
    expect(claimants.filter((name) => dongbao.includes(name))).toEqual([]);
  });
});
