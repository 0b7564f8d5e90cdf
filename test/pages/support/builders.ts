import type { Member } from '../../../typings/api';

export function aMember(overrides: Partial<Member> = {}): Member {
  return {
    _id: 'member-1',
    name: '张三',
    branchId: 'branch-dongbao',
    branchName: '东宝分会',
    tier: 'member',
    positions: [],
    profession: null,
    socialRoles: [],
    status: 'active',
    ...overrides,
  };
}
