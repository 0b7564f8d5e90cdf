/**
 * What the 我的 page shows, derived from home.get: the quick links a person's roles open, and who
 * counts as a reviewer (their 审批 link carries the inbox badge).
 */
import type { DataOf } from '../../../typings/api';
import { memberSubtitle } from '../../format/terms';
import type { PageName } from '../../navigation/routes';

const iconOf = (name: string) => `/images/icons/${name}.svg`;

export type Home = DataOf<'home.get'>;

export interface QuickLink {
  page: PageName;
  title: string;
  /** The tile's drawing (images/icons, drawn by scripts/icons.ts). */
  icon: string;
  badge: number;
  /** What the page opened is told (the roster: that its 明细 offer 提出一票否决). */
  query?: Record<string, string | number>;
}

/** Reviewers (第十四条: final reviewers by role review even without an authority of their own), or anyone with claims waiting. */
export function isReviewer(home: Pick<Home, 'can' | 'inboxCount'>): boolean {
  return home.can.review || home.inboxCount > 0;
}

/** `accountless`: no 申报积分 tile for a person who may not report for themself (H24: 申报 would only say why). */
export function quickLinksOf(home: Pick<Home, 'roles' | 'can' | 'inboxCount'> & { terms?: Home['terms'] }, accountless = false): QuickLink[] {
  const links: QuickLink[] = [
    ...(accountless ? [] : [{ page: 'report' as const, title: '申报积分', icon: iconOf('report'), badge: 0 }]),
    { page: 'ledger', title: '积分明细', icon: iconOf('ledger'), badge: 0 },
    { page: 'ranking', title: '排行榜', icon: iconOf('ranking'), badge: 0 },
    { page: 'notices', title: '公示', icon: iconOf('notices'), badge: 0 },
  ];
  // Templates that close periods into results published for objections (seeds/002 六(二)).
  if (home.terms?.publication) links.push({ page: 'outcomes', title: '考评公示', icon: iconOf('outcomes'), badge: 0 });
  if (isReviewer(home)) links.push({ page: 'inbox', title: '审批', icon: iconOf('inbox'), badge: home.inboxCount });
  if (home.can.award || home.can.record) links.push({ page: 'award', title: home.can.award ? '奖分' : '记分', icon: iconOf(home.can.award ? 'award' : 'record'), badge: 0 });
  // Leaders and readers open their members' 明细 (L1); the secretariat and heads of units act on the bottom of the year's board (第十九条).
  // A unit's 支部书记 and 记分员 propose a 一票否决 from a member's 明细 (seeds/001 篇二十一).
  // A unit's book-keeper (支部书记, 分会会长: F2) exports their unit's sheets from its 明细 list.
  if (home.can.read) {
    const query = { ...(home.can.veto ? { veto: 1 } : {}), ...(home.can.exportUnit ? { export: 1 } : {}) };
    links.push({ page: 'roster', title: `${home.terms?.words.member ?? '会员'}明细`, icon: iconOf('roster'), badge: 0, ...(Object.keys(query).length > 0 ? { query } : {}) });
  }
  if (home.can.remind) links.push({ page: 'reminders', title: '排名靠后', icon: iconOf('reminders'), badge: 0 });
  // 末尾淘汰 (seeds/003): the last places of a closed half-year or year, for the 会长会.
  if (home.can.eliminate) links.push({ page: 'elimination', title: '末尾淘汰', icon: iconOf('elimination'), badge: 0 });
  // 积分超市 (seeds/004 第三篇 四(五)1②): every active account where the template keeps one (S20).
  if (home.can.shop) links.push({ page: 'shop', title: '积分超市', icon: iconOf('shop'), badge: 0 });
  if (home.roles.includes('secretariat')) links.push({ page: 'admin', title: '管理', icon: iconOf('admin'), badge: 0 });
  return links;
}

/** A household's person: who they are and how many the household has (seeds/004 以户为单位; H9). */
function actingLine(home: Home): string {
  if (!home.acting || !home.member?.holders) return '';
  return `${home.acting}（本户 ${home.member.holders.length} 人）· `;
}

/** The avatar's two characters: a person's given name; a household's without 户 (谢建国户 → 建国, not 国户). */
function initialOf(member: NonNullable<Home['member']>): string {
  return (member.kind === 'household' ? member.name.replace(/户$/, '') : member.name).slice(-2);
}

/** The page's data for a loaded home. */
export function homeViewOf(home: Home) {
  const accountless = home.member !== null && home.member.category === null && home.member.kind !== 'household' && home.recent.length === 0;
  return {
    member: home.member,
    subtitle: home.member ? actingLine(home) + memberSubtitle(home.member, home.terms) : '',
    initial: home.member ? initialOf(home.member) : '',
    standings: home.standings,
    recent: home.recent,
    inboxCount: home.inboxCount,
    authority: home.authority,
    links: home.member ? quickLinksOf(home, accountless) : [],
    /** The template's word for whom a WeChat binds to (会员, 农户, 员工), for the card shown before binding. */
    memberWord: home.terms?.words.member ?? '会员',
    /**
     * A person without a category and without entries (the 评定小组's people and the 文书 of a village,
     * H11, H23; 荆门's 政治指导员, M3) has no 积分台账: no points card and no call to report for themself.
     */
    accountless,
  };
}

/** What the page shows before home.get answers. */
export const EMPTY_HOME_VIEW: ReturnType<typeof homeViewOf> = {
  member: null,
  subtitle: '',
  initial: '',
  standings: null,
  recent: [],
  inboxCount: 0,
  authority: 0,
  links: [],
  memberWord: '会员',
  accountless: false,
};
