/**
 * The `cron` function's monthly job (第五条 职务积分) through the real bundle: what it credits, that a
 * month is credited once, and that it finishes large associations in resumable batches.
 */
import type { ApiResult } from '../../typings/api';
import type { DuesRecord, LedgerEntry } from '../../typings/models';
import type { MonthlyResult } from '../../server/cron/monthly';
import { ADMIN_OPENID, ApiHarness } from '../support/api';
import { openidOf, putMember, standardAssociation } from '../support/fixtures';

/** 2026-11-01 00:10 in Shanghai: when the monthly trigger fires. */
const FIRED = new Date('2026-10-31T16:10:00Z');
const TIMER = { Type: 'Timer', TriggerName: 'monthly', Time: FIRED.toISOString() };
const CLERK = openidOf('clerk');

let h: ApiHarness;
beforeEach(() => {
  h = new ApiHarness({ now: FIRED });
  standardAssociation(h);
});
afterEach(() => h.close());

async function cron(event: unknown, openid?: string): Promise<ApiResult<MonthlyResult>> {
  return (await h.cloud.invoke('cron', event, { openid })) as ApiResult<MonthlyResult>;
}

async function cronOk(event: unknown, openid?: string): Promise<MonthlyResult> {
  const result = await cron(event, openid);
  if (!result.ok) throw new Error(`cron failed: ${result.error.code} ${result.error.message}`);
  return result.data;
}

const snapshot = (): string => JSON.stringify(h.cloud.store.dump());
const ledger = (): LedgerEntry[] => (h.cloud.store.dump().ledger ?? []) as unknown as LedgerEntry[];
const entriesOf = (memberId: string, month: string) =>
  ledger()
    .filter((e) => e.memberId === memberId && e.occurredOn.startsWith(month))
    .map((e) => [e.itemId, e.points, e.occurredOn]);
const tally = (id: string) => h.cloud.store.dump().tallies?.find((t) => t._id === id)?.total;

/** Writes dues records straight into the store (what admin.dues.record would have stored). */
function putDues(records: Omit<DuesRecord, 'recordedBy' | 'createdAt'>[]): void {
  h.cloud.store.commit(
    records.map((r) => ({ collection: 'dues', id: r._id, doc: { ...r, recordedBy: 'seed', createdAt: '2026-06-10T00:00:00.000Z' } })),
  );
}

/** `count` members (p0000, p0001, …) who each paid a year of dues on 2026-06-10. */
function seedPayingMembers(count: number): void {
  const records: Omit<DuesRecord, 'recordedBy' | 'createdAt'>[] = [];
  for (let i = 0; i < count; i++) {
    const id = `p${String(i).padStart(4, '0')}`;
    putMember(h, id, { name: `会员${id}`, bound: false });
    records.push({ _id: `${id}-2026-06`, memberId: id, paidOn: '2026-06-10', years: 1, tier: 'member', fromMonth: '2026-06', toMonth: '2027-05' });
  }
  putDues(records);
}

describe('the monthly job', () => {
  it('credits the annual points at the start of dues-year 2 and only the monthly points in between', async () => {
    h.setNow(new Date('2025-11-05T02:00:00Z'));
    await h.ok(CLERK, 'admin.dues.record', { memberId: 'director', paidOn: '2025-11-05', years: 5 });
    h.setNow(FIRED);

    for (let m = 12; m <= 22; m++) {
      const month = `${2025 + Math.floor((m - 1) / 12)}-${String(((m - 1) % 12) + 1).padStart(2, '0')}`;
      const run = await cronOk({ job: 'monthly', month }, ADMIN_OPENID);
      expect(run).toMatchObject({ done: true, month, totals: { processed: 1, credited: 1, entries: 1 } });
      expect(entriesOf('director', month)).toEqual([['position.monthly', 20, `${month}-01`]]);
    }
    const timer = await cronOk(TIMER);
    expect(timer).toMatchObject({ month: '2026-11', done: true, totals: { credited: 1, entries: 2 } });
    expect(entriesOf('director', '2026-11')).toEqual([
      ['position.annual', 200, '2026-11-01'],
      ['position.monthly', 20, '2026-11-01'],
    ]);
    expect(tally('director:m:2026-11')).toBe(220);
    expect(tally('director:all')).toBe(2 * 200 + 50 + 13 * 20);
    const board = await h.ok(openidOf('director'), 'ranking.get', { period: 'month' });
    expect(board.me).toEqual({ memberId: 'director', rank: 1, total: 220 });
  });

  it('changes nothing when a month is run again, by the timer or an administrator', async () => {
    putDues([
      { _id: 'director-2026-09', memberId: 'director', paidOn: '2026-09-15', years: 5, tier: 'director', fromMonth: '2026-09', toMonth: '2031-08' },
      { _id: 'm1-2025-12', memberId: 'm1', paidOn: '2025-12-01', years: 1, tier: 'member', fromMonth: '2025-12', toMonth: '2026-11' },
    ]);
    const first = await cronOk(TIMER);
    expect(first).toMatchObject({ done: true, totals: { processed: 2, credited: 2, entries: 2 } });
    expect(first.finishedAt).toBe(FIRED.toISOString());
    const before = snapshot();

    const again = await cronOk(TIMER);
    expect(again).toEqual({ ...first, processed: 0 });
    expect(await cronOk({ job: 'monthly', month: '2026-11' }, ADMIN_OPENID)).toEqual({ ...first, processed: 0 });
    expect(snapshot()).toBe(before);
  });

  it('does not credit again a month that recording the payment already credited', async () => {
    await h.ok(CLERK, 'admin.dues.record', { memberId: 'm2', paidOn: '2026-11-01', years: 1 });
    const { ledger: entries, tallies, members } = h.cloud.store.dump();

    const run = await cronOk(TIMER);
    expect(run.totals).toEqual({ processed: 1, credited: 0, entries: 0, alreadyCredited: 1, skipped: 0 });
    const after = h.cloud.store.dump();
    expect([after.ledger, after.tallies, after.members]).toEqual([entries, tallies, members]);
  });

  it('gives members who left no new monthly points and keeps their ledger', async () => {
    h.setNow(new Date('2026-10-10T02:00:00Z'));
    await h.ok(CLERK, 'admin.dues.record', { memberId: 'm3', paidOn: '2026-10-10', years: 1 });
    h.setNow(FIRED);
    const member = h.cloud.store.dump().members.find((m) => m._id === 'm3')!;
    h.cloud.store.commit([{ collection: 'members', id: 'm3', doc: { ...member, status: 'left' } }]);
    const entriesBefore = ledger().filter((e) => e.memberId === 'm3');

    const run = await cronOk(TIMER);
    expect(run.totals).toMatchObject({ processed: 1, credited: 0, skipped: 1 });
    expect(ledger().filter((e) => e.memberId === 'm3')).toEqual(entriesBefore);
  });

  it('finishes with no dues records at all', async () => {
    expect(await cronOk(TIMER)).toMatchObject({ done: true, processed: 0, cursor: null, totals: { processed: 0 } });
  });
});

describe('who may run it', () => {
  it('runs a timer event, which carries no OPENID, for the Shanghai month it fired in', async () => {
    expect(await cronOk(TIMER)).toMatchObject({ month: '2026-11', done: true });
    expect(await cronOk({ Type: 'Timer', TriggerName: 'monthly' })).toMatchObject({ month: '2026-11', done: true });
  });

  it('runs for the secretariat: an ADMIN_OPENIDS administrator or a secretariat member', async () => {
    expect(await cronOk({ job: 'monthly', month: '2026-10' }, ADMIN_OPENID)).toMatchObject({ month: '2026-10', done: true });
    expect(await cronOk({ job: 'monthly', month: '2026-09' }, CLERK)).toMatchObject({ month: '2026-09', done: true });
  });

  it.each([
    ['a plain member', openidOf('m1'), { job: 'monthly', month: '2026-10' }],
    ['the president', openidOf('president'), { job: 'monthly', month: '2026-10' }],
    ['a stranger', 'stranger', { job: 'monthly', month: '2026-10' }],
    ['a member sending a timer event', openidOf('m1'), TIMER],
  ])('refuses %s, writing nothing', async (_label, openid, event) => {
    putDues([{ _id: 'm1-2026-10', memberId: 'm1', paidOn: '2026-10-02', years: 1, tier: 'member', fromMonth: '2026-10', toMonth: '2027-09' }]);
    const before = snapshot();
    const result = await cron(event, openid);
    expect(result).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining('秘书处') } });
    expect(snapshot()).toBe(before);
  });

  it.each([
    ['an unknown job', { job: 'weekly', month: '2026-10' }],
    ['no month', { job: 'monthly' }],
    ['a malformed month', { job: 'monthly', month: '2026-13' }],
    ['a month as a date', { job: 'monthly', month: '2026-10-01' }],
    ['a month not begun yet', { job: 'monthly', month: '2026-12' }],
    ['an unknown field', { job: 'monthly', month: '2026-10', cursor: 'p0100' }],
    ['an unknown trigger', { Type: 'Timer', TriggerName: 'weekly', Time: FIRED.toISOString() }],
    ['an empty event', {}],
  ])('answers %s with INVALID_INPUT, writing nothing', async (_label, event) => {
    putDues([{ _id: 'm1-2026-10', memberId: 'm1', paidOn: '2026-10-02', years: 1, tier: 'member', fromMonth: '2026-10', toMonth: '2027-09' }]);
    const before = snapshot();
    const result = await cron(event, ADMIN_OPENID);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('INVALID_INPUT');
      expect(result.error.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect(snapshot()).toBe(before);
  });
});

describe('resumable batches', () => {
  it('works 2,500 dues records in five invocations, each stopping at its budget, and resumes from the cursor', async () => {
    seedPayingMembers(2500);
    Object.assign(h.cloud.functionEnv, { CRON_BATCH_SIZE: '500', CRON_BUDGET_MS: '0' });
    const runs: MonthlyResult[] = [];
    for (let done = false; !done; ) {
      const run = await cronOk({ job: 'monthly', month: '2026-11', chain: false }, ADMIN_OPENID);
      runs.push(run);
      done = run.done;
      expect(runs.length).toBeLessThan(10);
    }
    expect(runs.map((r) => [r.done, r.processed, r.cursor])).toEqual([
      [false, 500, 'p0499-2026-06'],
      [false, 500, 'p0999-2026-06'],
      [false, 500, 'p1499-2026-06'],
      [false, 500, 'p1999-2026-06'],
      [true, 500, 'p2499-2026-06'],
    ]);
    expect(runs[4].totals).toEqual({ processed: 2500, credited: 2500, entries: 2500, alreadyCredited: 0, skipped: 0 });
    const job = h.cloud.store.dump().jobs.find((j) => j._id === 'monthly-2026-11')!;
    expect(job).toMatchObject({ invocations: 5, cursor: 'p2499-2026-06', finishedAt: FIRED.toISOString() });

    const monthly = ledger().filter((e) => e.occurredOn === '2026-11-01');
    expect(monthly).toHaveLength(2500);
    expect(new Set(monthly.map((e) => e.memberId)).size).toBe(2500);
    expect(tally('p1234:m:2026-11')).toBe(10);
  }, 60_000);

  it('loses nothing and doubles nothing when an invocation fails half-way', async () => {
    seedPayingMembers(1000);
    Object.assign(h.cloud.functionEnv, { CRON_BATCH_SIZE: '300', CRON_BUDGET_MS: '0' });
    const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    await cronOk({ job: 'monthly', month: '2026-11', chain: false }, ADMIN_OPENID);

    h.cloud.db.failAt(400); // inside the second batch's transactions, before its progress is saved
    expect(await cron({ job: 'monthly', month: '2026-11', chain: false }, ADMIN_OPENID)).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    h.cloud.db.failAt(null);
    const credited = ledger().length;
    expect(credited).toBeGreaterThan(300);
    expect(credited).toBeLessThan(600);

    let last: MonthlyResult;
    do last = await cronOk({ job: 'monthly', month: '2026-11', chain: false }, ADMIN_OPENID);
    while (!last.done);
    expect(last.totals.alreadyCredited).toBeGreaterThan(0);
    expect(ledger()).toHaveLength(1000);
    expect(new Set(ledger().map((e) => e.memberId)).size).toBe(1000);
    expect(h.cloud.store.dump().tallies.filter((t) => t.key === 'all').every((t) => t.total === 10)).toBe(true);
    logged.mockRestore();
  }, 60_000);

  it('finishes from one timer firing by continuing itself until the month is done', async () => {
    seedPayingMembers(1200);
    Object.assign(h.cloud.functionEnv, { CRON_BATCH_SIZE: '300', CRON_BUDGET_MS: '0' });
    const invoke = jest.spyOn(h.cloud, 'invoke');

    const first = await cronOk(TIMER);
    expect(first).toMatchObject({ done: false, processed: 300 });

    const job = async () => h.cloud.store.dump().jobs?.find((j) => j._id === 'monthly-2026-11');
    for (let waited = 0; !(await job())?.finishedAt; waited += 50) {
      expect(waited).toBeLessThan(30_000);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await new Promise((resolve) => setTimeout(resolve, 700)); // let the last dispatch waits end
    const cronCalls = invoke.mock.calls.filter(([name]) => name === 'cron');
    expect(cronCalls).toHaveLength(4);
    expect(cronCalls.slice(1).map(([, event]) => event)).toEqual(Array(3).fill({ job: 'monthly', month: '2026-11', continuation: true }));
    expect(await job()).toMatchObject({ invocations: 4, processed: 1200, credited: 1200 });
    expect(ledger()).toHaveLength(1200);
  }, 60_000);
});
