import { TEMPLATES } from '../../domain/schemes';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JINGMEN_SCHEME } from '../../domain/schemes/jingmen';
import { catalogItem, parseScheme, type Scheme } from '../../domain/scheme';
import type { CatalogItem } from '../../typings/models';
import { expectDomainError } from './builders';

const LEVELS = ['city_uf', 'county_uf', 'association', 'branch'];
const SPEC_IDS = [
  'position.annual',
  'position.monthly',
  'position.term_bonus',
  ...['meeting.attend', 'meeting.speak', 'meeting.host', 'activity.attend', 'activity.outstanding', 'activity.host'].flatMap(
    (prefix) => LEVELS.map((level) => `${prefix}.${level}`),
  ),
  'deed.quantified',
  'deed.unquantified',
  'deed.major',
  'outreach.recruit',
  'outreach.suggestion',
  'outreach.adopted',
  'honor.national',
  'honor.provincial',
  'honor.city',
  'honor.county',
  'other',
];

/** A copy of the default scheme as plain data, with `change` applied. */
function variant(change: (raw: Scheme) => void): unknown {
  const raw = structuredClone(JINGMEN_SCHEME);
  change(raw);
  return raw;
}

function item(id: string, raw: Scheme): CatalogItem {
  const found = raw.items.find((i) => i.id === id);
  if (!found) throw new Error(`no ${id}`);
  return found;
}

describe('the default 荆门 scheme (SPEC §4)', () => {
  it('has exactly the stable item ids of SPEC §4', () => {
    expect(JINGMEN_SCHEME.items.map((i) => i.id).sort()).toEqual([...SPEC_IDS].sort());
  });

  it('names the four organiser levels in Chinese (第六条、第七条)', () => {
    expect(JINGMEN_SCHEME.levels).toEqual([
      { id: 'city_uf', name: '市级统战系统' },
      { id: 'county_uf', name: '县级统战系统' },
      { id: 'association', name: '市新联会' },
      { id: 'branch', name: '分会' },
    ]);
  });

  it('keeps position points and committee awards out of members’ self-reports (第五条, 第八条)', () => {
    const notClaimable = JINGMEN_SCHEME.items.filter((i) => !i.claimable).map((i) => i.id);
    expect(notClaimable.sort()).toEqual(['deed.major', 'position.annual', 'position.monthly', 'position.term_bonus']);
  });

  it('files every item under one of the rulebook’s categories and cites its article', () => {
    const categories = new Set(['职务', '会议', '活动', '办实事', '宣传及建议', '荣誉', '其他']);
    for (const i of JINGMEN_SCHEME.items) {
      expect(categories.has(i.category)).toBe(true);
      expect(i.article).toMatch(/^第[五六七八九十]+一?条$/);
      expect(i.name).toMatch(/[\u4e00-\u9fa5]/);
    }
  });

  it('holds the authority table of 第十三条 and the final reviewers of 第十四条', () => {
    const { organisation, review } = JINGMEN_SCHEME;
    const limits = (defs: { id: string; limit?: number }[]) => Object.fromEntries(defs.filter((d) => d.limit).map((d) => [d.id, d.limit]));
    expect(limits(organisation.categories)).toEqual({ director: 2, council: 2 });
    expect(limits(organisation.roles)).toEqual({ branch_leader: 2, vice_president: 5, secretary_general: 5, branch_president: 5, president: 10 });
    expect(organisation.committees.map((c) => [c.at, c.limit])).toEqual([
      ['root', 200],
      ['unit', 50],
    ]);
    expect(review.bands.map((r) => [r.upTo, r.role])).toEqual([
      [2, 'secretary_general'],
      [5, 'president'],
      [10, 'political_instructor'],
    ]);
    expect(review.escalation).toEqual(['secretary_general', 'president', 'political_instructor']);
    expect(review.chains.committee).toEqual([{ kind: 'roles', roles: ['president', 'political_instructor'] }]);
  });

  it('holds the dues table of 第五条 and a 90-day claims window', () => {
    expect(JINGMEN_SCHEME.dues?.annual).toEqual({ member: 100, director: 200, council: 300 });
    expect(JINGMEN_SCHEME.dues?.monthly).toEqual({ member: 10, director: 20, council: 30 });
    expect(JINGMEN_SCHEME.dues?.termBonus).toEqual({ years: 5, points: 50 });
    expect(JINGMEN_SCHEME.claimsWindowDays).toBe(90);
  });

  it('links a meeting’s speaker and host marks to their own items (第六条)', () => {
    expect(catalogItem(JINGMEN_SCHEME, 'meeting.attend.branch').extras).toEqual({
      spoke: 'meeting.speak.branch',
      hosted: 'meeting.host.branch',
    });
  });

  it('is documented item by item in docs/rules.md', () => {
    const rules = readFileSync(join(__dirname, '../../docs/rules.md'), 'utf8');
    for (const i of JINGMEN_SCHEME.items) expect(rules).toContain(`| \`${i.id}\` | ${i.name} |`);
  });

  it('answers NOT_FOUND for an unknown item', () => {
    expectDomainError(() => catalogItem(JINGMEN_SCHEME, 'meeting.attend.moon'), 'NOT_FOUND', '没有这个积分项目');
  });
});

describe('parseScheme validates a scheme when it is loaded', () => {
  it.each(Object.entries(TEMPLATES))('accepts the %s template as it is written, unchanged', (_id, template) => {
    expect(parseScheme(structuredClone(template))).toEqual(template);
  });

  const broken: [string, (raw: Scheme) => void, RegExp][] = [
    ['a duplicate item id', (raw) => raw.items.push({ ...item('other', raw) }), /项目 id 重复: other/],
    ['a range whose minimum exceeds its maximum', (raw) => (item('deed.unquantified', raw).range = [20, 1]), /下限不能大于上限/],
    ['a fixed item without points', (raw) => delete item('honor.city', raw).points, /（honor\.city）是固定分值项目，须填写分值/],
    ['a range item without a range', (raw) => delete item('outreach.adopted', raw).range, /是区间分值项目，须填写分值区间/],
    ['a value share without a cap', (raw) => delete item('deed.quantified', raw).cap, /须填写折算比例和封顶分值/],
    ['points on a discretionary item', (raw) => (item('other', raw).points = 5), /是酌情奖分项目，不能填写固定分值/],
    ['claimable dues points', (raw) => (item('position.monthly', raw).claimable = true), /不能由会员自行申报/],
    ['a claimable committee item', (raw) => (item('deed.major', raw).claimable = true), /不能由会员自行申报/],
    ['negative points', (raw) => (item('honor.city', raw).points = -20), /points/],
    ['an extra that does not exist', (raw) => (item('meeting.attend.branch', raw).extras = { spoke: 'meeting.sing.branch' }), /附加项目 meeting\.sing\.branch 不存在/],
    ['an item on an unknown level', (raw) => (item('honor.city', raw).level = 'moon'), /未知级别 moon/],
    ['final reviewers out of order', (raw) => raw.review.bands.reverse(), /从低到高/],
    ['a final reviewer outside the escalation order', (raw) => (raw.review.escalation = ['president', 'political_instructor']), /secretary_general 不在逐级上报顺序中/],
    ['a dues table naming a non-dues item', (raw) => raw.dues && (raw.dues.items.annual = 'honor.city'), /honor\.city 不是职务积分项目/],
    ['dues items without a dues table', (raw) => delete raw.dues, /没有会费表/],
    ['a dues table missing a tier', (raw) => raw.dues && delete (raw.dues.monthly as Partial<Record<string, number>>).council, /dues\.monthly/],
    ['an effective time that is not ISO', (raw) => (raw.effectiveFrom = '2024年1月18日'), /effectiveFrom/],
    ['a zero claims window', (raw) => (raw.claimsWindowDays = 0), /claimsWindowDays/],
    ['a misspelt field', (raw) => Object.assign(raw, { claimWindowDays: 90 }), /claimWindowDays/],
    ['stars flagging a category that does not exist', (raw) => (raw.outcomes = { stars: { bands: [{ stars: 1, atLeast: 0 }], probationary: 'probation' } }), /星级引用了不存在的类别 probation/],
    ['a six-star band', (raw) => (raw.outcomes = { stars: { bands: [{ stars: 6, atLeast: 95 }] } }), /stars/],
    ['an unknown role in a review chain', (raw) => (raw.review.chains.committee = [{ kind: 'roles', roles: ['treasurer'] }]), /引用了不存在的职务 treasurer/],
  ];

  it.each(broken)('rejects %s', (_name, change, message) => {
    const error = expectDomainError(() => parseScheme(variant(change)), 'INVALID_INPUT', /^积分方案无效：/);
    expect(error.message).toMatch(message);
  });

  it('rejects something that is not a scheme at all', () => {
    expectDomainError(() => parseScheme(null), 'INVALID_INPUT');
    expectDomainError(() => parseScheme({ version: 1 }), 'INVALID_INPUT', /items/);
  });
});
