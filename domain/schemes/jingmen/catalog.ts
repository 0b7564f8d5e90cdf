/**
 * 荆门's catalog (第五条 to 第十一条) as data. Item ids are stable (SPEC §4): scenarios and tests refer
 * to them.
 */
import type { CatalogItem } from '../../../typings/models';

/** Organiser levels of meetings and activities (第六条、第七条), highest first. */
export const LEVELS = [
  { id: 'city_uf', name: '市级统战系统' },
  { id: 'county_uf', name: '县级统战系统' },
  { id: 'association', name: '市新联会' },
  { id: 'branch', name: '分会' },
] as const;

type LevelId = (typeof LEVELS)[number]['id'];

/**
 * Caps a careful secretary sets where the rulebook gives a per-person rate without a ceiling
 * (docs/rules.md R11): hosts of one meeting or activity (承办, 第六条、第七条 5) and persons
 * introduced in one claim (第九条 1). Beyond them a claim is refused; more is a 会长会 matter.
 */
const HOSTS_PER_EVENT = 3;
const RECRUITS_PER_CLAIM = 20;
type PerLevel<T> = Record<LevelId, T>;

/** 第六条 会议积分. */
const MEETING = {
  attend: { city_uf: 40, county_uf: 30, association: 20, branch: 10 },
  speak: { city_uf: 20, county_uf: 15, association: 10, branch: 5 },
  host: { city_uf: 200, county_uf: 150, association: 100, branch: 50 },
} satisfies Record<string, PerLevel<number>>;

/** 第七条 活动积分. */
const ACTIVITY = {
  attend: { city_uf: 40, county_uf: 30, association: 20, branch: 10 },
  outstanding: { city_uf: [1, 20], county_uf: [1, 15], association: [1, 10], branch: [1, 5] },
  host: { city_uf: 200, county_uf: 150, association: 100, branch: 50 },
} satisfies { attend: PerLevel<number>; outstanding: PerLevel<[number, number]>; host: PerLevel<number> };

function meetingItems(): CatalogItem[] {
  return LEVELS.flatMap(({ id, name }) => [
    {
      id: `meeting.attend.${id}`,
      name: `参加${name}会议`,
      category: '会议',
      kind: 'fixed',
      points: MEETING.attend[id],
      claimable: true,
      article: '第六条',
      level: id,
      extras: { spoke: `meeting.speak.${id}`, hosted: `meeting.host.${id}` },
    },
    {
      id: `meeting.speak.${id}`,
      name: `在${name}会议上书面或口头发言（额外）`,
      category: '会议',
      kind: 'fixed',
      points: MEETING.speak[id],
      claimable: true,
      article: '第六条',
      level: id,
    },
    {
      id: `meeting.host.${id}`,
      name: `承办${name}会议`,
      category: '会议',
      kind: 'fixed',
      points: MEETING.host[id],
      claimable: true,
      article: '第六条',
      level: id,
      maxPerEvent: HOSTS_PER_EVENT,
    },
  ]);
}

function activityItems(): CatalogItem[] {
  return LEVELS.flatMap(({ id, name }) => [
    {
      id: `activity.attend.${id}`,
      name: `参加${name}活动`,
      category: '活动',
      kind: 'fixed',
      points: ACTIVITY.attend[id],
      claimable: true,
      article: '第七条',
      level: id,
      extras: { hosted: `activity.host.${id}` },
    },
    {
      id: `activity.outstanding.${id}`,
      name: `在${name}活动中突出表现（额外）`,
      category: '活动',
      kind: 'range',
      range: ACTIVITY.outstanding[id],
      claimable: true,
      article: '第七条',
      level: id,
    },
    {
      id: `activity.host.${id}`,
      name: `承办${name}活动`,
      category: '活动',
      kind: 'fixed',
      points: ACTIVITY.host[id],
      claimable: true,
      article: '第七条',
      level: id,
      maxPerEvent: HOSTS_PER_EVENT,
    },
  ]);
}

export const ITEMS: CatalogItem[] = [
  // 第五条 职务积分: credited from dues records only; the points per tier are in DUES below.
  { id: 'position.annual', name: '年度会费职务积分', category: '职务', kind: 'dues', claimable: false, article: '第五条' },
  { id: 'position.monthly', name: '月度职务积分', category: '职务', kind: 'dues', claimable: false, article: '第五条' },
  { id: 'position.term_bonus', name: '一次性缴纳整届会费奖励', category: '职务', kind: 'dues', claimable: false, article: '第五条' },
  ...meetingItems(),
  ...activityItems(),
  // 第八条 办实事积分
  {
    id: 'deed.quantified',
    name: '办实事（价值可量化）',
    category: '办实事',
    kind: 'value_share',
    rate: 0.01,
    cap: 100,
    range: [1, 100],
    claimable: true,
    article: '第八条',
    unit: '元',
  },
  { id: 'deed.unquantified', name: '办实事（价值无法量化）', category: '办实事', kind: 'range', range: [1, 20], claimable: true, article: '第八条' },
  { id: 'deed.major', name: '重大贡献和重大影响（会长会研究加分）', category: '办实事', kind: 'committee', claimable: false, article: '第八条' },
  // 第九条 宣传及建议积分
  { id: 'outreach.recruit', name: '介绍并发展会员', category: '宣传及建议', kind: 'per_count', points: 20, claimable: true, article: '第九条', unit: '人', maxCount: RECRUITS_PER_CLAIM },
  { id: 'outreach.suggestion', name: '书面建言献策', category: '宣传及建议', kind: 'fixed', points: 2, claimable: true, article: '第九条' },
  { id: 'outreach.adopted', name: '建言献策被采纳（额外）', category: '宣传及建议', kind: 'range', range: [5, 10], claimable: true, article: '第九条' },
  // 第十条 荣誉积分
  { id: 'honor.national', name: '获得国家级表彰、荣誉', category: '荣誉', kind: 'fixed', points: 50, claimable: true, article: '第十条' },
  { id: 'honor.provincial', name: '获得省部级表彰、荣誉', category: '荣誉', kind: 'fixed', points: 30, claimable: true, article: '第十条' },
  { id: 'honor.city', name: '获得市厅级表彰、荣誉', category: '荣誉', kind: 'fixed', points: 20, claimable: true, article: '第十条' },
  { id: 'honor.county', name: '获得县处级表彰、荣誉', category: '荣誉', kind: 'fixed', points: 10, claimable: true, article: '第十条' },
  // 第十一条 其他积分, within the proposer's authority (第十三条)
  { id: 'other', name: '其他正面影响事件', category: '其他', kind: 'discretionary', claimable: true, article: '第十一条' },
];
