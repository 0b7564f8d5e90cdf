/** Small fixture builders for the domain specifications. */
import type { Claim, MemberRecord } from '../../typings/models';
import { DomainError } from '../../domain/errors';
import type { ErrorCode } from '../../typings/api';

let sequence = 0;

/** What a member builder takes: a record's fields, with 荆门's names `tier` and `positions` for category and roles. */
export type MemberOverrides = Partial<MemberRecord> & { tier?: string | null; positions?: string[] };

/** A plain active member of the association (no branch) unless told otherwise. */
export function member(overrides: MemberOverrides = {}): MemberRecord {
  sequence += 1;
  const { tier, positions, ...rest } = overrides;
  return {
    _id: `m${sequence}`,
    name: `会员${sequence}`,
    branchId: null,
    branchName: null,
    category: tier === undefined ? 'member' : tier,
    roles: positions ?? [],
    profession: null,
    socialRoles: [],
    status: 'active',
    ...rest,
  };
}

/** A pending self-report of `claimant` at the endorsement step. */
export function claim(overrides: Partial<Claim> = {}): Claim {
  const claimant = overrides.createdBy ?? 'claimant';
  return {
    _id: 'c1',
    kind: 'self',
    itemId: 'other',
    itemName: '其他正面影响事件',
    schemeVersion: 1,
    occurredOn: '2026-03-01',
    note: '',
    evidence: [],
    createdBy: claimant,
    createdByName: '申报人',
    lines: [{ memberId: claimant, memberName: '申报人', points: 2, itemId: 'other', itemName: '其他正面影响事件' }],
    input: { points: 2 },
    discretionary: 2,
    total: 2,
    status: 'pending',
    step: 'endorse',
    waitingFor: { memberIds: [], label: '分会领导' },
    routing: null,
    decisions: [],
    createdAt: '2026-03-01T00:00:00.000Z',
    updatedAt: '2026-03-01T00:00:00.000Z',
    ...overrides,
  };
}

/** Runs `action` and returns the DomainError it throws, failing the test if it does not throw one. */
export function domainErrorOf(action: () => unknown): DomainError {
  try {
    action();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError, nothing was thrown');
}

export function expectDomainError(action: () => unknown, code: ErrorCode, message?: string | RegExp): DomainError {
  const error = domainErrorOf(action);
  expect(error.code).toBe(code);
  if (message !== undefined) expect(error.message).toMatch(message);
  return error;
}
