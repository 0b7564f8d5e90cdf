/**
 * How an organisation is shaped and who holds what in it (SCHEMES.md §2 Unit, RoleDef, RoleGrant),
 * as data of the template: the root unit (the association, the 机关党委, the village) and the kinds of
 * unit below it (分会, 支部, 村民小组), the categories of member (荆门's 会费档次, 预备党员), and the
 * roles with their authority limit and rights.
 *
 * A person belongs to one unit (the root when none). A role is held either at the root whatever the
 * holder's unit (荆门's 会长, 秘书长: 第十二条) or at the holder's own unit (分会会长, 支部书记, 记分员).
 * A category may carry an authority limit of its own (第十三条 5: 理事 2 分), held at the person's unit.
 */
import { DomainError } from './errors';

/** What a role lets its holders do, besides reviewing where a review chain names the role. */
export type Right =
  /** Propose awards and deductions for the people where the role is held, within its limit (第十五条 集体事件). */
  | 'award'
  /** Record entries that count at once for the people of their unit (seeds/002 记分员). */
  | 'record'
  /** Close, publish (sign) and finalize periods of their unit (seeds/002 支部书记签名). */
  | 'sign'
  /** Read the ledgers of the people where the role is held. */
  | 'read'
  /** 第十九条: act on the bottom of a year's board (通报、谈话提醒) for the unit, or every unit at the root. */
  | 'remind'
  /** 积分超市: add and change rewards and their stock (seeds/004 第三篇 有专人管理). */
  | 'shop';

export interface CategoryDef {
  id: string;
  name: string;
  /** Authority limit the category carries (第十三条 5: 理事 2 分). */
  limit?: number;
  /** Ranked apart from the others on the 'leaders' board (第十六条: 为会长和会员设立独立的排名). */
  rankedApart?: boolean;
}

export interface RoleDef {
  id: string;
  name: string;
  /** Where the role is held: at the root whatever the holder's unit, or at the holder's own unit. */
  at: 'root' | 'unit';
  /** Authority limit (第十三条); none: 0. */
  limit?: number;
  /** Held by an official who is not a member (荆门's 政治指导员): no category unless one is given. */
  official?: boolean;
  rights: Right[];
}

export interface CommitteeDef {
  /** The root's committee (会长会) or each unit's (分会会长会). */
  at: 'root' | 'unit';
  name: string;
  limit: number;
}

export interface OrganisationDef {
  /** The root unit's kind and name: 'association' 市新联会, 'committee' 机关党委, 'village' 村. */
  root: { kind: string; name: string };
  /** Kinds of unit below the root, outermost first. */
  unitKinds: { id: string; name: string }[];
  categories: CategoryDef[];
  /** The category of a person imported without one (荆门: 会员). */
  defaultCategory: string | null;
  roles: RoleDef[];
  committees: CommitteeDef[];
  /**
   * Village templates (seeds/004 第三篇 以户为单位): people imported with a household share its
   * account, and the boards rank households (docs/rules.md H1).
   */
  households?: boolean;
}

/** The id under which the root unit is named in grants and routes; people of the root have unit null. */
export const ROOT = 'root';

/** What decides a person's place in the organisation. */
export interface Holder {
  _id: string;
  status: 'active' | 'left';
  /** Their unit below the root; null: the root itself. */
  branchId: string | null;
  category: string | null;
  roles: string[];
}

export interface Grant {
  role: string;
  /** A unit id, or ROOT. */
  unit: string;
  limit: number;
  rights: readonly Right[];
}

export function roleDef(organisation: OrganisationDef, id: string): RoleDef {
  const role = organisation.roles.find((r) => r.id === id);
  if (!role) throw new DomainError('INVALID_INPUT', `没有这个职务：${id}`);
  return role;
}

export function categoryDef(organisation: OrganisationDef, id: string): CategoryDef | undefined {
  return organisation.categories.find((c) => c.id === id);
}

/**
 * Where a person holds each of their roles (and their category's authority), while they are active.
 * A role the template does not know (a record from before a template was adopted) grants nothing.
 */
export function grantsOf(holder: Holder, organisation: OrganisationDef): Grant[] {
  if (holder.status !== 'active') return [];
  const own = holder.branchId ?? ROOT;
  const grants: Grant[] = holder.roles.flatMap((id) => {
    const role = organisation.roles.find((r) => r.id === id);
    return role ? [{ role: id, unit: role.at === 'root' ? ROOT : own, limit: role.limit ?? 0, rights: role.rights }] : [];
  });
  const category = holder.category === null ? undefined : categoryDef(organisation, holder.category);
  if (category?.limit) grants.push({ role: `category:${category.id}`, unit: own, limit: category.limit, rights: ['award'] });
  return grants;
}

/** 第十三条: a person's limit is the highest of their roles and category; 0 for anyone who left (第十七条). */
export function authorityOf(holder: Holder, organisation: OrganisationDef): number {
  return Math.max(0, ...grantsOf(holder, organisation).map((g) => g.limit));
}

/** The highest limit any one person can hold (committees excluded). */
export function highestAuthority(organisation: OrganisationDef): number {
  return Math.max(0, ...organisation.roles.map((r) => r.limit ?? 0), ...organisation.categories.map((c) => c.limit ?? 0));
}

/** Whether the person holds a right at a unit (or at the root, which holds it everywhere). */
export function holdsRight(holder: Holder, right: Right, organisation: OrganisationDef, unit?: string): boolean {
  return grantsOf(holder, organisation).some((g) => g.rights.includes(right) && (unit === undefined || g.unit === ROOT || g.unit === unit));
}

/**
 * Leaders of a unit (第十五条): its active people with authority of any role (an association officer
 * who belongs to a branch leads it too), and anyone holding authority at the unit: for the root, the
 * holders of root roles whatever their unit (第十二条).
 */
export function leadsUnit(holder: Holder, unit: string, organisation: OrganisationDef): boolean {
  const grants = grantsOf(holder, organisation).filter((g) => g.limit > 0);
  return grants.some((g) => g.unit === unit) || (grants.length > 0 && (holder.branchId ?? ROOT) === unit);
}
