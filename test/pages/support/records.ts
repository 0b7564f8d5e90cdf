/**
 * Builders for the documents the review, ranking, award, admin and attendance pages show: plausible defaults,
 * overridden per test with only what the test is about.
 */
import type { AttendanceSheetRow, CatalogItem, Claim, ClaimLine, DataOf, Decision, DirectoryMember, InboxClaim, OutcomeView, RankingRow } from '../../../typings/api';
import { aMember } from './builders';

export function aLine(overrides: Partial<ClaimLine> = {}): ClaimLine {
  return { memberId: 'member-2', memberName: '李四', points: 10, itemId: 'deed.unquantified', itemName: '办实事（价值无法量化）', ...overrides };
}

export function aDecision(overrides: Partial<Decision> = {}): Decision {
  return { step: 'endorse', by: 'member-9', byName: '王会长', decision: 'approve', at: '2026-11-02T02:00:00.000Z', ...overrides };
}

/** A self-report of 李四 waiting for a branch leader's endorsement; its total is its lines' unless given. */
export function aClaim(overrides: Partial<Claim> = {}): Claim {
  const lines = overrides.lines ?? [aLine()];
  return {
    _id: 'claim-1',
    kind: 'self',
    itemId: 'deed.unquantified',
    itemName: '办实事（价值无法量化）',
    schemeVersion: 1,
    occurredOn: '2026-11-01',
    note: '为社区老人义诊',
    evidence: [],
    createdBy: 'member-2',
    createdByName: '李四',
    lines: [aLine()],
    input: { points: 10 },
    discretionary: 10,
    total: lines.reduce((sum, line) => (line.excluded ? sum : sum + line.points), 0),
    status: 'pending',
    step: 'endorse',
    waitingFor: { memberIds: ['member-1'], label: '东宝分会领导（权限≥10分）' },
    routing: { keys: ['lead:branch-dongbao'] },
    decisions: [],
    createdAt: '2026-11-01T08:00:00.000Z',
    updatedAt: '2026-11-01T08:00:00.000Z',
    ...overrides,
  };
}

/** A claim as the inbox lists it: with the claimant's unit. */
export function anInboxClaim(overrides: Partial<InboxClaim> = {}): InboxClaim {
  return { ...aClaim(overrides), createdByBranchName: '东宝分会', ...overrides };
}

export function anItem(overrides: Partial<CatalogItem> = {}): CatalogItem {
  return { id: 'deed.unquantified', name: '办实事（价值无法量化）', category: '办实事', kind: 'range', range: [1, 20], claimable: true, ...overrides };
}

export function aRow(overrides: Partial<RankingRow> = {}): RankingRow {
  return { memberId: 'member-1', name: '张三', branchName: '东宝分会', total: 100, rank: 1, ...overrides };
}

/** A row of 考评公示 (outcome.list): a 党员 of 第一党支部, ungraded and unmarked. */
export function anOutcome(overrides: Partial<OutcomeView> = {}): OutcomeView {
  return {
    outcomeId: 'o-chen',
    memberId: 'm-chen',
    name: '陈党员',
    branchName: '第一党支部',
    score: 18.5,
    total: 18.5,
    parts: null,
    grade: null,
    gradeName: null,
    warning: null,
    stars: null,
    vetoed: false,
    flags: [],
    ...overrides,
  };
}

export function aDirectoryMember(overrides: Partial<DirectoryMember> = {}): DirectoryMember {
  return { ...aMember(overrides), ...overrides, ...aMember(overrides) };
}

/** A person on 出勤录入 (admin.attendance.get), with nothing recorded for the month unless given. */
export function aSheetRow(overrides: Partial<AttendanceSheetRow> = {}): AttendanceSheetRow {
  return { memberId: 'member-2', name: '李四', attributes: {}, monthly: 0, recorded: null, ...overrides };
}

/** 综采一队's October as admin.attendance.get answers it; the counts and 应出勤天数 follow from the rows unless given. */
export function anAttendanceSheet(rows: AttendanceSheetRow[], overrides: Partial<DataOf<'admin.attendance.get'>> = {}): DataOf<'admin.attendance.get'> {
  const recorded = rows.flatMap((r) => (r.recorded ? [r.recorded] : []));
  return { month: '2026-10', unitId: 'd-zc1', unitName: '综采一队', workdays: recorded[0]?.workdays ?? null, people: rows.length, recorded: recorded.length, rows, cursor: null, ...overrides };
}
