/**
 * The demo association `npm start` seeds (SPEC §3), built through the real api function: every role,
 * three months of approved history, live boards and inboxes, and tallies that equal the ledger.
 */
import { performance } from 'perf_hooks';
import type { LedgerEntry, MemberRecord } from '../../typings/models';
import { tallyKeysOf } from '../../domain/calendar';
import { JINGMEN_SCHEME } from '../../domain/schemes/jingmen';
import { demoOpenid } from '../../scripts/demos';
import { seedJingmen as seedDemo } from '../../scripts/demos/jingmen';
import { ApiHarness } from '../support/api';

type Stored = MemberRecord & { openid: string | null; tallyKeys: string[] };
type TallyDoc = { _id: string; memberId: string; key: string; total: number; status: string; branchId: string | null; category: string | null; openid: string | null };
const tallyKeys = (date: string) => tallyKeysOf(date, JINGMEN_SCHEME.calendar);

/** One seeded store per "today", shared by the tests about it (seeding takes a few seconds). */
async function seeded(now: Date): Promise<{ h: ApiHarness; summary: string; ms: number }> {
  const h = new ApiHarness({ now });
  const started = performance.now(); // perf_hooks' clock: the harness fakes the global timers, not this one
  const { summary } = await seedDemo(h.cloud, { now });
  return { h, summary, ms: performance.now() - started };
}

describe('the demo association, seeded on 21 November 2026', () => {
  let h: ApiHarness;
  let summary: string;
  let ms: number;
  beforeAll(async () => {
    ({ h, summary, ms } = await seeded(new Date('2026-11-21T04:00:00Z')));
  }, 60_000);
  afterAll(() => h.close());

  const dump = () => h.cloud.store.dump();
  const members = () => dump().members as unknown as Stored[];

  it('seeds quickly through the api and says who to be', () => {
    console.log(`${summary}\n(seeded in ${Math.round(ms)} ms)`);
    expect(summary).toContain('local-admin');
    expect(ms).toBeLessThan(15_000);
  });

  it('has three branches, at least sixty members and every position', () => {
    expect(dump().branches.map((b) => b.name).sort()).toEqual(['东宝分会', '掇刀分会', '沙洋分会'].sort());
    expect(members().length).toBeGreaterThanOrEqual(60);
    const held = new Set(members().flatMap((m) => m.roles));
    for (const { id } of JINGMEN_SCHEME.organisation.roles) expect([id, held.has(id)]).toEqual([id, true]);
    expect(members().filter((m) => m.roles.includes('vice_president')).length).toBeGreaterThanOrEqual(2);
    expect(members().filter((m) => m.roles.includes('branch_president')).map((m) => m.branchName).sort()).toEqual(['东宝分会', '掇刀分会', '沙洋分会'].sort());
    expect(new Set(members().map((m) => m.category))).toEqual(new Set(['member', 'director', 'council', null]));
    expect(members().filter((m) => m.status === 'left')).toHaveLength(2);
    expect(new Set(members().map((m) => m.profession)).size).toBeGreaterThanOrEqual(8);
    expect(members().some((m) => m.socialRoles.includes('市人大代表'))).toBe(true);
    // Everyone bound their WeChat with the invite code.
    expect(members().every((m) => m.openid !== null)).toBe(true);
  });

  it('binds local-admin to the secretariat member and demo-<key> to everyone else', async () => {
    const admin = await h.ok('local-admin', 'me.get', {});
    expect(admin.member).toMatchObject({ name: '周小琳', secretariat: true });
    expect(admin.roles).toContain('secretariat');
    expect((await h.ok(demoOpenid('president'), 'me.get', {})).roles).toEqual(['president']);
    expect((await h.ok(demoOpenid('dongbao-head'), 'me.get', {})).member).toMatchObject({ branchName: '东宝分会', positions: ['branch_president'] });
    expect((await h.ok(demoOpenid('dongbao-05'), 'me.get', {})).roles).toEqual([]);
  });

  it('has approved entries in at least three months, from self-reports, collective events and dues', () => {
    const ledger = dump().ledger as unknown as LedgerEntry[];
    expect(new Set(ledger.map((e) => e.occurredOn.slice(0, 7))).size).toBeGreaterThanOrEqual(3);
    const claims = dump().claims as unknown as { kind: string; status: string; itemId: string }[];
    expect(claims.filter((c) => c.kind === 'self' && c.status === 'approved').length).toBeGreaterThanOrEqual(20);
    expect(claims.filter((c) => c.kind === 'award' && c.status === 'approved').length).toBeGreaterThanOrEqual(10);
    expect(claims.some((c) => c.status === 'rejected')).toBe(true);
    const items = new Set(ledger.map((e) => e.itemId));
    for (const item of ['position.monthly', 'position.annual', 'meeting.attend.association', 'meeting.speak.association', 'meeting.attend.branch', 'deed.unquantified']) {
      expect([item, items.has(item)]).toEqual([item, true]);
    }
    // Every entry passed two people besides its recipient (第十四条), except dues recorded by the secretariat.
    for (const entry of ledger.filter((e) => !e.itemId.startsWith('position.'))) {
      expect(entry.reviewers.length).toBe(2);
      expect(entry.reviewers).not.toContain(entry.memberId);
    }
  });

  it('keeps every tally equal to the ledger and carrying its member’s attributes', () => {
    const sums = new Map<string, number>();
    for (const entry of dump().ledger as unknown as LedgerEntry[]) {
      for (const key of tallyKeys(entry.occurredOn)) sums.set(`${entry.memberId}:${key}`, (sums.get(`${entry.memberId}:${key}`) ?? 0) + entry.points);
    }
    const tallies = dump().tallies as unknown as TallyDoc[];
    expect(new Map(tallies.map((t) => [t._id, t.total]))).toEqual(sums);
    const byId = new Map(members().map((m) => [m._id, m]));
    for (const tally of tallies) {
      const member = byId.get(tally.memberId)!;
      expect({ status: tally.status, branchId: tally.branchId, category: tally.category, openid: tally.openid }).toEqual({
        status: member.status,
        branchId: member.branchId,
        category: member.category,
        openid: member.openid,
      });
      expect(member.tallyKeys).toContain(tally.key);
    }
  });

  it('has items waiting in the inboxes of the secretary-general, the president and branch leaders', async () => {
    for (const key of ['secgen', 'president', 'instructor', 'dongbao-head', 'shayang-head']) {
      const { inboxCount } = await h.ok(demoOpenid(key), 'me.get', {});
      expect([key, inboxCount > 0]).toEqual([key, true]);
    }
    const { claims } = await h.ok(demoOpenid('president'), 'inbox.list', {});
    expect(claims.map((c) => c.kind).sort()).toEqual(['award', 'self']);
  });

  it('has live month, year and all-time boards, without the members who left', async () => {
    const leftIds = new Set(members().filter((m) => m.status === 'left').map((m) => m._id));
    for (const period of ['month', 'year', 'all'] as const) {
      const board = await h.ok(demoOpenid('dongbao-05'), 'ranking.get', { period });
      expect(board.rows.length).toBeGreaterThanOrEqual(20);
      expect(board.rows.some((r) => leftIds.has(r.memberId))).toBe(false);
      expect(board.me).not.toBeNull();
    }
    const branch = members().find((m) => m.branchName === '沙洋分会')!.branchId!;
    expect((await h.ok(demoOpenid('shayang-head'), 'ranking.get', { period: 'month', scope: { branchId: branch } })).rows.length).toBeGreaterThan(5);
    expect((await h.ok(demoOpenid('president'), 'ranking.get', { period: 'year', scope: { group: 'leaders' } })).rows.length).toBeGreaterThanOrEqual(6);
  });
});

it('keeps the month and year boards alive when started on New Year’s morning', async () => {
  const { h } = await seeded(new Date('2026-12-31T17:30:00Z')); // 01:30 on 1 January 2027 in Shanghai
  try {
    for (const period of ['month', 'year'] as const) {
      const board = await h.ok(demoOpenid('dongbao-05'), 'ranking.get', { period });
      expect([period, board.key, board.rows.length > 0]).toEqual([period, period === 'month' ? '2027-01' : '2027', true]);
    }
  } finally {
    h.close();
  }
}, 60_000);
