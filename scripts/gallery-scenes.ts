/**
 * What `npm run gallery` photographs: each page in its main states, in the live preview against the
 * demo association (scripts/gallery.ts). A scene names who holds the phone and on which page, what
 * they do before the picture, and whether the network is down (offline: the page's error state) or
 * never answers (pending: its loading state). Scenes on the `empty` cloud show an association that
 * has just started (no members, no notices). Anyone adding a page adds its scenes here.
 */
import { photo } from '../web/harness/photo';
import type { Phone } from '../web/harness/phone';

/** Who holds the phone: a demo person by name, or an openid (a newcomer who has not bound). */
export type Who = string | { as: string };

export interface Scene {
  page: string;
  state: string;
  who: Who;
  /** The route with its query, when not pages/<page>/index. */
  route?: string;
  network?: 'offline' | 'pending';
  cloud?: 'demo' | 'empty' | 'changzhou';
  /** Screen height in CSS px for a long page (812 by default). */
  /** 'changzhou': the 常州 template's demo (a 机关党委 with last year closed). */
  height?: number;
  act?: (phone: Phone) => Promise<void>;
}

/** A member imported and bound by the gallery itself, with no points yet. */
export const NEWCOMER = { as: 'gallery-newcomer' };
/** Someone who opened the mini-program and has not bound an invite code. */
export const VISITOR = { as: 'gallery-visitor' };

const MEMBER = '马丽';
const LEADER = '黄志刚';
const PRESIDENT = '王建华';
const CLERK = '周小琳';
/** A 党员 among the first ten of last year's 年度得分 board in the 常州 demo (a 荣誉证书, 第十八条). */
const CHANGZHOU_TOP = '徐静';
const LAST_YEAR = String(Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date())) - 1);

/** The states every data page has besides its own: the network down, and the first answer still coming. */
function offlineAndLoading(page: string, who: Who, route?: string): Scene[] {
  return [
    { page, state: 'error', who, route, network: 'offline' },
    { page, state: 'loading', who, route, network: 'pending' },
  ];
}

async function pickItem(phone: Phone, category: string, item: string): Promise<void> {
  await phone.tap('.field-item');
  await phone.tap('.picker__category', category);
  await phone.tap('.picker__item', item);
}

export const SCENES: Scene[] = [
  { page: 'mine', state: 'loaded', who: LEADER, height: 1100, act: (p) => p.sees('最近积分').then(() => undefined) },
  { page: 'mine', state: 'member', who: MEMBER, act: (p) => p.sees('最近积分').then(() => undefined) },
  { page: 'mine', state: 'empty', who: NEWCOMER, act: (p) => p.sees('还没有积分记录').then(() => undefined) },
  { page: 'mine', state: 'unbound', who: VISITOR, act: (p) => p.sees('请先绑定会员身份').then(() => undefined) },
  ...offlineAndLoading('mine', MEMBER),

  { page: 'report', state: 'blank', who: MEMBER, act: (p) => p.sees('选择申报项目').then(() => undefined) },
  { page: 'report', state: 'picker', who: MEMBER, act: (p) => p.tap('.field-item') },
  {
    page: 'report',
    state: 'range-with-photos',
    who: MEMBER,
    height: 1100,
    act: async (p) => {
      await pickItem(p, '活动', '在市新联会活动中突出表现');
      for (let i = 0; i < 4; i++) await p.tap('.points-stepper .t-stepper__plus');
      await p.type('.note-input', '牵头组织“新联助学”活动，联系 3 家企业捐资 12 万元');
      await p.choose('.photo--add', [photo('活动.png', [214, 120, 96]), photo('合影.png', [96, 150, 200]), photo('证书.png', [120, 180, 120])]);
      await p.sees('3/9');
    },
  },
  {
    page: 'report',
    state: 'value-too-small',
    who: MEMBER,
    act: async (p) => {
      await pickItem(p, '办实事', '价值可量化');
      await p.type('.value-input', '60');
      await p.tap('.submit');
    },
  },
  { page: 'report', state: 'date-picker', who: MEMBER, act: (p) => p.tap('.field-date') },
  {
    page: 'report',
    state: 'server-error',
    who: VISITOR,
    act: async (p) => {
      await pickItem(p, '会议', '参加市新联会会议');
      await p.tap('.submit');
      await p.sees('去绑定');
    },
  },
  {
    page: 'report',
    state: 'submitted',
    who: MEMBER,
    act: async (p) => {
      await pickItem(p, '宣传及建议', '书面建言献策');
      await p.type('.note-input', '关于完善社区养老服务的书面建议');
      await p.tap('.submit');
      await p.sees('申报已提交');
    },
  },
  ...offlineAndLoading('report', MEMBER),

  { page: 'ledger', state: 'entries', who: MEMBER, height: 1000, act: (p) => p.screen.locator('entry-row').first().waitFor() },
  {
    page: 'ledger',
    state: 'claims',
    who: MEMBER,
    height: 1300,
    act: async (p) => {
      await p.tap('.t-tabs__item', '我的申请');
      await p.screen.locator('.claim').first().waitFor();
    },
  },
  { page: 'ledger', state: 'empty', who: NEWCOMER, act: (p) => p.screen.locator('.state-view--empty').waitFor() },
  { page: 'ledger', state: 'unbound', who: VISITOR, act: (p) => p.sees('去绑定').then(() => undefined) },
  ...offlineAndLoading('ledger', MEMBER),

  { page: 'notices', state: 'loaded', who: MEMBER, height: 1100, act: (p) => p.screen.locator('.notice').first().waitFor() },
  { page: 'notices', state: 'expanded', who: MEMBER, act: (p) => p.tap('.notice') },
  { page: 'notices', state: 'empty', who: { as: 'gallery-visitor' }, cloud: 'empty', act: (p) => p.sees('暂无公示内容').then(() => undefined) },
  ...offlineAndLoading('notices', MEMBER),

  { page: 'bind', state: 'blank', who: VISITOR },
  {
    page: 'bind',
    state: 'wrong-code',
    who: VISITOR,
    act: async (p) => {
      await p.type('.code-input', 'JM48XQ');
      await p.tap('.bind-button');
      await p.screen.locator('.bind__error').waitFor();
    },
  },

  { page: 'inbox', state: 'loaded', who: PRESIDENT, height: 1200, act: (p) => p.screen.locator('.claim').first().waitFor() },
  ...offlineAndLoading('inbox', PRESIDENT),
  { page: 'ranking', state: 'loaded', who: MEMBER, height: 1000, act: (p) => p.screen.locator('rank-row').first().waitFor() },
  ...offlineAndLoading('ranking', MEMBER),
  {
    page: 'ranking',
    state: 'share-picture',
    who: MEMBER,
    act: async (p) => {
      await p.screen.locator('rank-row').first().waitFor();
      await p.tap('.share-button', '生成排行图片');
      await p.wechatLayer.locator('.viewer__image').evaluate((img) => (img as unknown as { decode(): Promise<void> }).decode());
    },
  },
  {
    page: 'ranking',
    state: 'filters',
    who: MEMBER,
    act: async (p) => {
      await p.screen.locator('rank-row').first().waitFor();
      await p.tap('.scope--filter');
      await p.screen.locator('.filters__chip').first().waitFor();
    },
  },
  { page: 'ranking', state: 'mine-highlighted', who: MEMBER, act: (p) => p.screen.locator('.rank-row--mine').scrollIntoViewIfNeeded() },
  { page: 'ranking', state: 'units', who: MEMBER, act: (p) => p.tap('.scope--units').then(() => p.screen.locator('.unit-row').first().waitFor()) },
  {
    page: 'ranking',
    state: 'certificate',
    who: CHANGZHOU_TOP,
    cloud: 'changzhou',
    route: `pages/ranking/index?period=cycle&key=${LAST_YEAR}`,
    act: (p) => p.screen.locator('.certificate').waitFor(),
  },
  {
    page: 'ranking',
    state: 'certificate-picture',
    who: CHANGZHOU_TOP,
    cloud: 'changzhou',
    route: `pages/ranking/index?period=cycle&key=${LAST_YEAR}`,
    act: async (p) => {
      await p.tap('.certificate__button');
      await p.wechatLayer.locator('.viewer__image').evaluate((img) => (img as unknown as { decode(): Promise<void> }).decode());
    },
  },
  { page: 'ranking', state: 'changzhou', who: '周丽娟', cloud: 'changzhou', act: (p) => p.screen.locator('rank-row').first().waitFor() },

  { page: 'admin', state: 'loaded', who: CLERK, act: (p) => p.screen.locator('.member').first().waitFor() },
  { page: 'admin', state: 'import', who: CLERK, act: (p) => p.tap('.t-tabs__item', '导入') },
  { page: 'admin', state: 'dues', who: CLERK, act: (p) => p.tap('.t-tabs__item', '会费') },
  { page: 'admin', state: 'export', who: CLERK, act: (p) => p.tap('.t-tabs__item', '导出') },
  { page: 'admin', state: 'empty', who: { as: 'local-admin' }, cloud: 'empty', act: (p) => p.sees('还没有会员').then(() => undefined) },
  ...offlineAndLoading('admin', CLERK),

  { page: 'award', state: 'event', who: LEADER, act: (p) => p.sees('我的奖分权限').then(() => undefined) },
  { page: 'award', state: 'discretionary', who: LEADER, act: (p) => p.tap('.t-tabs__item', '酌情奖分') },
  { page: 'award', state: 'no-authority', who: MEMBER, act: (p) => p.sees('只有积分制管理工作领导小组成员可以奖分').then(() => undefined) },
  ...offlineAndLoading('award', LEADER),
];
