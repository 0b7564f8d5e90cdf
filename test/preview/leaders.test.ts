/**
 * What leaders may see (issue 13 item 9, docs/rules.md L1) and 第十九条 in the browser: 东宝分会's
 * president opens a member's 明细 from the branch's roster, and records a 谈话提醒 for a member at
 * the bottom of the year's board, and exports the branch's board from its roster (F2); a member has
 * neither, and a direct link tells them why.
 */
import { previewSuite } from './support/suite';

const suite = previewSuite();
const NOTE = '当面谈话，了解近况，提醒按时参加分会活动';

describe('a branch president', () => {
  it('opens a member’s 明细 from the branch’s roster, titled with her name', async () => {
    const head = await suite.open('黄志刚', 'pages/mine/index');
    await head.tap('.link', '会员明细');
    await head.sees('东宝分会会员', '.roster__title');
    await head.tap('.member', '马丽');
    await head.screen.locator('entry-row').first().waitFor();
    expect(await head.page.locator('.nav-bar__title').textContent()).toBe('马丽的积分明细');
    expect(await head.route()).toBe('pages/member-ledger/index');
  });

  it('exports the branch’s board from its roster as a spreadsheet and opens it on the phone (F2)', async () => {
    const head = await suite.open('黄志刚', 'pages/mine/index');
    await head.tap('.link', '会员明细');
    await head.sees('东宝分会', '.export__unit');
    await head.tap('.export__go', '导出本分会');
    const sheet = head.wechatLayer.locator('.document');
    await sheet.waitFor();
    expect(await sheet.locator('.document__name').textContent()).toMatch(/\.xlsx$/);
    expect((await head.wechatLog()).map((entry) => entry.kind)).toContain('document');
  });

  it('records a 谈话提醒 for a member at the bottom of the branch’s year, kept for the next visit', async () => {
    const head = await suite.open('黄志刚', 'pages/mine/index');
    await head.tap('.link', '排名靠后');
    await head.sees(/东宝分会排名后十分之一/);
    const first = head.screen.locator('.bottom').first();
    const name = (await first.locator('.bottom__name').textContent())!.trim();
    await first.locator('.bottom__record').click();
    await head.wechatLayer.locator('.sheet__item', { hasText: '谈话提醒' }).click();
    await head.sees(`记录对${name}的谈话提醒`);
    await head.type('.record-dialog .reason', NOTE);
    await head.tap('.record-dialog .t-dialog__button--confirm');
    await head.toasted('已记录谈话提醒');
    await first.locator('.reminder__note', { hasText: NOTE }).waitFor();

    const again = await suite.open('黄志刚', 'pages/reminders/index');
    const row = again.screen.locator('.bottom', { hasText: name });
    await row.locator('.reminder__head', { hasText: '谈话提醒 · 黄志刚' }).waitFor();
  });
});

describe('a member', () => {
  it('has neither on 我的, and a direct link to the bottom of the board says who may see it', async () => {
    const member = await suite.open('马丽', 'pages/mine/index');
    await member.sees('积分明细', '.link__title');
    const titles = await member.screen.locator('.link__title').allTextContents();
    expect(titles.map((t) => t.trim())).not.toContain('会员明细');
    expect(titles.map((t) => t.trim())).not.toContain('排名靠后');

    const direct = await suite.open('马丽', 'pages/reminders/index');
    await direct.sees('年度排名靠后的会员名单只有秘书处和分会会长可以查看和记录提醒');
  });
});
