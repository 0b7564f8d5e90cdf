/**
 * The secretariat's work from the phone (管理): a roster sheet sent in a chat is imported and the
 * invite codes copied to share, a newcomer binds with one, their dues are recorded, which credits
 * their position points (第五条), and a branch's board is exported as a spreadsheet.
 */
import { previewSuite } from './support/suite';

const suite = previewSuite();
const SHEET = ['姓名,手机,分会,档次,职务,职业,社会职务', '韩梅梅,13900001111,东宝分会,会员,,律师,', '李雷,13900002222,掇刀分会,理事,,医生,区政协委员', ''].join('\n');
const NEWCOMER = 'newcomer-hanmeimei';
let inviteCode = '';

describe('the secretariat', () => {
  it('imports a small sheet chosen from a chat and copies the invite codes', async () => {
    const clerk = await suite.open('周小琳', 'pages/mine/index');
    await clerk.tap('.link', '管理');
    await clerk.tap('.t-tabs__item', '导入');
    await clerk.choose('.import__file', [{ name: '新会员.csv', mimeType: 'text/csv', buffer: Buffer.from(SHEET, 'utf8') }]);
    await clerk.sees('文件：新会员.csv');
    await clerk.sees('共 2 名会员，可以导入');
    await clerk.sees('东宝分会 · 会员', '.import__row');
    await clerk.tap('.import__send');
    await clerk.seesWechat('导入 2 名会员？');
    await clerk.answerModal('导入');
    await clerk.sees('已新增 2 名、更新 0 名');
    const row = clerk.screen.locator('.import__code', { hasText: '韩梅梅' });
    inviteCode = ((await row.locator('.import__code-value').textContent()) ?? '').trim();
    expect(inviteCode).toMatch(/^[A-Z0-9]{6,12}$/);
    await clerk.tap('.import__copy');
    await clerk.toasted('内容已复制');
    const copied = (await clerk.wechatLog()).filter((entry) => entry.kind === 'clipboard');
    expect(copied.map((entry) => entry.detail)).toEqual([expect.stringContaining(`韩梅梅 ${inviteCode}`)]);
  });

  it('lets the newcomer bind their WeChat with the invite code', async () => {
    const newcomer = await suite.open({ as: NEWCOMER }, 'pages/mine/index');
    await newcomer.tap('.bind-card__button');
    await newcomer.sees('输入邀请码');
    await newcomer.type('.code-input', inviteCode.toLowerCase());
    await newcomer.tap('.bind-button');
    await newcomer.toasted('欢迎');
    await newcomer.sees('韩梅梅', '.profile__name');
    expect(await newcomer.route()).toBe('pages/mine/index');
  });

  it('records the newcomer’s dues, and their position points show on 我的', async () => {
    const clerk = await suite.open('周小琳', 'pages/admin/index?tab=dues');
    await clerk.type('.dues__picker .member-picker__search', '韩梅梅');
    await clerk.tap('.member-picker__member', '韩梅梅');
    await clerk.sees('韩梅梅', '.dues__name');
    await clerk.tap('.dues__record');
    await clerk.seesWechat('缴纳1年会费？');
    await clerk.answerModal('记录');
    const done = await clerk.sees('已记录 韩梅梅 的会费', '.dues__done');
    const credited = /共 (\d+) 分/.exec((await done.textContent()) ?? '');
    expect(Number(credited?.[1])).toBeGreaterThan(0);

    const newcomer = await suite.open({ as: NEWCOMER }, 'pages/mine/index');
    await newcomer.screen.locator('.points-card__column--year .points-card__total', { hasText: credited![1] }).waitFor();
  });

  it('exports a branch’s board as a spreadsheet and opens it on the phone', async () => {
    const clerk = await suite.open('周小琳', 'pages/admin/index?tab=export');
    await clerk.tap('.export__scope');
    await clerk.pick('东宝分会');
    await clerk.sees('东宝分会', '.export__scope');
    await clerk.tap('.export__go');
    const sheet = clerk.wechatLayer.locator('.document');
    await sheet.waitFor();
    expect(await sheet.locator('.document__name').textContent()).toMatch(/\.xlsx$/);
    const download = clerk.page.waitForEvent('download');
    await sheet.locator('.document__download').click();
    const file = await (await download).createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of file) chunks.push(chunk as Buffer);
    // An .xlsx is a zip: it starts with PK.
    expect(Buffer.concat(chunks).subarray(0, 2).toString('latin1')).toBe('PK');
    expect((await clerk.wechatLog()).map((entry) => entry.kind)).toContain('document');
  });
});
