import {
  assertAuthorityCovers,
  authorityLimit,
  committeeAuthority,
  highestPersonalAuthority,
  isLeader,
  rolesOf,
} from '../../domain/authority';
import { parseScheme } from '../../domain/scheme';
import { JINGMEN_SCHEME } from '../../domain/schemes/jingmen';
import { expectDomainError, member } from './builders';

describe('authorityLimit: the highest of a person’s roles (第十三条)', () => {
  const roles: [string, string | null, string[], number][] = [
    ['a plain member', 'member', [], 0],
    ['a director (理事)', 'director', [], 2],
    ['a council member (会长会成员)', 'council', [], 2],
    ['a branch leader (分会领导班子成员)', 'member', ['branch_leader'], 2],
    ['a branch president (分会会长)', 'member', ['branch_president'], 5],
    ['a vice president (副会长)', 'council', ['vice_president'], 5],
    ['the secretary general (秘书长)', 'council', ['secretary_general'], 5],
    ['the president (会长)', 'council', ['president'], 10],
    ['the political instructor, who is no member (政治指导员)', null, ['political_instructor'], 0],
    ['an official with no tier and no position', null, [], 0],
    ['a director who leads a branch', 'director', ['branch_leader'], 2],
    ['a director who presides over a branch', 'director', ['branch_president'], 5],
    ['a vice president who also presides over a branch', 'council', ['vice_president', 'branch_president'], 5],
    ['the president who is also secretary general', 'council', ['secretary_general', 'president'], 10],
    ['a plain member who leads a branch and presides over it', 'member', ['branch_leader', 'branch_president'], 5],
  ];

  it.each(roles)('%s has %p/%p → %i points', (_who, tier, positions, limit) => {
    expect(authorityLimit(member({ tier, positions }), JINGMEN_SCHEME)).toBe(limit);
  });

  it('is 0 for a president who has left (第十七条)', () => {
    expect(authorityLimit(member({ tier: 'council', positions: ['president'], status: 'left' }), JINGMEN_SCHEME)).toBe(0);
  });

  it('comes from the scheme’s data, not from code', () => {
    const scheme = structuredClone(JINGMEN_SCHEME);
    const generous = parseScheme({
      ...scheme,
      organisation: {
        ...scheme.organisation,
        categories: scheme.organisation.categories.map((c) => ({ ...c, limit: { director: 3, council: 4 }[c.id] })),
      },
    });
    expect(authorityLimit(member({ tier: 'council' }), generous)).toBe(4);
    expect(authorityLimit(member({ tier: 'director' }), generous)).toBe(3);
  });

  it('makes leaders of those with a limit (第十二条)', () => {
    expect(isLeader(member({ tier: 'director' }), JINGMEN_SCHEME)).toBe(true);
    expect(isLeader(member({ tier: 'member' }), JINGMEN_SCHEME)).toBe(false);
  });

  it('is at most 10 for any one person', () => {
    expect(highestPersonalAuthority(JINGMEN_SCHEME)).toBe(10);
  });
});

describe('committees (第十三条 1、2)', () => {
  it('gives the 会长会 200 and a branch’s 会长会 50', () => {
    expect(committeeAuthority('root', JINGMEN_SCHEME)).toBe(200);
    expect(committeeAuthority('unit', JINGMEN_SCHEME)).toBe(50);
  });
});

describe('assertAuthorityCovers', () => {
  it('lets an authority cover up to and including its limit', () => {
    expect(() => assertAuthorityCovers(5, 5)).not.toThrow();
    expect(() => assertAuthorityCovers(2, 0)).not.toThrow();
    expectDomainError(() => assertAuthorityCovers(2, 3), 'OVER_AUTHORITY', '超出奖分权限');
  });
});

describe('rolesOf', () => {
  it('lists positions and the secretariat', () => {
    expect(rolesOf(member({ positions: ['secretary_general'], secretariat: true }))).toEqual(['secretary_general', 'secretariat']);
    expect(rolesOf(member())).toEqual([]);
  });
});
