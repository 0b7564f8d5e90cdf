import type { CatalogItem, DataOf, LedgerEntry, Member, Notice, SchemeTerms, Standing } from '../../../typings/api';
import { capabilitiesOf } from '../../../domain/capabilities';
import { schemeTerms } from '../../../domain/glossary';
import { CHANGZHOU_SCHEME } from '../../../domain/schemes/changzhou';
import { JINGMEN_SCHEME } from '../../../domain/schemes/jingmen';

/** The words and names of the 荆门 template, as the api sends them with me.get, catalog.get and the rest. */
export function jingmenTerms(): SchemeTerms {
  return schemeTerms(JINGMEN_SCHEME);
}

/** The words of the changzhou template (机关党委, 支部, 党员; quarters and the year's 考评 by score). */
export function changzhouTerms(): SchemeTerms {
  return schemeTerms(CHANGZHOU_SCHEME);
}

/** A member as the api answers: `tier` and `positions` (荆门's names) and `category` and `roles` agree. */
export function aMember(overrides: Partial<Member> = {}): Member {
  const category = overrides.category !== undefined ? overrides.category : overrides.tier !== undefined ? overrides.tier : 'member';
  const roles = overrides.roles ?? overrides.positions ?? [];
  return {
    _id: 'member-1',
    name: '张三',
    branchId: 'branch-dongbao',
    branchName: '东宝分会',
    profession: null,
    socialRoles: [],
    status: 'active',
    ...overrides,
    category,
    roles,
    tier: category,
    positions: roles,
  };
}

/** What me.get says the caller may do: nothing until a test gives them a role. */
export function noCapabilities(): DataOf<'me.get'>['can'] {
  return { review: false, award: false, record: false, sign: false };
}

export function aStanding(overrides: Partial<Standing> = {}): Standing {
  return { key: '2026-11', total: 0, rank: null, ...overrides };
}

export function aLedgerEntry(overrides: Partial<LedgerEntry> = {}): LedgerEntry {
  return {
    _id: 'entry-1',
    memberId: 'member-1',
    memberName: '张三',
    itemId: 'meeting.attend.association',
    itemName: '参加市新联会会议',
    points: 20,
    occurredOn: '2026-11-18',
    schemeVersion: 1,
    claimId: 'claim-1',
    reviewers: ['leader-1', 'president'],
    createdAt: '2026-11-19T02:00:00.000Z',
    ...overrides,
  };
}

/** home.get's data for a bound member with no points yet; override what a test is about. */
export function aHome(overrides: Partial<DataOf<'home.get'>> = {}): DataOf<'home.get'> {
  return {
    member: aMember(),
    roles: [],
    authority: 0,
    inboxCount: 0,
    standings: {
      month: aStanding({ key: '2026-11' }),
      year: aStanding({ key: '2026' }),
      all: aStanding({ key: 'all' }),
    },
    recent: [],
    terms: jingmenTerms(),
    can: jingmenCapabilities(overrides.member ?? aMember(), overrides.roles ?? [], overrides.authority ?? 0),
    ...overrides,
  };
}

/** What the 荆门 server would say a member with these roles and authority may do. */
function jingmenCapabilities(member: Member | null, roles: string[], authority: number): DataOf<'me.get'>['can'] {
  if (!member) return noCapabilities();
  const can = capabilitiesOf({ ...member, roles: roles.filter((r) => r !== 'secretariat') }, JINGMEN_SCHEME);
  // A test that gives an authority without the role behind it still means a leader.
  // The secretariat reads every 明细 and acts on the bottom of the board, as me.get says (L1, 第十九条).
  const secretariat = roles.includes('secretariat') ? { read: true, remind: true } : {};
  return { ...can, review: can.review || authority > 0, award: can.award || authority > 0, ...secretariat };
}

export function aCatalogItem(overrides: Partial<CatalogItem> = {}): CatalogItem {
  return {
    id: 'meeting.attend.association',
    name: '参加市新联会会议',
    category: '会议',
    kind: 'fixed',
    points: 20,
    claimable: true,
    article: '第六条',
    ...overrides,
  };
}

/** A small catalog with one item of every kind a member can report, and two they cannot. */
export function aCatalog(overrides: Partial<DataOf<'catalog.get'>> = {}): DataOf<'catalog.get'> {
  return {
    version: 1,
    effectiveFrom: '2024-01-18T00:00:00+08:00',
    claimsWindowDays: 90,
    selfReportMax: 10,
    viewer: { memberId: 'm-1', authority: 0, roles: [], can: { review: false, award: false, record: false, sign: false }, selfReportRefusal: null },
    scheme: { id: 'jingmen', name: JINGMEN_SCHEME.name },
    roles: JINGMEN_SCHEME.organisation.roles.map((r) => ({ id: r.id, name: r.name })),
    terms: jingmenTerms(),
    items: [
      aCatalogItem({ id: 'position.annual', name: '年度会费职务积分', category: '职务', kind: 'dues', points: undefined, claimable: false, article: '第五条' }),
      aCatalogItem(),
      aCatalogItem({ id: 'activity.outstanding.association', name: '在市新联会活动中突出表现（额外）', category: '活动', kind: 'range', points: undefined, range: [1, 10], article: '第七条' }),
      aCatalogItem({ id: 'deed.quantified', name: '办实事（价值可量化）', category: '办实事', kind: 'value_share', points: undefined, rate: 0.01, cap: 100, range: [1, 100], unit: '元', article: '第八条' }),
      aCatalogItem({ id: 'deed.major', name: '重大贡献和重大影响（会长会研究加分）', category: '办实事', kind: 'committee', points: undefined, claimable: false, article: '第八条' }),
      aCatalogItem({ id: 'outreach.recruit', name: '介绍并发展会员', category: '宣传及建议', kind: 'per_count', points: 20, unit: '人', article: '第九条' }),
      aCatalogItem({ id: 'other', name: '其他正面影响事件', category: '其他', kind: 'discretionary', points: undefined, article: '第十一条' }),
    ],
    ...overrides,
  };
}

export function aNotice(overrides: Partial<Notice> = {}): Notice {
  return {
    _id: 'notice-1',
    title: '关于召开2026年度会员大会的通知',
    body: '定于12月10日召开年度会员大会，请各位会员准时参加。',
    kind: 'announcement',
    publishedAt: '2026-11-15T01:00:00.000Z',
    ...overrides,
  };
}
