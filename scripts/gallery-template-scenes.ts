/**
 * The gallery's scenes on the other templates' demos (scripts/gallery.ts seeds each named cloud with
 * SCHEME=<id>'s demo): the same pages in a template's words, and the pages only a template has.
 */
import type { Phone } from '../web/harness/phone';
import type { Scene } from './gallery-scenes';

/** 常州's 第一党支部: its 书记, its 记分员 and a 党员. */
const PARTY_SECRETARY = '王立新';
const PARTY_SCOREKEEPER = '赵雪';
const PARTY_MEMBER = '陈志明';

/** 石板村 (SCHEME=village): the 户主 the preview opens as (scripts/demos/village-cast.ts START_HOUSEHOLD), and the 超市管理员. */
const HOUSEHOLD = { as: 'demo-h1-03' };
const SHOP_KEEPER = '牟小芳';
const SHOP_KEEPER_OPENID = 'demo-shop';

/** The shop keeper at the desk with the code of the 户主's newest open reservation, looked up. */
async function lookUpDemoCode(p: Phone): Promise<void> {
  await p.goto(HOUSEHOLD.as, 'pages/shop/index');
  await p.screen.locator('.tabs').getByText('我的兑换').click();
  const code = ((await p.screen.locator('.redemption__code').first().textContent()) ?? '').trim();
  await p.goto(SHOP_KEEPER_OPENID, 'pages/shop-desk/index');
  await p.type('.entry', code);
  await p.tap('.lookup');
  await p.screen.locator('.found').waitFor();
}

/** The enterprise demo's 人力资源部 secretary. */
const COMPANY_HR = '王丽娟';

export const TEMPLATE_SCENES: Scene[] = [
  // The 常州 party organisation (SCHEME=changzhou): the same pages in a template's words.
  { page: 'mine', state: 'changzhou', who: PARTY_MEMBER, cloud: 'changzhou', act: (p) => p.sees('最近积分').then(() => undefined) },
  { page: 'outcomes', state: 'changzhou-secretary', who: PARTY_SECRETARY, cloud: 'changzhou', height: 1100, act: (p) => p.screen.locator('.row').first().waitFor() },
  { page: 'award', state: 'changzhou-scorekeeper', who: PARTY_SCOREKEEPER, cloud: 'changzhou', act: (p) => p.sees('记分').then(() => undefined) },

  // The qiuxian template (SCHEME=qiuxian): 一月一公布, 一季一比拼, 半年一评比 with stars by place, 挂牌公示 and 末尾淘汰.
  { page: 'mine', state: 'qiuxian-president', who: '王建国', cloud: 'qiuxian', act: (p) => p.sees('末尾淘汰').then(() => undefined) },
  { page: 'elimination', state: 'qiuxian', who: '王建国', cloud: 'qiuxian', height: 1200, act: (p) => p.screen.locator('.candidate').first().waitFor() },
  {
    page: 'ranking',
    state: 'qiuxian-units',
    who: '王建国',
    cloud: 'qiuxian',
    height: 1200,
    act: async (p) => {
      await p.screen.locator('.periods').getByText('季榜', { exact: true }).click();
      await p.tap('.scope--units');
      await p.screen.locator('.unit-row').first().waitFor();
    },
  },
  {
    page: 'outcomes',
    state: 'qiuxian-half',
    who: '王建国',
    cloud: 'qiuxian',
    height: 1200,
    act: async (p) => {
      await p.screen.locator('.tabs').getByText('半年考评').click();
      await p.screen.locator('.row__stars').first().waitFor();
    },
  },
  // The party-branch template (SCHEME=party-branch): last year graded, with its 优秀 quota, stars and a 一票否决.
  { page: 'mine', state: 'party-branch', who: '李明辉', cloud: 'party-branch', act: (p) => p.sees('最近积分').then(() => undefined) },
  {
    page: 'outcomes',
    state: 'party-branch-graded',
    who: '张建华',
    cloud: 'party-branch',
    height: 1500,
    act: async (p) => {
      await p.screen.locator('.tabs').getByText('年度考评').click();
      await p.screen.locator('.quota-line').first().waitFor();
    },
  },
  {
    page: 'outcomes',
    state: 'party-branch-member',
    who: '李明辉',
    cloud: 'party-branch',
    act: async (p) => {
      await p.screen.locator('.tabs').getByText('年度考评').click();
      await p.screen.locator('.row--mine .row__grade').waitFor();
    },
  },
  {
    page: 'member-ledger',
    state: 'party-branch-veto',
    who: '陈静',
    cloud: 'party-branch',
    route: 'pages/mine/index',
    height: 1000,
    act: async (p) => {
      await p.tap('.link', '党员明细');
      await p.tap('.member', '吴海峰');
      await p.tap('.veto-open');
      await p.tap('.condition-picker');
      await p.pick('无正当理由连续6个月不参加组织活动');
      await p.type('.veto .reason', '2026年4月至10月未参加支部组织生活，经谈话无正当理由');
    },
  },
  {
    page: 'ranking',
    state: 'party-branch-units',
    who: '张建华',
    cloud: 'party-branch',
    act: async (p) => {
      await p.screen.locator('.periods').getByText('季榜', { exact: true }).click();
      await p.tap('.scope--units');
      await p.screen.locator('.unit-row').first().waitFor();
    },
  },

  // The village template (SCHEME=village): households, not people, on 我的 and the boards (H9, H12).
  { page: 'mine', state: 'village-household', who: HOUSEHOLD, cloud: 'village', act: (p) => p.sees('本户').then(() => undefined) },
  {
    page: 'ranking',
    state: 'village-group',
    who: HOUSEHOLD,
    cloud: 'village',
    height: 1200,
    act: async (p) => {
      await p.screen.locator('.periods').getByText('累计', { exact: true }).click();
      await p.tap('.scope', '本村民小组');
      await p.sees('谢建国户', '.row');
    },
  },
  {
    page: 'ranking',
    state: 'village-units',
    who: HOUSEHOLD,
    cloud: 'village',
    act: async (p) => {
      await p.screen.locator('.periods').getByText('累计', { exact: true }).click();
      await p.tap('.scope--units');
      await p.sees(/户均/, '.unit-row');
    },
  },
  // The enterprise template (SCHEME=enterprise): a 区队's year with balances below zero (六、4 零分或负分).
  {
    page: 'ranking',
    state: 'enterprise-department',
    who: { as: 'demo-zc1-manager' },
    cloud: 'enterprise',
    height: 1700,
    act: async (p) => {
      await p.screen.locator('.periods').getByText('年榜', { exact: true }).click();
      await p.tap('.scope', '本部门');
      await p.sees(/-\d/, '.row');
    },
  },
  // The village template (SCHEME=village): the 积分超市 of a household, and the 超市管理员's desk.
  { page: 'shop', state: 'village', who: HOUSEHOLD, cloud: 'village', height: 1200, act: (p) => p.screen.locator('.reward').first().waitFor() },
  {
    page: 'shop',
    state: 'village-reserved',
    who: HOUSEHOLD,
    cloud: 'village',
    act: async (p) => {
      await p.screen.locator('.reward', { hasText: '毛巾' }).locator('.reward__reserve').click();
      await p.screen.locator('.reserve__stepper .t-stepper__plus').click();
      await p.sees('共 20 积分', '.reserve__cost');
      await p.tap('.reserve-dialog .t-dialog__button--confirm');
      await p.screen.locator('.reserved__code').waitFor();
    },
  },
  {
    page: 'shop',
    state: 'village-mine',
    who: HOUSEHOLD,
    cloud: 'village',
    height: 1000,
    act: async (p) => {
      await p.screen.locator('.tabs').getByText('我的兑换').click();
      await p.screen.locator('.redemption').first().waitFor();
    },
  },
  {
    page: 'shop',
    state: 'village-manager',
    who: '向红梅',
    cloud: 'village',
    act: async (p) => {
      await p.tap('.reward__main', '洗衣液');
      await p.screen.locator('.editor__save').waitFor();
    },
  },
  { page: 'shop-desk', state: 'village', who: SHOP_KEEPER, cloud: 'village', height: 1000, act: lookUpDemoCode },
  {
    page: 'shop-desk',
    state: 'village-not-today',
    who: SHOP_KEEPER,
    cloud: 'village',
    height: 1000,
    act: async (p) => {
      await lookUpDemoCode(p);
      await p.tap('.fulfil');
      await p.screen.locator('.message, .done').first().waitFor();
    },
  },

  // The enterprise template (SCHEME=enterprise): 人力资源部's 出勤录入 and 零分负分名单 from 管理, a 区队长's deduction beyond his limit.
  { page: 'admin', state: 'enterprise-hr', who: COMPANY_HR, cloud: 'enterprise', act: (p) => p.screen.locator('.hr__attendance').waitFor() },
  {
    page: 'attendance',
    state: 'enterprise',
    who: COMPANY_HR,
    cloud: 'enterprise',
    height: 1300,
    act: async (p) => {
      await p.type('.sheet__workdays', '26');
      await p.tap('.sheet__department');
      await p.pick('机电科');
      await p.screen.locator('.row').first().locator('.row__days input').fill('24.5');
    },
  },
  {
    page: 'attendance',
    state: 'enterprise-attributes',
    who: COMPANY_HR,
    cloud: 'enterprise',
    act: async (p) => {
      await p.tap('.sheet__department');
      await p.pick('通风科');
      await p.tap('.row__who');
      await p.sees(/满勤每月 [\d.]+ 分/, '.attributes__monthly');
    },
  },
  { page: 'negatives', state: 'enterprise', who: COMPANY_HR, cloud: 'enterprise', act: (p) => p.screen.locator('.person').first().waitFor() },
  {
    page: 'award',
    state: 'enterprise-manager',
    who: { as: 'demo-zc1-manager' },
    cloud: 'enterprise',
    height: 1100,
    act: async (p) => {
      await p.tap('.item-picker');
      await p.pick('违反安全规程');
      await p.screen.locator('.item-bounds').waitFor();
    },
  },
];
