/**
 * The `api` cloud function's contract (SPEC §5): one table of actions, each with its payload and
 * its data. The pages' service module and the router are both checked against it.
 */
import type {
  Attendance,
  Branch,
  CatalogItem,
  Claim,
  ClaimStatus,
  DuesRecord,
  LedgerEntry,
  Member,
  MemberStatus,
  Notice,
  Reprieve,
  Role,
} from './models';

export * from './models';

export type ErrorCode =
  | 'INVALID_INPUT'
  | 'NOT_BOUND'
  | 'FORBIDDEN'
  | 'OVER_AUTHORITY'
  | 'SELF_REVIEW'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'OUT_OF_WINDOW'
  | 'INTERNAL';

export interface ApiError {
  code: ErrorCode;
  /** For the user, in Chinese. */
  message: string;
}

export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiError };

/** SCHEMES.md §3 Periods: a template lists the periods its boards and outcomes use. */
export type Period = 'month' | 'quarter' | 'half' | 'year' | 'cycle' | 'all';

export interface BoardScope {
  branchId?: string;
  group?: 'leaders' | 'members';
  /** A category of the template (荆门: 会费档次). */
  category?: string;
  /** SPEC §5's name of `category`, kept in the contract. */
  tier?: string;
  profession?: string;
  socialRole?: string;
}

export interface RankingRow {
  memberId: string;
  name: string;
  branchName: string | null;
  total: number;
  rank: number;
  /** Templates with a composition: the account's score of the period's cycle (the cycle board ranks by it). */
  score?: number;
}

export interface MemberPatch {
  name?: string;
  phone?: string | null;
  branch?: string | null;
  category?: string | null;
  roles?: string[];
  /** SPEC §5's names of `category` and `roles`. */
  tier?: string | null;
  positions?: string[];
  profession?: string | null;
  socialRoles?: string[];
  status?: MemberStatus;
  secretariat?: boolean;
  /** Clears the bound WeChat account and issues a new invite code (rebinding is an admin reset). */
  resetBinding?: true;
  /** A household's person, by name: clears their WeChat and gives them a new code; the others stay bound (docs/rules.md H20). */
  resetHolder?: string;
}

export interface ImportRow {
  name: string;
  phone?: string;
  /** The unit the person belongs to, by name (分会, 支部); none: the root. */
  branch?: string;
  /** Role ids of the template (SCHEMES.md §3); 荆门's `positions` stay accepted. */
  roles?: string[];
  positions?: string[];
  /** A category of the template (e.g. `probationary` 预备党员); 荆门's `tier` stays accepted. */
  category?: string;
  tier?: string;
  profession?: string;
  socialRoles?: string[];
  /** 固定积分 attributes (seeds/004 五、1: 学历, 职称…), each value by code or name; templates with fixed points only. */
  attributes?: Record<string, string>;
  /** Village templates: the household the person belongs to (张建国户); its rows share one account. */
  household?: string;
}

/** One period's standing of the caller: total and competition rank on the association board. */
export interface Standing {
  key: string;
  total: number;
  rank: number | null;
  /** Templates with a 积分超市, on the all-time standing: what is left to spend (docs/rules.md S1). */
  balance?: number;
}

/**
 * SCHEMES.md §3 Scores: the caller's standing in the current assessment cycle (templates with one):
 * the score and each part against its maximum. Every active account has a score, 0 with no entries.
 */
export interface CycleStanding extends Standing {
  score?: number;
  components?: { id: string; name: string; points: number; max: number }[];
}

/** A member as the directory shows them; phone, invite code and binding only for the secretariat. */
export interface DirectoryMember extends Member {
  inviteCode?: string;
  bound?: boolean;
}

/**
 * What the pages need of the scheme's template to speak its language (SCHEMES.md §3): its words, the
 * names of its roles and categories, the periods its boards offer and the parts of its score.
 */
export interface SchemeTerms {
  template: string;
  /** The article 排名靠后 cites (荆门 第十九条); absent where the rulebook has none. */
  reminderArticle?: string;
  name: string;
  words: {
    /** 会员 / 党员. */
    member: string;
    /** 会费档次 / 党员类别. */
    category: string;
    /** A unit below the root: 分会 / 支部. */
    unit: string;
    /** The root: 市新联会 / 机关党委. */
    root: string;
    /** What members of the root directly are listed as: 总会直属. */
    direct: string;
    /** The root's committee (会长会) and a unit's (会长会, 支委会). */
    committee: string;
    unitCommittee: string;
  };
  roles: { id: string; name: string; at: 'root' | 'unit' }[];
  categories: { id: string; name: string; rankedApart?: boolean }[];
  /** The periods the boards offer, longest last ('cycle' only for templates with an assessment cycle). */
  periods: Period[];
  /** Templates with an annual assessment cycle: the month it starts (7 for 七一), keyed by the year it starts in. */
  cycle?: { startMonth: number };
  /** Templates that list the last places of a closed period for removal (末尾淘汰, seeds/003: bottom.list). */
  bottom?: true;
  /** Templates with 一票否决 conditions and a chain that decides them (veto.propose, veto.list). */
  vetoes?: true;
  /** Templates with a composition: the parts of the score and their maxima. */
  components?: { id: string; name: string; max: number }[];
  /** Templates that close periods into outcomes and publish them (公示): which periods, for how many working days, signed by whom. */
  publication?: { periods: Period[]; windowWorkingDays: number; signer: string };
  /** Templates whose members pay dues that earn points (荆门 第五条): the 管理 page's 会费 tab. */
  dues?: true;
  /** The warnings outcomes may carry, by id (黄色预警, 红色预警). */
  warnings?: { id: string; name: string }[];
  /** Templates whose accounts are households (seeds/004 第三篇 以户为单位): pages count 户, not 人. */
  households?: true;
  /**
   * Templates with 固定积分 (seeds/004 五、1): the attributes, each value with its points per full month
   * worked (HR's 出勤录入 and the attributes sheet of a person).
   */
  fixedPoints?: {
    /** The catalog item the monthly credits are posted on: never proposed or reported by hand. */
    item: string;
    attributes: { id: string; name: string; values: { id: string; name: string; points: number }[] }[];
  };
  /** Templates that list accounts at or below a line at a month's end (seeds/004 六、4): the line and the reprieves one may be given. */
  separation?: { atOrBelow: number; reprieves: number };
  /** The export adds the 薪酬积分 sheet (seeds/004 六、1、2). */
  payroll?: true;
  /**
   * Templates where an award or deduction beyond the proposer's own limit goes up to whoever's limit
   * covers it (seeds/004 三、2 分层分级授权) rather than being refused: the highest limit it may reach.
   */
  escalates?: { upTo: number };
  /**
   * The 排行 page's tabs (a cycle's board stands for the year's where there is one) and scopes: the
   * whole organisation's name (全会, 全部), leaders and members apart, by category, by facet.
   */
  boards: {
    tabs: { value: Period; label: string }[];
    whole: string;
    groups: boolean;
    categories: boolean;
    facets: ('profession' | 'socialRole')[];
  };
}

/**
 * A unit on the board of units: the points its active members earned in the period, ranked by that
 * total; its active members and their average (points, or score where the board ranks by score).
 */
export interface UnitRankingRow {
  unitId: string;
  name: string;
  total: number;
  rank: number;
  members: number;
  average: number;
}

/** The caller's own row of a board: their member id (to mark their row among the rows), rank and total. */
export interface BoardStanding {
  memberId?: string;
  rank: number | null;
  total: number;
  score?: number;
}

/** A value a board may be scoped to, with how many active members hold it. */
export interface BoardChoice {
  value: string;
  members: number;
}

/** ranking.scopes' answer: every unit by name (with its active members), and the profession and social-role values that exist, most held first. */
export interface BoardChoices {
  units: { unitId: string; name: string; members: number }[];
  professions: BoardChoice[];
  socialRoles: BoardChoice[];
}

/** ranking.get's answer to `by: 'unit'`. */
export interface UnitBoard {
  by: 'unit';
  period: Period;
  key: string;
  rows: UnitRankingRow[];
  me: null;
  terms: SchemeTerms;
}

/** What the caller may do, for the pages to offer (review, award, record, sign a period). */
export interface Capabilities {
  review: boolean;
  award: boolean;
  record: boolean;
  sign: boolean;
  /** May open other members' 明细 (docs/rules.md L1): every member's, or their unit's. Absent: no. */
  read?: boolean;
  /** May act on the bottom of a year's board (第十九条, B1). Absent: no. */
  remind?: boolean;
  /** May propose a 一票否决 for a member of their unit (veto.propose). Absent: no. */
  veto?: boolean;
  /** May read 末尾淘汰's list (bottom.list). Absent: no. */
  eliminate?: boolean;
  /** May open the 积分超市 (shop.list): an active account where the template keeps one. Absent: no. */
  shop?: boolean;
  /** May export their own unit's sheets (admin.export scoped to it, docs/rules.md F2). Absent: no. */
  exportUnit?: boolean;
}

/** A closed period as the pages see it (SCHEMES.md §3 Outcomes and 公示). */
export interface PublicationView {
  period: Period;
  key: string;
  /** The unit whose outcomes these are; 'root': every unit. */
  unitId: string;
  state: 'closing' | 'draft' | 'public' | 'final';
  drafted: number;
  publicUntil?: string;
  signedBy?: { id: string; name: string };
}

/** One account's outcome of a closed period. */
export interface OutcomeView {
  outcomeId: string;
  memberId: string;
  name: string;
  branchName: string | null;
  score: number;
  /** The period's points. */
  total: number;
  parts: { id: string; name: string; points: number; max: number }[] | null;
  grade: string | null;
  /** The grade's name (优秀, 合格…), null where the template has no grades. */
  gradeName: string | null;
  /** Graded rows: the place within the unit by score, ties sharing a place. */
  rank?: number;
  warning: string | null;
  stars: number | null;
  vetoed: boolean;
  /** 一票否决 or a disqualification in force for the cycle (seeds/001 篇一, 篇二十一): which condition and why. */
  veto?: { condition: string; conditionName: string; reason: string; effect: VetoEffect };
  /** Consequences and flags of the rules, for the people who act on them. */
  flags: string[];
  /** An objection raised during the 公示 (SCHEMES.md §3 objection.submit). */
  objection?: { claimId: string; state: 'pending' | 'upheld' | 'rejected' };
}

/**
 * zero: the cycle's score is 0 (篇二十一); fail: failed whatever the score (篇一); bar: keeps earning
 * but may not redeem in the 积分超市 for the year (001 篇十七 四 14: 在规定期限内仍可积分但不参与积分兑换奖励).
 */
export type VetoEffect = 'zero' | 'fail' | 'bar';

/**
 * A veto in force: a member's cycle scored 0 ('zero', 篇二十一), graded failing whatever the score ('fail',
 * 篇一), or barred from the 积分超市 ('bar', 篇十七 14).
 */
export interface Veto {
  _id: string;
  memberId: string;
  memberName: string;
  branchId: string | null;
  /** The cycle's key. */
  key: string;
  condition: string;
  conditionName: string;
  effect: VetoEffect;
  reason: string;
  claimId: string;
  proposedBy: { id: string; name: string };
  decidedBy: { id: string; name: string };
  decidedAt: string;
}

/** A reward of the 积分超市 (seeds/004 第三篇): 1 point = 1 yuan, kept by the village or a partner shop. */
export interface Reward {
  _id: string;
  name: string;
  /** Points per item (1 point = 1 yuan of goods: the unit price). */
  cost: number;
  /** Items left to reserve. */
  stock: number;
  /** Who keeps it: the village's own 积分超市 or a partner shop (商店超市等市场经营主体). */
  keeper: string;
  /** The share of the unit price the 财政补助 covers (004 五: at most 50%); absent: the template's. */
  subsidyShare?: number;
  /** Withdrawn rewards are kept for the history of their redemptions. */
  active: boolean;
  updatedAt: string;
}

export type RedemptionStatus = 'reserved' | 'fulfilled' | 'cancelled' | 'expired';

/** One reservation of a reward by an account, from its pickup code to its handing over or return. */
export interface Redemption {
  _id: string;
  /** The pickup code, unique among open reservations. */
  code: string;
  status: RedemptionStatus;
  memberId: string;
  memberName: string;
  branchId: string | null;
  rewardId: string;
  rewardName: string;
  keeper: string;
  quantity: number;
  /** Points per item when reserved, and their product. */
  cost: number;
  points: number;
  /** The subsidy share in force when reserved. */
  subsidyShare: number;
  reservedBy: { id: string; name: string };
  reservedAt: string;
  reservedOn: string;
  /** The last day it may be collected (Asia/Shanghai). */
  expiresOn: string;
  fulfilledOn?: string;
  fulfilledBy?: { id: string; name: string };
  /** Cancelled or expired: when, by whom, and the entry that returned the points. */
  closedAt?: string;
  closedBy?: { id: string; name: string };
}

/** A reward as the 积分超市's first screen shows it. */
export interface RewardView {
  rewardId: string;
  name: string;
  cost: number;
  stock: number;
  keeper: string;
  /** The share of the unit price the 财政补助 covers (S13): for the shop's managers only, never a household. */
  subsidyShare?: number;
}

/** When rewards are handed over, for the 积分超市's first screen (S7, S6, S9). */
export interface ShopDays {
  /** The first redemption day on or after today (Asia/Shanghai): today when today is one. */
  next: string;
  /** Days a reservation waits after the day it is made. */
  reservationDays: number;
  /** The most of one reward one reservation takes. */
  maxQuantity: number;
}

/** The input of a reward an administrator adds or changes. */
export interface RewardInput {
  rewardId?: string;
  name: string;
  cost: number;
  stock: number;
  keeper: string;
  subsidyShare?: number;
  active?: boolean;
}

/** One of the last places of a closed period's board (末尾淘汰), with its places before. */
export interface EliminationRow {
  memberId: string;
  name: string;
  branchName: string | null;
  category: string | null;
  total: number;
  rank: number;
  history: { key: string; total: number; rank: number | null }[];
}

/** 第十九条: a 通报 or 谈话提醒 given to a member at the bottom of a year's board (docs/rules.md B1–B5). */
export interface Reminder {
  _id: string;
  memberId: string;
  memberName: string;
  branchId: string | null;
  /** The year whose board it was given for ('YYYY'). */
  year: string;
  method: 'notice' | 'talk';
  note: string;
  recordedBy: { id: string; name: string };
  recordedAt: string;
}

/** An account at the bottom of a year's board, with the reminders given to it for that year. */
export interface BottomRow extends RankingRow {
  /** No entry in the year: not on the public board, and below everyone who is. */
  unranked: boolean;
  reminders: Reminder[];
}

/** A claim in the approver's inbox, with the unit of whoever filed it: who and which branch first. */
export interface InboxClaim extends Claim {
  /** The unit (分会, 支部) of the claimant or proposer; null for people of the root directly. */
  createdByBranchName: string | null;
}

export type PeriodPayload = { period: Period; key: string; unitId?: string };

export interface SchemeItemInput extends Omit<CatalogItem, 'claimable'> {
  claimable?: boolean;
}

/** Every action: its payload and the data of a successful result. */
export interface Actions {
  'me.get': {
    payload: Record<string, never> | undefined;
    data: {
      member: Member | null;
      roles: Role[];
      authority: number;
      inboxCount: number;
      inviteCode?: string;
      terms: SchemeTerms;
      /** What the pages offer the caller; the server checks every action again. */
      can: Capabilities;
      /** A household's person: who of its people the caller is (`member` is the household; H9). */
      acting?: string;
    };
  };
  'me.bind': { payload: { inviteCode: string }; data: { member: Member } };
  /** The 我的 page's first screen in one call: who I am, my month/year/all standings, recent entries. */
  'home.get': {
    payload: Record<string, never> | undefined;
    data: Actions['me.get']['data'] & {
      standings: { month: Standing; year: Standing; all: Standing; cycle?: CycleStanding } | null;
      recent: LedgerEntry[];
    };
  };
  /** The member directory (pickers, administration): leaders and the secretariat. */
  'members.list': {
    /** `limit`: a page of up to 200 (a unit's roster in one call); 50 by default. */
    payload: { search?: string; branchId?: string; status?: MemberStatus; limit?: number; cursor?: string };
    /** `unitId`: the one unit the caller's directory holds (a unit's leaders, recorders and readers); absent when it holds every unit. */
    data: { members: DirectoryMember[]; branches: Branch[]; cursor: string | null; terms: SchemeTerms; unitId?: string };
  };
  'catalog.get': {
    payload: Record<string, never> | undefined;
    data: {
      version: number;
      effectiveFrom: string;
      items: CatalogItem[];
      claimsWindowDays: number;
      /** The most discretionary points a self-report may ask: nobody's authority covers more (第十三条). */
      selfReportMax: number;
      /** What the caller may do with the catalog (the 申报 and 奖分 pages' first screen in one call). */
      viewer: {
        memberId: string | null;
        authority: number;
        roles: Role[];
        can: Capabilities;
        /**
         * Why the caller may not report for themself, shown by 申报 in place of its form: a person with
         * no 积分台账 (an official of no category, docs/rules.md H24); `null` for an account or the unbound.
         */
        selfReportRefusal: string | null;
      };
      /** SCHEMES.md §3: the template and its roles and parts. */
      scheme: { id: string; name: string };
      roles: { id: string; name: string }[];
      components?: { id: string; name: string; max: number }[];
      /** The conditions of a 一票否决 the template lists (veto.propose's `condition`), where it has them. */
      vetoes?: { id: string; name: string; effect: VetoEffect }[];
      terms: SchemeTerms;
    };
  };
  'claim.submit': {
    payload: {
      itemId: string;
      occurredOn: string;
      points?: number;
      value?: number;
      count?: number;
      note: string;
      evidence?: string[];
    };
    data: { claim: Claim };
  };
  'claim.withdraw': { payload: { claimId: string }; data: { claim: Claim } };
  'claim.get': { payload: { claimId: string }; data: { claim: Claim } };
  'claim.mine': { payload: { status?: ClaimStatus; cursor?: string }; data: { claims: Claim[]; cursor: string | null } };
  'award.propose': {
    payload: {
      itemId: string;
      occurredOn: string;
      recipients: { memberId: string; points?: number; spoke?: boolean; hosted?: boolean }[];
      /** Items counted per person or by value (outreach.recruit, deed.quantified): the count or value in yuan. */
      count?: number;
      value?: number;
      note: string;
      evidence?: string[];
      /** Committee awards (deed.major): the decision's reference. */
      reference?: string;
      /** Committee awards: 'association' (会长会) or a branch id (分会会长会). */
      committee?: string;
    };
    /**
     * One claim per final reviewer (第十四条: a recipient never reviews their own line, so the lines of
     * recipients who are themselves reviewers go to the next one up): `claim` the first, `claims` all.
     */
    data: { claim: Claim; claims: Claim[] };
  };
  'entry.reverse': { payload: { entryId: string; reason: string }; data: { claim: Claim } };
  /** One claim that, once approved, posts a reversing entry and the corrected one (SPEC §4 Ledger). */
  'entry.correct': { payload: { entryId: string; points: number; reason: string }; data: { claim: Claim } };
  'inbox.list': { payload: { cursor?: string }; data: { claims: InboxClaim[]; cursor: string | null; terms: SchemeTerms } };
  'claim.decide': {
    payload: { claimId: string; decision: 'approve' | 'reject'; points?: number; reason?: string };
    data: { claim: Claim };
  };
  /**
   * A board of members; with `by: 'unit'`, of the units against each other (SCHEMES.md §3 Boards),
   * whose answer is a UnitBoard (the one action whose data depends on its payload).
   */
  'ranking.get': {
    payload: { period: Period; key?: string; scope?: BoardScope; limit?: number; by?: 'member' | 'unit' };
    data: { by?: 'member'; period: Period; key: string; rows: RankingRow[]; me: BoardStanding | null; terms: SchemeTerms };
  };
  /** The values the 排行 page's filters offer: every unit, and the professions and social roles members have. */
  'ranking.scopes': { payload: Record<string, never> | undefined; data: BoardChoices };
  'ledger.list': { payload: { memberId?: string; cursor?: string }; data: { entries: LedgerEntry[]; cursor: string | null } };
  'notice.list': { payload: Record<string, never> | undefined; data: { notices: Notice[] } };
  'admin.members.import': {
    payload: { rows: ImportRow[] };
    data: {
      created: number;
      updated: number;
      errors: { row: number; message: string }[];
      /** One per person; a household's people each have their own code, `holder` naming them. */
      members: { memberId: string; name: string; inviteCode: string; holder?: string }[];
    };
  };
  'admin.members.update': {
    payload: { memberId: string; patch: MemberPatch };
    /** The member's current invite code (a new one after resetBinding), for the secretariat to share; after resetHolder, that person's new code. */
    data: { member: Member; inviteCode: string };
  };
  'admin.dues.record': { payload: { memberId: string; paidOn: string; years: 1 | 5 }; data: { dues: DuesRecord; entries: LedgerEntry[] } };
  /** A member's dues records, newest first, voided ones included (with voidedAt and voidReason). */
  'admin.dues.list': { payload: { memberId: string }; data: { dues: DuesRecord[] } };
  /** Voids a dues record entered in error: reverses its entries, stops the monthly job for it, frees its months. */
  'admin.dues.void': { payload: { duesId: string; reason: string }; data: { dues: DuesRecord; entries: LedgerEntry[] } };
  'admin.scheme.publish': {
    payload: { items: SchemeItemInput[]; effectiveFrom?: string; note: string };
    data: { version: number };
  };
  /** `url` is short-lived (files are read only through URLs the server hands out); the file is deleted after a day. */
  /** SCHEMES.md §3: closing a period drafts one outcome per active account, in resumable batches. */
  'admin.period.close': { payload: PeriodPayload; data: { publication: PublicationView; done: boolean } };
  /** Opens the 公示 window; where the template says a unit's head signs, publishing is that signature. */
  'admin.period.publish': { payload: PeriodPayload; data: { publication: PublicationView } };
  /** Refused before the window ends or while an objection is undecided. */
  'admin.period.finalize': { payload: PeriodPayload; data: { publication: PublicationView } };
  'outcome.list': {
    payload: { period: Period; key: string; scope?: { branchId?: string }; cursor?: string };
    data: {
      state: PublicationView['state'] | null;
      publicUntil?: string;
      signedBy?: { id: string; name: string };
      rows: OutcomeView[];
      cursor: string | null;
      /** The unit shown (null: the whole organisation), whether the caller signs for it (close, publish, finalize), and the units a reader of every unit may switch to. */
      unitId: string | null;
      signs: boolean;
      units?: { _id: string; name: string }[];
      /**
       * A unit's graded rows with a quota (seeds/001 篇一: 优秀 at most 15% of the branch's members, at
       * least 1): the limited grade, its places and the members counted, for the quota line; `share`
       * and `minimum` are the template's rule, for the line to say how the places were counted.
       */
      quota?: { grade: string; name: string; places: number; members: number; share?: number; minimum?: number };
    };
  };
  /** An objection to an outcome while its 公示 is open, or to an entry of one's own (SCHEMES.md §3). */
  'objection.submit': { payload: { outcomeId?: string; entryId?: string; reason: string }; data: { claim: Claim } };
  /**
   * 一票否决 or a disqualification (seeds/001 篇二十一, 篇一) proposed for a member and a cycle by whoever
   * records or signs for their unit; a claim of kind 'veto' decided under the template's veto chain.
   */
  'veto.propose': { payload: { memberId: string; key: string; condition: string; reason: string }; data: { claim: Claim } };
  /** The vetoes in force for a cycle: of a unit, or of every unit for root readers and the secretariat. */
  'veto.list': { payload: { key: string; branchId?: string }; data: { vetoes: Veto[] } };
  /** A unit's own item (第四条): proposed by the unit's head, it applies to the unit once the root approves it. */
  'item.propose': {
    payload: { unitId?: string; item: { name: string; points: number; component?: string; claimable?: boolean }; note: string };
    data: { claim: Claim };
  };
  /**
   * 第十九条: the bottom of a year's board (the whole organisation's, or a unit's) with each account's
   * reminders, for the secretariat and the heads of units (their own unit).
   */
  'reminder.list': {
    payload: { year?: string; branchId?: string };
    data: {
      year: string;
      /** The unit shown (null: the whole organisation), and the units a reader of every unit may switch to. */
      unitId: string | null;
      units?: { _id: string; name: string }[];
      /** Accounts on the board (every active member, those without points included) and how many the bottom holds. */
      ranked: number;
      size: number;
      rows: BottomRow[];
      byScore: boolean;
      terms: SchemeTerms;
    };
  };
  /** Records a 通报 or 谈话提醒 given to a member for a year (第十九条). */
  'reminder.record': {
    payload: { memberId: string; year: string; method: Reminder['method']; note: string };
    data: { reminder: Reminder };
  };
  /**
   * 末尾淘汰 (seeds/003): the last places of a closed period's board (the template's share or count,
   * ties included), with each one's places in the periods before, for the 会长会.
   */
  'bottom.list': { payload: { period: Period; key: string }; data: { period: Period; key: string; rows: EliminationRow[] } };
  /** SCHEMES.md §3: the first administrator adopts a template; refused once any ledger entry exists. */
  'admin.scheme.adopt': { payload: { template: string }; data: { scheme: { id: string; name: string }; version: number } };
  'admin.export': { payload: { period: Period; key?: string; scope?: BoardScope }; data: { fileID: string; url: string } };
  /** 积分超市 (seeds/004 第三篇): the rewards in stock and the caller's balance, in one call. */
  'shop.list': {
    payload: Record<string, never> | undefined;
    /** `subsidyShare`: the template's share, a new reward's and the most a reward may have (S13); managers only. */
    /** `ledger`: whether the caller holds a 积分台账 (a household, or a person of a category, H24); only then is there a balance to spend. */
    data: { rewards: RewardView[]; balance: number; total: number; ledger: boolean; keeper: boolean; manager: boolean; days: ShopDays; subsidyShare?: number };
  };
  /** Adds a reward (no rewardId) or changes one: administrators (the secretariat, or a role with the 'shop' right). */
  'shop.reward.save': { payload: RewardInput; data: { reward: Reward } };
  /** One transaction: checks balance and stock together, writes the reservation with a pickup code, spends the points. */
  'redeem.request': { payload: { rewardId: string; quantity: number }; data: { redemption: Redemption } };
  /** The shop keeper hands a reservation over on a redemption day. */
  'redeem.fulfil': { payload: { code: string }; data: { redemption: Redemption } };
  /** The account (or an administrator) cancels a reservation not yet handed over: points and stock return. */
  'redeem.cancel': { payload: { redemptionId: string }; data: { redemption: Redemption } };
  /** The caller's account's reservations, newest first, with their codes and status. */
  'redeem.mine': { payload: { cursor?: string } | undefined; data: { redemptions: Redemption[]; cursor: string | null } };
  /** What is reserved under a code, for the shop keeper before handing it over. */
  'redeem.lookup': { payload: { code: string }; data: { redemption: Redemption } };
  /** A quarter's redemptions handed over, per household, and the subsidy to claim per reward (an .xlsx). */
  'shop.export': { payload: { quarter: string }; data: { fileID: string; url: string; households: number; subsidy: number } };
  /** 固定积分 attributes (seeds/004 五、1) of people, each value by id or name; all rows or none. */
  'admin.attributes.set': {
    payload: { rows: { memberId: string; attributes: Record<string, string> }[] };
    data: { updated: number; members: { memberId: string; name: string; attributes: Record<string, string>; monthly: number }[] };
  };
  /** HR's attendance of a month (出勤天数 of 应出勤天数); an ended month is credited with its 固定积分 at once. */
  'admin.attendance.record': {
    payload: { month: string; workdays: number; rows: { memberId: string; days: number }[] };
    data: { attendance: Attendance[]; entries: LedgerEntry[] };
  };
  /**
   * What HR recorded of a month for one department (unitId 'root': the organisation's own people):
   * the 应出勤天数 as recorded and each active person with their days, or none, and the points
   * credited. Pages of 500 people, by name.
   */
  'admin.attendance.get': {
    payload: { month: string; unitId: string; cursor?: string };
    data: { month: string; unitId: string; unitName: string; workdays: number | null; people: number; recorded: number; rows: AttendanceSheetRow[]; cursor: string | null };
  };
  /** 六、4: the active accounts at zero or below at the end of an ended month, with each one's reprieve. */
  'admin.negatives.list': { payload: { month: string; branchId?: string }; data: { month: string; atOrBelow: number; rows: NegativeRow[] } };
  /** 六、4: records the one reprieve (一次不离职的机会) of a person listed at a month's end. */
  'admin.reprieve.record': { payload: { memberId: string; month: string; note: string }; data: { reprieve: Reprieve } };
}

/** A person on 出勤录入 (admin.attendance.get): their 固定积分 attributes and what was recorded of the month. */
export interface AttendanceSheetRow {
  memberId: string;
  name: string;
  attributes: Record<string, string>;
  /** Points of a full month for the attributes on file (固定积分, seeds/004 五、1). */
  monthly: number;
  /** The month as recorded; null where nothing was recorded for the person. */
  recorded: Pick<Attendance, 'days' | 'workdays' | 'pending' | 'credited' | 'recordedAt'> | null;
}

/** A row of the month-end list of accounts at zero or below (seeds/004 六、4). */
export interface NegativeRow {
  memberId: string;
  name: string;
  branchId: string | null;
  branchName: string | null;
  /** The all-time total at the month's end. */
  total: number;
  /** The reprieve the person was given, in whichever month; null while they have none. */
  reprieve: Reprieve | null;
}

export type ActionName = keyof Actions;
export type PayloadOf<A extends ActionName> = Actions[A]['payload'];
export type DataOf<A extends ActionName> = Actions[A]['data'];

/** The event the `api` function receives. */
export interface ApiEvent<A extends ActionName = ActionName> {
  action: A;
  payload?: PayloadOf<A>;
  /** Retries with the same requestId from the same caller return the first result. */
  requestId?: string;
}
