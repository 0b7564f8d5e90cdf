/**
 * admin.dues.record (第五条 职务积分) through the real api function: the dues record and every entry
 * already due land in one transaction, on the ledger and on every board at once.
 */
import type { LedgerEntry } from '../../typings/models';
import { ADMIN_OPENID, ApiHarness } from '../support/api';
import { openidOf, putMember, associationAt } from '../support/fixtures';

/** 2026-11-21 12:00 in Shanghai. */
const NOW = new Date('2026-11-21T04:00:00Z');
const CLERK = openidOf('clerk');

let h: ApiHarness;
beforeEach(() => (h = associationAt(NOW)));
afterEach(() => h.close());

const snapshot = (): string => h.snapshot();
const brief = (entries: LedgerEntry[]) => entries.map((e) => [e.itemId, e.points, e.occurredOn]);

async function totals(memberId: string): Promise<Record<string, number | undefined>> {
  const out: Record<string, number | undefined> = {};
  for (const [label, period, key] of [
    ['all', 'all', undefined],
    ['2026', 'year', '2026'],
    ['2026-09', 'month', '2026-09'],
    ['2026-10', 'month', '2026-10'],
    ['2026-11', 'month', undefined],
  ] as const) {
    const board = await h.ok(openidOf('m1'), 'ranking.get', { period, key, limit: 100 });
    out[label] = board.rows.find((r) => r.memberId === memberId)?.total;
  }
  return out;
}

describe('admin.dues.record', () => {
  it('credits a 5-year director payment made two months ago with 200 + 50 + 3 × 20 = 310 at once', async () => {
    const { dues, entries } = await h.ok(CLERK, 'admin.dues.record', { memberId: 'director', paidOn: '2026-09-15', years: 5 });

    expect(dues).toMatchObject({
      memberId: 'director',
      paidOn: '2026-09-15',
      years: 5,
      tier: 'director',
      fromMonth: '2026-09',
      toMonth: '2031-08',
      recordedBy: CLERK,
      createdAt: NOW.toISOString(),
    });
    expect(brief(entries)).toEqual([
      ['position.annual', 200, '2026-09-15'],
      ['position.term_bonus', 50, '2026-09-15'],
      ['position.monthly', 20, '2026-09-15'],
      ['position.monthly', 20, '2026-10-01'],
      ['position.monthly', 20, '2026-11-01'],
    ]);
    expect(entries.reduce((sum, e) => sum + e.points, 0)).toBe(310);
    for (const entry of entries) {
      expect(entry).toMatchObject({ memberId: 'director', memberName: '赵理事', claimId: null, reviewers: ['clerk'], schemeVersion: 1 });
    }
    expect(await totals('director')).toEqual({ all: 310, '2026': 310, '2026-09': 270, '2026-10': 20, '2026-11': 20 });

    const stored = h.cloud.store.dump();
    expect(stored.dues).toEqual([{ ...dues }]);
    expect(stored.ledger.map((e) => e._id).sort()).toEqual(entries.map((e) => e._id).sort());
  });

  it('credits a 1-year member payment of this month with the annual 100 and this month’s 10', async () => {
    const { dues, entries } = await h.ok(ADMIN_OPENID, 'admin.dues.record', { memberId: 'm1', paidOn: '2026-11-03', years: 1 });
    expect(dues).toMatchObject({ tier: 'member', fromMonth: '2026-11', toMonth: '2027-10', recordedBy: ADMIN_OPENID });
    expect(brief(entries)).toEqual([
      ['position.annual', 100, '2026-11-03'],
      ['position.monthly', 10, '2026-11-03'],
    ]);
    // The administrator recording it has no member record: a system entry with no reviewer.
    expect(entries.every((e) => e.reviewers.length === 0)).toBe(true);
    expect(await totals('m1')).toMatchObject({ all: 110, '2026-11': 110 });
  });

  it('credits a 1-year payment recorded after it ran out with its annual points and all 12 months', async () => {
    const { entries } = await h.ok(CLERK, 'admin.dues.record', { memberId: 'm2', paidOn: '2025-10-08', years: 1 });
    expect(entries.map((e) => e.itemId)).toEqual(['position.annual', ...Array(12).fill('position.monthly')]);
    expect(entries[entries.length - 1].occurredOn).toBe('2026-09-01');
    expect(await totals('m2')).toMatchObject({ all: 100 + 12 * 10, '2026': 9 * 10 });
  });

  it('credits the second dues-year’s annual points of a 5-year payment when that year has begun', async () => {
    const { entries } = await h.ok(CLERK, 'admin.dues.record', { memberId: 'b1head', paidOn: '2025-09-30', years: 5 });
    const annual = entries.filter((e) => e.itemId === 'position.annual');
    expect(annual.map((e) => [e.points, e.occurredOn])).toEqual([
      [200, '2025-09-30'],
      [200, '2026-09-01'],
    ]);
    expect(entries.filter((e) => e.itemId === 'position.monthly')).toHaveLength(15);
    expect(await totals('b1head')).toMatchObject({ all: 2 * 200 + 50 + 15 * 20 });
  });

  it('uses the tier at payment: a council member earns 300 and 30 a month', async () => {
    const { dues, entries } = await h.ok(CLERK, 'admin.dues.record', { memberId: 'vice', paidOn: '2026-11-01', years: 1 });
    expect(dues.tier).toBe('council');
    expect(brief(entries)).toEqual([
      ['position.annual', 300, '2026-11-01'],
      ['position.monthly', 30, '2026-11-01'],
    ]);
  });

  it('refuses a payment overlapping one already recorded, and writes nothing', async () => {
    await h.ok(CLERK, 'admin.dues.record', { memberId: 'm1', paidOn: '2026-03-10', years: 1 });
    const before = snapshot();
    for (const paidOn of ['2026-03-10', '2026-03-25', '2026-11-01', '2025-12-31']) {
      const error = await h.fails(CLERK, 'admin.dues.record', { memberId: 'm1', paidOn, years: 1 });
      expect(error.code).toBe('CONFLICT');
      expect(error.message).toContain('2026-03 至 2027-02');
    }
    expect(snapshot()).toBe(before);
  });

  it('accepts the renewal recorded in the month after the paid period ends', async () => {
    await h.ok(CLERK, 'admin.dues.record', { memberId: 'm1', paidOn: '2025-10-10', years: 1 });
    const { dues, entries } = await h.ok(CLERK, 'admin.dues.record', { memberId: 'm1', paidOn: '2026-10-02', years: 1 });
    expect(dues).toMatchObject({ fromMonth: '2026-10', toMonth: '2027-09' });
    expect(brief(entries)).toEqual([
      ['position.annual', 100, '2026-10-02'],
      ['position.monthly', 10, '2026-10-02'],
      ['position.monthly', 10, '2026-11-01'],
    ]);
  });

  it('answers a retry with the same requestId with the first result and writes nothing new', async () => {
    const requestId = h.nextRequestId();
    const first = await h.ok(CLERK, 'admin.dues.record', { memberId: 'm3', paidOn: '2026-11-02', years: 1 }, requestId);
    const before = snapshot();
    const again = await h.ok(CLERK, 'admin.dues.record', { memberId: 'm3', paidOn: '2026-11-02', years: 1 }, requestId);
    expect(again).toEqual(first);
    expect(snapshot()).toBe(before);
  });

  it('records one of two racing submissions of the same payment', async () => {
    const payload = { memberId: 'm4', paidOn: '2026-11-02', years: 1 } as const;
    const results = await Promise.all([h.call(CLERK, 'admin.dues.record', payload), h.call(ADMIN_OPENID, 'admin.dues.record', payload)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.error.code)).toEqual(['CONFLICT']);
    expect(h.cloud.store.dump().ledger.filter((e) => e.memberId === 'm4')).toHaveLength(2);
  });

  describe('refuses, writing nothing', () => {
    beforeEach(() => putMember(h, 'gone', { name: '已退会员', status: 'left' }));

    it.each([
      ['an unknown member', { memberId: 'nobody', paidOn: '2026-11-01', years: 1 }, 'NOT_FOUND'],
      ['a member who left', { memberId: 'gone', paidOn: '2026-11-01', years: 1 }, 'INVALID_INPUT'],
      ['an official without a tier (pays no dues)', { memberId: 'instructor', paidOn: '2026-11-01', years: 1 }, 'INVALID_INPUT'],
      ['a payment dated tomorrow', { memberId: 'm1', paidOn: '2026-11-22', years: 1 }, 'INVALID_INPUT'],
      ['a date that does not exist', { memberId: 'm1', paidOn: '2026-02-30', years: 1 }, 'INVALID_INPUT'],
      ['a malformed date', { memberId: 'm1', paidOn: '2026/11/01', years: 1 }, 'INVALID_INPUT'],
      ['3 years', { memberId: 'm1', paidOn: '2026-11-01', years: 3 }, 'INVALID_INPUT'],
      ['years as a string', { memberId: 'm1', paidOn: '2026-11-01', years: '1' }, 'INVALID_INPUT'],
      ['a missing member id', { paidOn: '2026-11-01', years: 1 }, 'INVALID_INPUT'],
      ['an empty member id', { memberId: ' ', paidOn: '2026-11-01', years: 1 }, 'INVALID_INPUT'],
      ['a field the server decides', { memberId: 'm1', paidOn: '2026-11-01', years: 1, tier: 'council' }, 'INVALID_INPUT'],
      ['no payload', undefined, 'INVALID_INPUT'],
    ])('%s', async (_label, payload, code) => {
      const before = snapshot();
      const error = await h.fails(CLERK, 'admin.dues.record', payload);
      expect(error.code).toBe(code);
      expect(error.message).toMatch(/[\u4e00-\u9fa5]/);
      expect(snapshot()).toBe(before);
    });

    it.each([
      ['a plain member', openidOf('m1'), 'FORBIDDEN'],
      ['the president (not secretariat)', openidOf('president'), 'FORBIDDEN'],
      ['an unbound caller', 'stranger', 'FORBIDDEN'],
      ['a secretariat member who left', openidOf('gone'), 'FORBIDDEN'],
    ])('from %s', async (_label, openid, code) => {
      if (openid === openidOf('gone')) putMember(h, 'gone', { name: '已退秘书', status: 'left', secretariat: true });
      const before = snapshot();
      expect((await h.fails(openid, 'admin.dues.record', { memberId: 'm1', paidOn: '2026-11-01', years: 1 })).code).toBe(code);
      expect(snapshot()).toBe(before);
    });
  });

  it('is all or nothing when any database request fails', async () => {
    const payload = { memberId: 'director', paidOn: '2026-09-15', years: 5 } as const;
    const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const before = snapshot();
    let after: string | null = null;
    for (let n = 1; after === null; n++) {
      h.cloud.db.failAt(n);
      const result = await h.call(CLERK, 'admin.dues.record', payload);
      h.cloud.db.failAt(null);
      if (result.ok) after = snapshot();
      else expect(snapshot()).toBe(before);
      expect(n).toBeLessThan(200);
    }
    expect(JSON.parse(after).ledger).toHaveLength(5);
    expect(logged).toHaveBeenCalled();
    logged.mockRestore();
  });
});
