/**
 * Small builders for a test association, written straight into the local cloud's store (what an
 * import would have produced). Each person's openid is `o-<key>`.
 */
import type { MemberRecord } from '../../typings/models';
import { ApiHarness } from './api';

export interface PersonSpec {
  name?: string;
  branch?: 'b1' | 'b2' | null;
  /** 荆门's names of the member's category (会费档次) and roles. */
  tier?: string | null;
  positions?: string[];
  profession?: string | null;
  socialRoles?: string[];
  secretariat?: boolean;
  status?: 'active' | 'left';
  bound?: boolean;
}

export const BRANCHES = { b1: '东宝分会', b2: '掇刀分会' } as const;

export const openidOf = (key: string): string => `o-${key}`;

export function putMember(h: ApiHarness, key: string, spec: PersonSpec = {}): MemberRecord {
  const branch = spec.branch === undefined ? 'b1' : spec.branch;
  const at = '2026-01-01T00:00:00.000Z';
  const doc = {
    _id: key,
    name: spec.name ?? key,
    branchId: branch,
    branchName: branch ? BRANCHES[branch] : null,
    category: spec.tier === undefined ? 'member' : spec.tier,
    roles: spec.positions ?? [],
    profession: spec.profession ?? '律师',
    socialRoles: spec.socialRoles ?? [],
    status: spec.status ?? 'active',
    secretariat: spec.secretariat ?? false,
    phone: null,
    openid: spec.bound === false ? null : openidOf(key),
    inviteCode: `INV${key.toUpperCase().replace(/[^A-Z0-9]/g, '').padEnd(5, 'X')}`.slice(0, 12),
    tallyKeys: [],
    createdAt: at,
    updatedAt: at,
  };
  h.cloud.store.commit([{ collection: 'members', id: key, doc }]);
  return doc as MemberRecord;
}

/**
 * The cast most tests use: the association's officers (no branch), branch b1's leaders and members,
 * and a member of b2.
 */
export function standardAssociation(h: ApiHarness): void {
  for (const [id, name] of Object.entries(BRANCHES)) h.cloud.store.commit([{ collection: 'branches', id, doc: { _id: id, name } }]);
  putMember(h, 'president', { name: '王会长', branch: null, tier: 'council', positions: ['president'] });
  putMember(h, 'vice', { name: '李副会长', branch: null, tier: 'council', positions: ['vice_president'] });
  putMember(h, 'secgen', { name: '张秘书长', branch: null, tier: 'director', positions: ['secretary_general'] });
  putMember(h, 'instructor', { name: '刘指导员', branch: null, tier: null, positions: ['political_instructor'] });
  putMember(h, 'clerk', { name: '秘书处小陈', branch: null, tier: 'member', secretariat: true });
  putMember(h, 'b1head', { name: '东宝分会长', branch: 'b1', tier: 'director', positions: ['branch_president'] });
  putMember(h, 'b1lead', { name: '东宝班子', branch: 'b1', tier: 'member', positions: ['branch_leader'] });
  putMember(h, 'director', { name: '赵理事', branch: 'b1', tier: 'director' });
  putMember(h, 'm1', { name: '会员甲', branch: 'b1' });
  putMember(h, 'm2', { name: '会员乙', branch: 'b1', profession: '医生' });
  putMember(h, 'm3', { name: '会员丙', branch: 'b2' });
  putMember(h, 'm4', { name: '会员丁', branch: null });
}

/** A fresh harness at `now` holding the standard association. */
export function associationAt(now: Date): ApiHarness {
  const h = new ApiHarness({ now });
  standardAssociation(h);
  return h;
}

/** Takes a self-report of a b1 member through both steps: the branch head endorses, the president approves. */
export async function approveSelfReport(h: ApiHarness, claimId: string): Promise<void> {
  await h.ok(openidOf('b1head'), 'claim.decide', { claimId, decision: 'approve' });
  await h.ok(openidOf('president'), 'claim.decide', { claimId, decision: 'approve' });
}
