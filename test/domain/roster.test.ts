import {
  defaultCategory,
  draftProblems as draftProblemsIn,
  normalizePhone,
  planImport as planImportIn,
  type MemberDraft,
  type RosterMember,
  type RosterRow,
} from '../../domain/roster';
import { rosterTerms } from '../../domain/scheme';
import { JINGMEN_SCHEME } from '../../domain/schemes/jingmen';

// 荆门's roster: tier and positions are its names of a member's category and roles.
const { organisation } = JINGMEN_SCHEME;
const terms = rosterTerms(JINGMEN_SCHEME);
type Jingmen<T> = Omit<T, 'category' | 'roles'> & { tier?: string | null; positions?: string[] };
const asRecord = <T extends { tier?: string | null; positions?: string[] }>({ tier, positions, ...rest }: T) => ({
  ...rest,
  ...(tier !== undefined ? { category: tier } : {}),
  ...(positions !== undefined ? { roles: positions } : {}),
});
const asJingmen = (draft: MemberDraft) => {
  const { category, roles, ...rest } = draft;
  return { ...rest, tier: category, positions: roles };
};
const draftProblems = (draft: Jingmen<MemberDraft>) => draftProblemsIn(asRecord(draft) as MemberDraft, organisation, terms);
const planImport = (rows: (Omit<RosterRow, 'category' | 'roles'> & { tier?: string; positions?: string[] })[], existing: RosterMember[]) => {
  const plan = planImportIn(rows.map((r) => asRecord(r) as RosterRow), existing, organisation, terms);
  return { ...plan, rows: plan.rows.map((r) => ({ ...r, draft: asJingmen(r.draft) })) };
};
const defaultTier = (positions: string[]) => defaultCategory(positions, organisation);

const onFile = (spec: Partial<Jingmen<RosterMember>> & { _id: string; name: string }): RosterMember =>
  asRecord({
    branchName: null,
    tier: 'member',
    positions: [],
    profession: null,
    socialRoles: [],
    phone: null,
    ...spec,
  }) as RosterMember;

describe('normalizePhone', () => {
  it.each([
    ['13800138000', '13800138000'],
    ['138 0013 8000', '13800138000'],
    ['138-0013-8000', '13800138000'],
    ['+86 138 0013 8000', '13800138000'],
    ['8613800138000', '13800138000'],
  ])('reads %s as a mainland mobile', (raw, phone) => expect(normalizePhone(raw)).toBe(phone));

  it.each(['1380013800', '23800138000', '12800138000', '138001380001', '0716-2345678', 'abc'])('refuses %s', (raw) =>
    expect(normalizePhone(raw)).toBeNull(),
  );
});

describe('draftProblems', () => {
  const draft = (spec: Partial<Jingmen<MemberDraft>>): Jingmen<MemberDraft> => ({
    name: '王会长', phone: null, branchName: null, tier: 'member', positions: [], profession: null, socialRoles: [], ...spec,
  });
  it('accepts a complete record', () => expect(draftProblems(draft({ branchName: '东宝分会', positions: ['branch_president'] }))).toEqual([]));
  it('requires a branch for branch positions (第十三条 4、5)', () =>
    expect(draftProblems(draft({ positions: ['branch_leader'] }))).toEqual(['分会领导班子成员须填写所属分会']));
  it('gives the political instructor no tier by default', () => {
    expect(defaultTier(['political_instructor'])).toBeNull();
    expect(defaultTier(['president'])).toBe('member');
  });
});

describe('planImport', () => {
  it('matches by phone before name, and by name within the branch without one', () => {
    const existing = [
      onFile({ _id: 'a', name: '甲', branchName: '东宝分会', phone: '13800000001', tier: 'director' }),
      onFile({ _id: 'b', name: '乙', branchName: '东宝分会' }),
      onFile({ _id: 'c', name: '乙', branchName: '掇刀分会' }),
    ];
    const plan = planImport(
      [
        { name: '甲改名', phone: '138 0000 0001', branch: '东宝分会' },
        { name: '乙', branch: '掇刀分会', profession: '医生' },
        { name: '乙', phone: '13800000009', branch: '东宝分会' },
        { name: '丙' },
      ],
      existing,
    );
    expect(plan.errors).toEqual([]);
    expect(plan.rows.map((r) => (r.action === 'update' ? r.memberId : 'new'))).toEqual(['a', 'c', 'b', 'new']);
    expect(plan.rows[0].draft).toMatchObject({ name: '甲改名', tier: 'director', phone: '13800000001' });
    expect(plan.rows[1].draft).toMatchObject({ profession: '医生', branchName: '掇刀分会' });
    expect(plan.rows[2].draft.phone).toBe('13800000009');
    expect(plan.rows[3].draft).toMatchObject({ tier: 'member', positions: [], branchName: null });
  });

  it('keeps blank cells as they are on file', () => {
    const existing = [onFile({ _id: 'a', name: '甲', tier: 'council', positions: ['vice_president'], profession: '律师', socialRoles: ['市人大代表'] })];
    const plan = planImport([{ name: '甲', tier: ' ', profession: '', socialRoles: undefined }], existing);
    expect(plan.rows[0].draft).toMatchObject({ tier: 'council', positions: ['vice_president'], profession: '律师', socialRoles: ['市人大代表'] });
  });

  it('refuses two rows for the same member', () => {
    const existing = [onFile({ _id: 'a', name: '甲', phone: '13800000001' })];
    const plan = planImport([{ name: '甲改名', phone: '13800000001' }, { name: '甲' }], existing);
    expect(plan.errors).toEqual([{ row: 2, message: '与第 1 行对应同一名会员' }]);
    expect(plan.rows).toEqual([]);
  });

  it('reports every problem of a row together', () => {
    const plan = planImport([{ name: '', phone: '123', tier: 'boss', positions: ['branch_president'] }], []);
    expect(plan.errors).toHaveLength(1);
    expect(plan.errors[0].message.split('；')).toEqual([
      '手机号“123”无效，应为 11 位大陆手机号',
      '会费档次“boss”无效，应为 member（会员）、director（理事）、council（会长会成员）',
      '请填写姓名',
      '分会会长须填写所属分会',
    ]);
  });
});
