/**
 * Document shapes shared by the pages and the cloud functions.
 * Dates that travel over the wire are ISO strings; calendar days are 'YYYY-MM-DD' in Asia/Shanghai.
 */

/**
 * A role id of the scheme's template (荆门: 'president', 'branch_leader'; 常州: 'scorekeeper'), or
 * 'secretariat' (秘书处, the administrators) in the list me.get answers. The template names them
 * (catalog.get `roles`).
 */
export type Role = string;

export type MemberStatus = 'active' | 'left';

/** A member as the engine reads and stores them: one name per attribute. */
export interface MemberRecord {
  _id: string;
  name: string;
  /** The member's unit below the root (分会, 支部); `null` for members of the root directly. */
  branchId: string | null;
  branchName: string | null;
  /**
   * The member's category in the template (荆门: 会费档次 member/director/council; 常州: 正式党员 or
   * 预备党员); `null` for an official who is not a member (荆门's political instructor).
   */
  category: string | null;
  /** The template's roles the member holds (荆门: 会长, 分会会长…; 常州: 支部书记, 记分员…). */
  roles: string[];
  profession: string | null;
  socialRoles: string[];
  status: MemberStatus;
  /** Secretariat (秘书处): may import members, record dues, publish schemes, export. */
  secretariat?: boolean;
  phone?: string | null;
  /** 固定积分 attributes (seeds/004 五、1: 学历, 职称…), attribute id → value id; templates with fixed points only. */
  attributes?: Record<string, string>;
  /**
   * A household account (seeds/004 第三篇 以户为单位): the points are the household's, `name` is the
   * household's (张建国户) and its people, the holders, act for it. Absent: one person's account.
   */
  kind?: 'household';
  holders?: HouseholdHolder[];
}

/** A person of a household account, as the api shows them: the name, and whether their WeChat is bound. */
export interface HouseholdHolder {
  name: string;
  bound?: boolean;
  /** The person's own invite code: the secretariat's directory only. */
  inviteCode?: string;
}

/** A member as the api answers (SPEC §5): the record, with the contract's names of category and roles too. */
export interface Member extends MemberRecord {
  /** SPEC §5's name of `category`. */
  tier: string | null;
  /** SPEC §5's name of `roles`. */
  positions: string[];
}

export interface Branch {
  _id: string;
  name: string;
}

export type ItemKind =
  /** Fixed points set by the rulebook. */
  | 'fixed'
  /** Points chosen within [min, max] by the claimant, capped by the endorser's authority. */
  | 'range'
  /** Fixed points per person/count, e.g. 20 per member introduced. */
  | 'per_count'
  /** A share of a value in yuan, rounded down, capped per deed. */
  | 'value_share'
  /** 1 to the proposer's authority (第十一、十三条). */
  | 'discretionary'
  /** Decided by a committee (会长会) within the committee's authority. */
  | 'committee'
  /** Dues-based position points; only from dues records and the monthly job. */
  | 'dues'
  /** Volunteer hours converted at `rate` points an hour (seeds/004 第五篇 志愿服务时长兑换积分; W1–W9). */
  | 'hours';

export interface CatalogItem {
  id: string;
  name: string;
  category: string;
  kind: ItemKind;
  /** Fixed points (fixed) or points per count (per_count). */
  points?: number;
  /** Allowed points (range), or [1, cap] hints for value_share. */
  range?: [number, number];
  /** value_share: points = floor(value × rate), at most cap. */
  rate?: number;
  cap?: number;
  /** Whether members may self-report it (false for dues and committee items). */
  claimable: boolean;
  /** Article of the rulebook the item comes from, e.g. '第六条'. */
  article?: string;
  /** Unit label shown with value/count inputs, e.g. '元', '人'. */
  unit?: string;
  /** Level id of the organiser (e.g. 'city_uf', 'branch') for per-level items. */
  level?: string;
  /**
   * Collective events (第十五条): marks on a recipient that add a separate line with its own item,
   * e.g. attending a meeting and speaking there → `meeting.attend.<level>` + `meeting.speak.<level>`.
   */
  extras?: { spoke?: string; hosted?: string };
  /** A deduction (扣分) item of schemes that have them: its points are entered as negative. */
  deduction?: boolean;
  /** 100-point compositions (基础分/特色分…): the component id of the scheme this item counts toward. */
  component?: string;
  /** Items sharing a monthly cap of their part (seeds/002: 政治学习 15 分/月). */
  capGroup?: string;
  /** per_count items: the largest count one claim may carry (荆门: at most 20 persons per recruit claim). */
  maxCount?: number;
  /** The most lines of this item one claim (one event) may carry, e.g. at most 3 hosts of one meeting. */
  maxPerEvent?: number;
}

/**
 * self-reports, awards (and records), committee awards, reversals and corrections of entries, and
 * objections: to a closed period's outcome during its 公示, or to an entry (SCHEMES.md §3); and a
 * unit's own item proposed for approval (第四条).
 */
export type ClaimKind = 'self' | 'award' | 'committee' | 'reversal' | 'correction' | 'objection' | 'item' | 'veto';
export type ClaimStatus = 'pending' | 'approved' | 'rejected' | 'withdrawn';
export type ClaimStep = 'endorse' | 'final';

export interface ClaimLine {
  memberId: string;
  memberName: string;
  points: number;
  /** Collective events: marks that produced extra lines (speak/host) are separate lines with their own itemId. */
  itemId: string;
  itemName: string;
  /**
   * The same member, item and day is already on the ledger (an entry id) or in a pending claim (a
   * claim id): every reviewer is shown it; approving stays allowed (two meetings on one day happen).
   */
  duplicateOf?: string;
  /** Why this line will not be posted, e.g. the member left the association (第十七条). */
  excluded?: string;
  /** Templates with a composition: where the line's item counts (its part, monthly cap group, deduction). */
  component?: string;
  capGroup?: string;
  deduction?: boolean;
  /** Volunteer hours the line converts (kind 'hours'), kept beside the points (W3). */
  hours?: number;
}

export interface Decision {
  step: ClaimStep;
  by: string;
  byName: string;
  decision: 'approve' | 'reject' | 'withdraw';
  at: string;
  reason?: string;
  /** The points an endorser set for a range item, when they changed them. */
  points?: number;
  /** Indexes of the lines flagged `duplicateOf` that this approval let through. */
  flagged?: number[];
}

export interface WaitingFor {
  /** Member ids who may decide the current step, as the role resolves today (kept current when holders change). */
  memberIds: string[];
  /** Human description of who that is, e.g. '分会领导（权限≥5分）' or '秘书长'. */
  label: string;
}

/**
 * The role a pending claim waits for, so the route can be worked out again when its holders change:
 * `keys` name the groups whose members the route consulted (`role:<roleId>@<unit>`, `lead:<unit>`,
 * where the unit is a unit id or `root`), `from` the role final review starts at (第十四条).
 */
export interface ClaimRouting {
  keys: string[];
  from?: string;
  /** Role steps: the unit whose holders decide a unit role ('root' for the root). */
  unit?: string;
  /** Role steps: the roles the step may pass to, from `from` on. */
  order?: string[];
}

export interface Claim {
  _id: string;
  kind: ClaimKind;
  itemId: string;
  itemName: string;
  schemeVersion: number;
  occurredOn: string;
  note: string;
  evidence: string[];
  /** Who submitted it (the claimant for self-reports, the proposer for awards). */
  createdBy: string;
  createdByName: string;
  lines: ClaimLine[];
  /** Inputs of the claimant, kept for review. */
  input: { value?: number; count?: number; points?: number };
  /** The discretionary points on one event that an endorser's or proposer's authority must cover. */
  discretionary: number;
  /** The points the claim posts if approved: its lines' sum, leaving out excluded lines. */
  total: number;
  status: ClaimStatus;
  step: ClaimStep | null;
  waitingFor: WaitingFor | null;
  /** Pending claims only: what `waitingFor` was worked out from. */
  routing: ClaimRouting | null;
  decisions: Decision[];
  /** reversal and correction: the entry being corrected; committee: the decision's reference. */
  reversalOf?: string;
  /** A unit's own item proposed for approval (第四条): the item and its unit. */
  proposedItem?: CatalogItem;
  unitId?: string;
  /** Objections to an outcome: the outcome row and the publication (公示) it belongs to. */
  outcomeId?: string;
  publication?: string;
  reference?: string;
  /** A proposed veto (veto.propose): the condition of the template, its effect and the cycle. */
  veto?: { condition: string; conditionName: string; effect: 'zero' | 'fail' | 'bar'; key: string; memberId: string; memberName: string };
  /** Committee awards: the committee that decided (第十三条: 会长会 or a branch's 会长会). */
  committee?: { id: string; name: string };
  /**
   * Short-lived URLs of the evidence photos, in the order of `evidence`, on claims read by someone the
   * claim may be shown to (files are never served by id alone).
   */
  evidenceUrls?: string[];
  createdAt: string;
  updatedAt: string;
}

export interface LedgerEntry {
  _id: string;
  memberId: string;
  memberName: string;
  itemId: string;
  itemName: string;
  points: number;
  occurredOn: string;
  schemeVersion: number;
  claimId: string | null;
  /** Who proposed/endorsed and who gave final review; empty for system entries (dues job). */
  reviewers: string[];
  note?: string;
  /** A reversing entry names the entry it corrects. */
  reverses?: string;
  /** The corrected entry of a correction names the entry it replaces. */
  corrects?: string;
  /** The line repeated an approved entry or pending claim of the same member, item and day when it was approved. */
  duplicateOf?: string;
  /** Templates with a composition: the part, monthly cap group and deduction of the item when posted. */
  component?: string;
  capGroup?: string;
  deduction?: boolean;
  /**
   * 积分超市: the entry spends points on a reservation (negative) or returns them (positive): it moves
   * the account's balance, never its cumulative total (seeds/004 第三篇: 累计积分不清零).
   */
  redemption?: { id: string; rewardName: string; quantity: number };
  /** Volunteer hours the entry converted (W3): shown in 明细 beside the points. */
  hours?: number;
  createdAt: string;
}

export interface Notice {
  _id: string;
  title: string;
  body: string;
  kind: 'scheme' | 'announcement';
  schemeVersion?: number;
  changes?: string[];
  publishedAt: string;
  effectiveFrom?: string;
}

export interface DuesRecord {
  _id: string;
  memberId: string;
  paidOn: string;
  years: 1 | 5;
  /** The member's category (会费档次) when they paid: it decides the points for the whole period (第五条). */
  tier: string;
  /** First and last month covered, 'YYYY-MM'. */
  fromMonth: string;
  toMonth: string;
  recordedBy: string;
  createdAt: string;
  /** The last month the monthly job credited ('YYYY-MM'). */
  creditedThrough?: string;
  /** admin.dues.void: when and why the record was voided; its entries are reversed and its months freed. */
  voidedAt?: string;
  voidReason?: string;
}

/** HR's record of one person's month (collection `attendance`, id `<memberId>:<month>`). */
export interface Attendance {
  _id: string;
  memberId: string;
  month: string;
  /** Days worked (出勤天数) of the month's required working days (应出勤天数). */
  days: number;
  workdays: number;
  /** Changes recorded after the first (each correction after crediting posts its own adjustment). */
  revision: number;
  /** Whether the month still waits for crediting (it has not ended, or the job has not reached it). */
  pending: boolean;
  /** Monthly points of the person's attributes when the month was first credited; null before. */
  rate: number | null;
  /** Points credited for the month so far (adjustments included); null before the first credit. */
  credited: number | null;
  recordedBy: string;
  recordedAt: string;
}

/** 六、4 一次不离职的机会 (seeds/004 第一篇): given by HR to a person listed at a month's end; once per person. */
export interface Reprieve {
  /** `<memberId>:<n>`, the n-th reprieve of the person (the template allows one). */
  _id: string;
  memberId: string;
  name: string;
  /** The month at whose end the person was listed. */
  month: string;
  /** Their total at that month's end. */
  total: number;
  note: string;
  recordedBy: string;
  recordedAt: string;
}
