/**
 * The village template's pages in the browser (seeds/004 第三篇; docs/rules.md H1–H22): a household's
 * person, a 村民小组长, the 评定小组组长 and the 文书 each open every page their 我的 offers, and each
 * page speaks of 农户 and 户, never 会员, with households (not people) on its boards.
 */
import { previewSuite } from './support/suite';
import { tilesOf, tour } from './support/tour';

const suite = previewSuite({ template: 'village' });
const NOT_VILLAGE = /会员|分会/;

describe('石板村', () => {
  it('shows a household’s person the household’s pages: its points, boards of households, its quarter in 公示', async () => {
    const as = 'demo-h1-03';
    const phone = await suite.open({ as }, 'pages/mine/index');
    // 积分超市 is the shop's own journey (village.test.ts).
    expect(await tilesOf(phone, as)).toEqual(['申报积分', '积分明细', '排行榜', '公示', '考评公示', '积分超市']);
    await tour(phone, as, [
      // The avatar is the household's name without 户 (谢建国户: 建国), not its last two characters (国户).
      { route: 'pages/mine/index', shows: /本户 \d 人/, then: async (p) => expect(await p.screen.locator('.profile__avatar').innerText()).not.toMatch(/户$/) },
      { route: 'pages/report/index', shows: '选择申报项目' },
      { route: 'pages/ledger/index', shows: /义务劳动|村民会议/, selector: 'entry-row' },
      { route: 'pages/ranking/index', shows: /户/, selector: '.row' },
      { route: 'pages/notices/index', shows: '乡村治理积分制' },
      { route: 'pages/outcomes/index', shows: /户/, selector: '.row' },
    ], NOT_VILLAGE);
  });

  it('shows a 村民小组长 the group’s reports to check, its households to record for and their 明细', async () => {
    const as = suite.openid('熊德明');
    const phone = await suite.open({ as }, 'pages/mine/index');
    expect(await tilesOf(phone, as)).toEqual(expect.arrayContaining(['审批', '记分', '农户明细']));
    // Not 申报积分: they have no 积分台账 to report into (H24).
    expect(await tilesOf(phone, as)).not.toContain('申报积分');
    await tour(phone, as, [
      // A 村民小组长 is a person of the 评定小组, with no 积分台账 of their own (H11).
      { route: 'pages/mine/index', shows: '您没有本人的积分台账，积分记在农户名下。', then: async (p) => expect(await p.screen.locator('.points').count()).toBe(0) },
      // Nor may they report for themself: 申报 says why in place of its form (H24).
      {
        route: 'pages/report/index',
        shows: '您没有本人的积分台账，不能为自己申报：积分以户为单位，记在农户名下',
        then: async (p) => expect(await p.screen.locator('.submit, .field-item').count()).toBe(0),
      },
      { route: 'pages/inbox/index', shows: /（.+户）/, selector: '.claim-card, claim-card' },
      { route: 'pages/award/index', shows: '为本村民小组农户记分' },
      {
        route: 'pages/roster/index',
        shows: '一组农户',
        then: async (p) => {
          await p.tap('.member', '户');
          await p.screen.locator('entry-row').first().waitFor();
        },
      },
    ], NOT_VILLAGE);
  });

  it('shows the 评定小组组长 the whole village to record for, the groups by households and the bottom of the year in 户', async () => {
    const as = suite.openid('冉光明');
    const phone = await suite.open({ as }, 'pages/award/index');
    await tour(phone, as, [
      { route: 'pages/award/index', shows: '为全村农户记分' },
      {
        route: 'pages/ranking/index',
        shows: '全村',
        then: async (p) => {
          await p.tap('.scope--units');
          await p.sees(/\d+ 户 · 户均/, '.unit-row');
        },
      },
      { route: 'pages/reminders/index', shows: /第 \d+ 名（共 \d+ 户）/ },
      { route: 'pages/outcomes/index', shows: '选择村民小组' },
    ], NOT_VILLAGE);
  });

  it('lets the 文书 find a household by one of its people and see each person’s code', async () => {
    // A person of a household who is not the one it is named for: 李秀英 finds 张建国户 (H22).
    const person = suite.cloud.cast.people.find((p) => p.household && `${p.name}户` !== p.household)!;
    const as = 'local-admin';
    const phone = await suite.open({ as }, 'pages/admin/index');
    await tour(phone, as, [
      {
        route: 'pages/admin/index',
        shows: '已绑定',
        selector: '.member',
        then: async (p) => {
          await p.type('.members__search', person.name);
          await p.page.keyboard.press('Enter');
          await p.tap('.member', person.household!);
          await p.sees(person.name, '.holder__name');
          await p.sees(/邀请码 [A-Z0-9]{6,}/, '.holder__state');
        },
      },
    ], NOT_VILLAGE);
  });
});
