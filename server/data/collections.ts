/**
 * The cloud database's collections. Every one is readable and writable only by cloud functions
 * (permission "仅管理端可读写"); deploy/database.json lists them with their indexes.
 */
export const COLLECTIONS = {
  members: 'members',
  branches: 'branches',
  schemes: 'schemes',
  notices: 'notices',
  claims: 'claims',
  ledger: 'ledger',
  tallies: 'tallies',
  dues: 'dues',
  /** requestId idempotency records: `<openid>:<requestId>`. */
  requests: 'requests',
  /** Progress of timer jobs, for resumable batches. */
  jobs: 'jobs',
  /** One record per phone (and per name of a member without one): concurrent imports never make a member twice. */
  rosterKeys: 'rosterKeys',
  /** One record per bound WeChat account (`_id` the openid): an account binds one member, even racing. */
  bindings: 'bindings',
  /** Exported sheets in storage, so the daily job deletes them after a day. */
  exports: 'exports',
  /** Closed periods and their 公示 (domain/publication.ts): one per period, key and unit. */
  publications: 'publications',
  /** The rows of closed periods (domain/outcome-rows.ts): one per period, key and account. */
  outcomes: 'outcomes',
  /** Items a unit added to the catalog (第四条; seeds/002 特色分 由支部自选报党委审核后实施), once approved. */
  unitItems: 'unitItems',
  /** 第十九条: each 通报 or 谈话提醒 given to a member at the bottom of a year's board. */
  reminders: 'reminders',
  /** 一票否决 in force (seeds/001 篇二十一, 篇一): one per cycle and member, `<key>:<memberId>`. */
  vetoes: 'vetoes',
  /** 固定积分 (seeds/004 五、1): HR's attendance of a person and month, `<memberId>:<month>`, and what it credited. */
  attendance: 'attendance',
  /** 一次不离职的机会 (seeds/004 六、4): the reprieves given, one document per person (`_id` the member id). */
  reprieves: 'reprieves',
  /** 积分超市 rewards (seeds/004 第三篇): price in points, stock, keeper, subsidy share. */
  rewards: 'rewards',
  /** Reservations of rewards, from pickup code to handing over or return. */
  redemptions: 'redemptions',
  /** One per pickup code of an open reservation (`_id` the code): two reservations never share a code. */
  pickupCodes: 'pickupCodes',
  /** A reward's stock spread over shards (`<rewardId>-<i>`, docs/rules.md S22): reservations of one reward at once write different documents. */
  rewardStock: 'rewardStock',
} as const;

export type CollectionName = (typeof COLLECTIONS)[keyof typeof COLLECTIONS];
