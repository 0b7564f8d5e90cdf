/**
 * fast-check arbitraries for the `api` payloads: hostile values of every kind, the right keys with
 * the wrong types, and payloads shaped like the contract (typings/api.ts) with random values, so the
 * fuzzer reaches the rules behind the schemas and not only the schemas.
 *
 * Ids of documents made at run time appear as placeholders ('$CLAIM', '$ENTRY') that the caller
 * replaces with the current association's ids.
 */
import fc from 'fast-check';
import type { ActionName } from '../../../typings/api';
import { JINGMEN_SCHEME } from '../../../domain/schemes/jingmen';

type Arb = fc.Arbitrary<unknown>;

const TODAY = Date.UTC(2026, 10, 21);
const day = (offset: number) => new Date(TODAY + offset * 86_400_000).toISOString().slice(0, 10);

/** Nested `depth` levels deep, as arrays or as objects. */
function nested(depth: number, asObject: boolean): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = asObject ? { a: value } : [value];
  return value;
}

/** Objects carrying own `__proto__`, `constructor` and `prototype` keys, as JSON.parse makes them. */
export const pollution: Arb = fc
  .constantFrom(
    '{"__proto__":{"polluted":true}}',
    '{"constructor":{"prototype":{"polluted":true}}}',
    '{"__proto__":{"isAdmin":true},"prototype":{"polluted":true}}',
    '{"toString":"x","valueOf":1,"hasOwnProperty":null}',
    '{"$where":"1","$gt":""}',
  )
  .map((text) => JSON.parse(text) as unknown);

const hugeString: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom('x', '积', '🙂', '\u0000', ' ', '9', '-'), fc.integer({ min: 1_000, max: 300_000 }))
  .map(([unit, n]) => unit.repeat(n));

/** A hostile scalar or small structure. */
export const weird: Arb = fc.oneof(
  fc.constantFrom(
    null,
    true,
    false,
    0,
    -0,
    -1,
    0.5,
    -2.5,
    1e21,
    -1e21,
    2 ** 53 + 1,
    Number.MAX_VALUE,
    Number.MIN_VALUE,
    '',
    ' ',
    'NaN',
    'Infinity',
    '-Infinity',
    '-1',
    '1e999',
    '0x1F',
    '00012',
    '١٢٣',
    '2026-02-30',
    '2026-11-20T00:00:00Z',
    '9999-12-31',
    '0000-00-00',
    '__proto__',
    'constructor',
    'hasOwnProperty',
    '\u0000',
    '\u202e反转',
    '𠮷野家',
    'a\nb',
    '{"$gt":""}',
    "'; DROP TABLE members; --",
    '.*',
    '(a+)+$',
  ),
  fc.integer(),
  fc.double(),
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  hugeString,
  fc.integer({ min: 10, max: 2_000 }).chain((depth) => fc.boolean().map((asObject) => nested(depth, asObject))),
  pollution,
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
);

/** Usually `valid`, sometimes hostile. */
const mostly = (valid: Arb): Arb => fc.oneof({ weight: 8, arbitrary: valid }, { weight: 1, arbitrary: weird });

/** Usually a value the rules accept, sometimes a near miss. */
const usually = (good: Arb, odd: Arb): Arb => fc.oneof({ weight: 4, arbitrary: good }, { weight: 1, arbitrary: odd });

const ITEM_IDS = JINGMEN_SCHEME.items.map((item) => item.id);
const PEOPLE = ['m1', 'm2', 'm3', 'm4', 'm5', 'b1head', 'b1lead', 'director', 'president', 'vice', 'secgen', 'instructor', 'clerk', 'gone', 'nobody'];

const itemId = usually(
  fc.constantFrom('honor.county', 'outreach.suggestion', 'deed.unquantified', 'other', 'meeting.attend.branch', 'outreach.recruit', 'deed.quantified'),
  fc.constantFrom(...ITEM_IDS, 'no.such.item', 'OTHER', ' other '),
);
const date = usually(fc.integer({ min: -85, max: 0 }).map(day), fc.oneof(fc.integer({ min: -130, max: 3 }).map(day), fc.integer({ min: -40_000, max: 40_000 }).map(day)));
const month = fc.oneof(fc.integer({ min: -30, max: 2 }).map((m) => day(m * 30).slice(0, 7)), fc.constantFrom('2026-13', '2026-00', '26-11'));
const points = usually(fc.integer({ min: 1, max: 12 }), fc.oneof(fc.integer({ min: -3, max: 25 }), fc.constantFrom(100000, 100001, 0.5)));
const note = usually(fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('', '助老志愿服务')), fc.oneof(fc.constant(' '.repeat(10)), fc.string({ minLength: 490, maxLength: 520 })));
const evidence = usually(
  fc.array(fc.constant('cloud://env/a.jpg'), { maxLength: 3 }),
  fc.array(fc.oneof(fc.constant('cloud://env/a.jpg'), fc.string({ maxLength: 12 }).map((s) => `cloud://${s}`), fc.string()), { maxLength: 11 }),
);
const memberId = usually(fc.constantFrom('m1', 'm2', 'm3', 'm4'), fc.constantFrom(...PEOPLE, '$CLAIM', ''));
const claimId = fc.constantFrom('$CLAIM', '$CLAIM', 'nosuchclaim', '$ENTRY', ' $CLAIM ');
const entryId = fc.constantFrom('$ENTRY', '$ENTRY', 'nosuchentry', '$CLAIM', 'rev-$ENTRY');
const cursor = fc.oneof(fc.constantFrom('0', '20', '999999', '1000000', '-1', '1.5'), fc.string({ maxLength: 6 }));
const tier = fc.constantFrom('member', 'director', 'council', 'vip', null);
const position = fc.constantFrom('president', 'vice_president', 'secretary_general', 'political_instructor', 'branch_president', 'branch_leader', '会长');
const branchName = fc.constantFrom('东宝分会', '掇刀分会', '沙洋分会', '', '   ', null);
const scope = fc.record(
  {
    branchId: mostly(fc.constantFrom('b1', 'b2', 'b9')),
    group: mostly(fc.constantFrom('leaders', 'members', 'others')),
    tier: mostly(tier),
    profession: mostly(fc.constantFrom('律师', '医生', '')),
    socialRole: mostly(fc.string({ maxLength: 5 })),
  },
  { requiredKeys: [] },
);

const recipient = fc.oneof(
  fc.record({ memberId, points, spoke: fc.boolean(), hosted: fc.boolean() }, { requiredKeys: ['memberId'] }),
  fc.record({ memberId: mostly(memberId), points: mostly(points), spoke: mostly(fc.boolean()), hosted: mostly(fc.boolean()) }, { requiredKeys: ['memberId'] }),
);

const importRow = fc.record(
  {
    name: mostly(fc.oneof(fc.constantFrom('新会员', '会员甲', '会员乙', ''), fc.string({ maxLength: 25 }))),
    phone: mostly(fc.constantFrom('13800138000', '138 0013 8001', '+86 13900139000', '12345', '')),
    branch: mostly(branchName),
    tier: mostly(tier),
    positions: mostly(fc.array(position, { maxLength: 3 })),
    profession: mostly(fc.string({ maxLength: 45 })),
    socialRoles: mostly(fc.array(fc.string({ maxLength: 45 }), { maxLength: 12 })),
  },
  { requiredKeys: ['name'] },
);

const patch = fc.record(
  {
    name: mostly(fc.string({ maxLength: 22 })),
    phone: mostly(fc.constantFrom('13800138002', '1380013800', null)),
    branch: mostly(branchName),
    tier: mostly(tier),
    positions: mostly(fc.array(position, { maxLength: 3 })),
    profession: mostly(fc.oneof(fc.string({ maxLength: 42 }), fc.constant(null))),
    socialRoles: mostly(fc.array(fc.string({ maxLength: 42 }), { maxLength: 11 })),
    status: mostly(fc.constantFrom('active', 'left', 'gone')),
    secretariat: mostly(fc.boolean()),
    resetBinding: mostly(fc.constantFrom(true, false)),
  },
  { requiredKeys: [] },
);

/** The catalog of the default scheme with a few random edits: often a valid next version. */
const revisedItems: Arb = fc
  .tuple(
    fc.subarray([...JINGMEN_SCHEME.items.keys()], { minLength: 0, maxLength: 3 }),
    fc.integer({ min: -5, max: 60 }),
    fc.option(
      usually(
        fc.record({ id: fc.stringMatching(/^new\.[a-z]{1,8}$/), name: fc.constantFrom('新项目', '志愿服务'), category: fc.constant('其他'), kind: fc.constant('fixed'), points: fc.integer({ min: 1, max: 50 }) }),
        fc.record({ id: fc.string({ maxLength: 12 }), name: fc.string({ maxLength: 12 }), category: fc.constant('其他'), kind: fc.constantFrom('fixed', 'range', 'discretionary', 'dues', 'weird'), points }),
      ),
    ),
  )
  .map(([edited, newPoints, added]) => {
    const items: unknown[] = JINGMEN_SCHEME.items.map((item, i) =>
      edited.includes(i) && item.points !== undefined ? { ...item, points: newPoints } : { ...item },
    );
    if (added) items.push(added);
    return items;
  });

const schemeItem = fc.record(
  {
    id: mostly(fc.string({ maxLength: 10 })),
    name: mostly(fc.string({ maxLength: 10 })),
    category: mostly(fc.string({ maxLength: 5 })),
    kind: mostly(fc.constantFrom('fixed', 'range', 'per_count', 'value_share', 'discretionary', 'committee', 'dues')),
    points: mostly(fc.double()),
    range: mostly(fc.tuple(fc.integer(), fc.integer())),
    rate: mostly(fc.double()),
    cap: mostly(fc.integer()),
    claimable: mostly(fc.boolean()),
    extras: mostly(fc.record({ spoke: fc.constantFrom(...ITEM_IDS, 'none') }, { requiredKeys: [] })),
  },
  { requiredKeys: ['id', 'name', 'category', 'kind'] },
);

/** Each action's fields: a valid-ish generator per key, and which keys the contract requires. */
const SHAPES: Record<ActionName, { fields: Record<string, Arb>; required: string[]; rare?: string[] }> = {
  'me.get': { fields: {}, required: [] },
  'me.bind': { fields: { inviteCode: fc.constantFrom('INVM5XXX', 'invm5xxx', 'INVM1XXX', 'INVGONEX', 'ABCDEFGH', 'AB', ' INVM5XXX ') }, required: ['inviteCode'] },
  'home.get': { fields: {}, required: [] },
  'members.list': {
    fields: { search: fc.oneof(fc.string({ maxLength: 22 }), fc.constantFrom('会员', '.*', '(', '[', '\\')), branchId: fc.constantFrom('b1', 'b2', 'x'), status: fc.constantFrom('active', 'left', 'x'), cursor },
    required: [],
  },
  'catalog.get': { fields: {}, required: [] },
  'claim.submit': {
    fields: { itemId, occurredOn: date, points, value: fc.double({ min: -10, max: 2e10, noNaN: false }), count: fc.integer({ min: -2, max: 1_100 }), note, evidence },
    required: ['itemId', 'occurredOn', 'note'],
    rare: ['count', 'value'],
  },
  'claim.withdraw': { fields: { claimId }, required: ['claimId'] },
  'claim.get': { fields: { claimId }, required: ['claimId'] },
  'claim.mine': { fields: { status: fc.constantFrom('pending', 'approved', 'rejected', 'withdrawn', 'lost'), cursor }, required: [] },
  'award.propose': {
    fields: {
      itemId,
      occurredOn: date,
      recipients: usually(fc.uniqueArray(recipient, { minLength: 1, maxLength: 4, selector: (r) => JSON.stringify((r as { memberId?: unknown }).memberId) }), fc.array(recipient, { maxLength: 4 })),
      count: usually(fc.integer({ min: 1, max: 50 }), fc.integer({ min: -1, max: 1_100 })),
      value: usually(fc.double({ min: 1, max: 1e6, noNaN: true }), fc.double({ min: -1, max: 2e10 })),
      note,
      evidence,
      reference: fc.string({ maxLength: 12 }),
      committee: fc.constantFrom('association', 'b1', 'b2', ''),
    },
    required: ['itemId', 'occurredOn', 'recipients', 'note'],
    rare: ['count', 'value', 'reference', 'committee'],
  },
  'entry.reverse': { fields: { entryId, reason: fc.oneof(note, fc.constantFrom('重复录入')) }, required: ['entryId', 'reason'] },
  'entry.correct': {
    fields: { entryId, points: fc.oneof(points, fc.integer({ min: -20, max: 20 })), reason: fc.oneof(note, fc.constantFrom('分值有误')) },
    required: ['entryId', 'points', 'reason'],
  },
  'inbox.list': { fields: { cursor }, required: [] },
  'claim.decide': {
    fields: { claimId, decision: fc.constantFrom('approve', 'reject', 'maybe'), points, reason: fc.oneof(note, fc.constantFrom('材料不全')) },
    required: ['claimId', 'decision'],
  },
  'ranking.get': {
    fields: { period: usually(fc.constantFrom('month', 'year', 'all'), fc.constantFrom('week', 'MONTH', '')), key: fc.oneof(month, month.map((m) => m.slice(0, 4)), fc.string({ maxLength: 8 })), scope, limit: fc.integer({ min: -1, max: 120 }) },
    required: ['period'],
  },
  'ranking.scopes': { fields: {}, required: [] },
  'ledger.list': { fields: { memberId, cursor }, required: [] },
  'notice.list': { fields: {}, required: [] },
  'admin.members.import': { fields: { rows: fc.array(importRow, { maxLength: 4 }) }, required: ['rows'] },
  'admin.members.update': { fields: { memberId, patch }, required: ['memberId', 'patch'] },
  'admin.dues.record': { fields: { memberId, paidOn: date, years: fc.constantFrom(1, 5, 3, 0) }, required: ['memberId', 'paidOn', 'years'] },
  'admin.dues.list': { fields: { memberId }, required: ['memberId'] },
  'admin.dues.void': { fields: { duesId: fc.constantFrom('$DUES', '$DUES', 'm3-2026-11', 'nosuchdues', ''), reason: fc.oneof(note, fc.constantFrom('录入错误')) }, required: ['duesId', 'reason'] },
  'admin.scheme.publish': {
    fields: {
      items: usually(revisedItems, fc.array(schemeItem, { maxLength: 4 })),
      effectiveFrom: fc.oneof(fc.integer({ min: 0, max: 60 }).map(day), date, fc.constantFrom('2026-11-21T12:00:00+08:00', '2026-11-21T03:00:00Z', '2027-01-01T00:00:00', 'tomorrow')),
      note: fc.oneof(note, fc.constantFrom('修订')),
    },
    required: ['items', 'note'],
  },
  'admin.scheme.adopt': { fields: { template: fc.constantFrom('jingmen', 'changzhou', 'village', '', ' jingmen') }, required: ['template'] },
  'admin.period.close': { fields: { period: fc.constantFrom('quarter', 'cycle', 'year', 'week'), key: fc.constantFrom('2025', '2026-Q3', '2026-13', ''), unitId: fc.constantFrom('b1', 'x') }, required: ['period', 'key'] },
  'admin.period.publish': { fields: { period: fc.constantFrom('quarter', 'cycle', 'week'), key: fc.constantFrom('2025', '2026-Q3', ''), unitId: fc.constantFrom('b1', 'x') }, required: ['period', 'key'] },
  'admin.period.finalize': { fields: { period: fc.constantFrom('quarter', 'cycle', 'week'), key: fc.constantFrom('2025', '2026-Q3', ''), unitId: fc.constantFrom('b1', 'x') }, required: ['period', 'key'] },
  'outcome.list': { fields: { period: fc.constantFrom('quarter', 'cycle', 'month', 'x'), key: fc.constantFrom('2025', '2026-Q3', '2026-11', ''), scope: fc.record({ branchId: fc.constantFrom('b1', 'b2', 'x') }, { requiredKeys: [] }), cursor }, required: ['period', 'key'] },
  'objection.submit': { fields: { outcomeId: fc.constantFrom('cycle:2025:m1', 'x'), entryId: fc.constantFrom('e1', 'x'), reason: note }, required: ['reason'] },
  'item.propose': {
    fields: { unitId: fc.constantFrom('b1', 'x'), item: fc.record({ name: note, points: fc.oneof(fc.double(), fc.integer()), component: fc.constantFrom('feature', 'x'), claimable: fc.boolean() }, { requiredKeys: ['name', 'points'] }), note },
    required: ['item', 'note'],
  },
  'admin.export': { fields: { period: usually(fc.constantFrom('month', 'year', 'all'), fc.constant('decade')), key: fc.oneof(month, fc.string({ maxLength: 8 })), scope }, required: ['period'] },
  'reminder.list': { fields: { year: fc.constantFrom('2026', '2025', '2027', '26', ''), branchId: fc.constantFrom('b1', 'b2', 'x') }, required: [] },
  'reminder.record': {
    fields: { memberId, year: fc.constantFrom('2026', '2025', '2099', '26'), method: fc.constantFrom('notice', 'talk', 'scold'), note: fc.oneof(note, fc.constantFrom('年度积分偏低，谈话提醒')) },
    required: ['memberId', 'year', 'method', 'note'],
  },
  'veto.propose': {
    fields: { memberId, key: fc.constantFrom('2026', '2025', '2099', '26'), condition: fc.constantFrom('sanction', 'crime', 'x', ''), reason: fc.oneof(note, fc.constantFrom('受到党纪处分')) },
    required: ['memberId', 'key', 'condition', 'reason'],
  },
  'veto.list': { fields: { key: fc.constantFrom('2026', '2025', '26', ''), branchId: fc.constantFrom('b1', 'b2', 'x') }, required: ['key'] },
  'bottom.list': { fields: { period: fc.constantFrom('half', 'month', 'cycle', 'all', 'x'), key: fc.constantFrom('2026-H1', '2026-10', '2025', '26', '') }, required: ['period', 'key'] },
  'admin.attributes.set': {
    fields: { rows: fc.array(fc.record({ memberId, attributes: fc.dictionary(fc.constantFrom('学历', 'education', 'x'), fc.constantFrom('本科', 'bachelor', '', 'x')) }, { requiredKeys: ['memberId'] }), { maxLength: 3 }) },
    required: ['rows'],
  },
  'admin.attendance.record': {
    fields: {
      month: fc.constantFrom('2026-10', '2026-11', '2099-01', '2026-13', ''),
      workdays: fc.constantFrom(22, 21.5, 0, 40),
      rows: fc.array(fc.record({ memberId, days: fc.constantFrom(22, 20.5, 0, -1, 30, 0.3) }, { requiredKeys: ['memberId'] }), { maxLength: 3 }),
    },
    required: ['month', 'workdays', 'rows'],
  },
  'admin.attendance.get': { fields: { month: fc.constantFrom('2026-10', '2026-11', '2099-01', '26'), unitId: fc.constantFrom('b1', 'root', 'x', ''), cursor: fc.constantFrom('500', 'x') }, required: ['month', 'unitId'] },
  'admin.negatives.list': { fields: { month: fc.constantFrom('2026-10', '2026-11', '2099-01', '26'), branchId: fc.constantFrom('b1', 'x') }, required: ['month'] },
  'admin.reprieve.record': {
    fields: { memberId, month: fc.constantFrom('2026-10', '2026-11', '26'), note: fc.oneof(note, fc.constantFrom('本人申请一次不离职的机会')) },
    required: ['memberId', 'month', 'note'],
  },
  'shop.list': { fields: {}, required: [] },
  'shop.reward.save': {
    fields: { rewardId: fc.constantFrom('r1', 'x'), name: note, cost: fc.oneof(fc.integer({ min: -5, max: 200 }), fc.double()), stock: fc.integer({ min: -5, max: 1000 }), keeper: fc.constantFrom('村积分超市', ''), subsidyShare: fc.double({ min: -1, max: 2 }), active: fc.boolean() },
    required: ['name', 'cost', 'stock', 'keeper'],
  },
  'redeem.request': { fields: { rewardId: fc.constantFrom('r1', 'x', ''), quantity: fc.oneof(fc.integer({ min: -2, max: 200 }), fc.double()) }, required: ['rewardId', 'quantity'] },
  'redeem.fulfil': { fields: { code: fc.constantFrom('ABC234', 'abc 234', '', 'O0O0O0', 'x'.repeat(50)) }, required: ['code'] },
  'redeem.cancel': { fields: { redemptionId: fc.constantFrom('x', '') }, required: ['redemptionId'] },
  'redeem.mine': { fields: { cursor }, required: [] },
  'redeem.lookup': { fields: { code: fc.constantFrom('ABC234', 'abc-234', '', '!!') }, required: ['code'] },
  'shop.export': { fields: { quarter: fc.constantFrom('2026-Q3', '2026-Q5', '2026', '') }, required: ['quarter'] },
};

export const ACTION_NAMES = Object.keys(SHAPES) as ActionName[];

/**
 * Payloads for `action`: arbitrary values, right keys with wrong types, hostile objects, contract-shaped
 * ones with a hostile value here and there, and plausible ones (every value of the right type, most
 * of them acceptable) that reach the rules behind the schema.
 */
export function payloadFor(action: ActionName): Arb {
  const { fields, required } = SHAPES[action];
  const keys = Object.keys(fields);
  const shaped = fc.record(
    Object.fromEntries(keys.map((key) => [key, mostly(fields[key])])),
    { requiredKeys: required },
  );
  const common = Object.fromEntries(Object.entries(fields).filter(([key]) => !(SHAPES[action].rare ?? []).includes(key)));
  const plausible = fc.record(common, { requiredKeys: required });
  const wrongTypes = keys.length > 0 ? fc.record(Object.fromEntries(keys.map((key) => [key, weird]))) : weird;
  const withExtraKeys = fc
    .tuple(shaped, pollution, fc.dictionary(fc.constantFrom('memberId', 'openid', 'points', 'status', 'role', '_id', 'secretariat'), weird, { maxKeys: 2 }))
    .map(([base, hostile, extra]) => defineOwn(defineOwn(JSON.parse(JSON.stringify(base)) as object, hostile), extra));
  return fc.oneof(
    { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
    { weight: 2, arbitrary: fc.anything({ maxDepth: 3 }) },
    { weight: 2, arbitrary: weird },
    { weight: 2, arbitrary: wrongTypes },
    { weight: 1, arbitrary: withExtraKeys },
    { weight: 4, arbitrary: shaped },
    { weight: 4, arbitrary: plausible },
  );
}

/** Copies `source`'s own keys as own properties (Object.assign would run the `__proto__` setter instead). */
function defineOwn(target: object, source: unknown): object {
  if (source === null || typeof source !== 'object') return target;
  for (const key of Object.keys(source)) {
    Object.defineProperty(target, key, { value: (source as Record<string, unknown>)[key], enumerable: true, writable: true, configurable: true });
  }
  return target;
}

/** Replaces the '$CLAIM', '$ENTRY' and '$DUES' placeholders (also inside longer strings) with run-time ids. */
export function withIds(payload: unknown, ids: { claimId: string; entryId: string; duesId: string }): unknown {
  if (payload === undefined) return undefined;
  const text = JSON.stringify(payload);
  if (text === undefined || !text.includes('$')) return payload;
  return JSON.parse(text.replace(/\$CLAIM/g, ids.claimId).replace(/\$ENTRY/g, ids.entryId).replace(/\$DUES/g, ids.duesId)) as unknown;
}
