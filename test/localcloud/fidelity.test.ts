/**
 * The local cloud's fidelity points (SPEC §3), each proven through the unmodified wx-server-sdk by
 * a production-style function in fixtures/functions/probe.
 */
import * as path from 'path';
import { LocalCloud, FunctionTimeoutError, UnknownFunctionError } from '../../localcloud/runtime';

const functionsRoot = path.join(__dirname, 'fixtures', 'functions');

let cloud: LocalCloud;
const probe = (event: Record<string, unknown>, openid?: string) =>
  cloud.invoke('probe', event, { openid, timeoutMs: 30_000 }) as Promise<Record<string, unknown>>;

beforeEach(() => {
  cloud = new LocalCloud({ dir: null, functionsRoot, functionEnv: { ADMIN_OPENIDS: 'admin-1' } });
});
afterEach(() => cloud.close());

describe('reads', () => {
  it('returns 100 documents from get() and all 150 with limit(1000)', async () => {
    await probe({ op: 'seed', collection: 'items', count: 150 });
    expect(await probe({ op: 'list', collection: 'items' })).toEqual({ length: 100, firstAtIsDate: true });
    expect(await probe({ op: 'list', collection: 'items', limit: 1000 })).toMatchObject({ length: 150 });
  });

  it('never returns more than 1000 documents from one get()', async () => {
    await probe({ op: 'seed', collection: 'many', count: 1005 });
    expect(await probe({ op: 'list', collection: 'many', limit: 5000 })).toMatchObject({ length: 1000 });
  });

  it('throws on doc().get() of a missing document', async () => {
    await expect(probe({ op: 'getDoc', collection: 'items', id: 'nope' })).rejects.toMatchObject({
      errMsg: expect.stringContaining('document with _id nope does not exist'),
    });
  });

  it('turns serverDate() into a Date of the server clock', async () => {
    cloud.db.now = () => new Date('2026-03-01T00:00:00Z');
    await probe({ op: 'seed', collection: 'dated', count: 1 });
    const [doc] = cloud.store.dump().dated;
    expect(doc.at).toEqual(new Date('2026-03-01T00:00:00Z'));
  });
});

describe('transactions', () => {
  it('ends 20 concurrent runTransaction(fn, 50) increments at exactly 20, every call succeeding, five rounds in a row', async () => {
    cloud.store.commit([{ collection: 'counters', id: 'shared', doc: { _id: 'shared', value: 0 } }]);
    const figures: string[] = [];
    for (let round = 1; round <= 5; round++) {
      cloud.db.transactions.conflicts = 0;
      const settled = await Promise.allSettled(Array.from({ length: 20 }, () => probe({ op: 'counter', id: 'shared' })));
      const failed = settled.filter((s) => s.status === 'rejected');
      expect(failed).toEqual([]);
      const values = settled.map((s) => Number((s as PromiseFulfilledResult<unknown>).value)).sort((a, b) => a - b);
      expect(values).toEqual(Array.from({ length: 20 }, (_, i) => (round - 1) * 20 + i + 1));
      figures.push(`round ${round}: 20/20, ${cloud.db.transactions.conflicts} conflicts retried`);
      // The calls really overlapped: the SDK retried conflicts reported by the commit.
      expect(cloud.db.transactions.conflicts).toBeGreaterThan(0);
    }
    expect(await probe({ op: 'getDoc', collection: 'counters', id: 'shared' })).toEqual({ _id: 'shared', value: 100 });
    expect(cloud.db.transactions.openCount).toBe(0);
    expect(cloud.store.history.size).toBe(0);
    console.log(`transactions: ${figures.join('; ')}`);
  });

  it('ends 20 concurrent read-modify-write transactions on one document at exactly 20', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, () => probe({ op: 'increment', id: 'c', retries: 40 })));
    expect([...results].map(Number).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(await probe({ op: 'getDoc', collection: 'counters', id: 'c' })).toEqual({ _id: 'c', value: 20 });
    // The store really detected conflicts: the transactions did overlap.
    expect(cloud.db.transactions.conflicts).toBeGreaterThan(0);
  });

  it('leaves nothing behind when the transaction throws', async () => {
    await probe({ op: 'increment', id: 'a' });
    const before = cloud.store.dump();
    await expect(probe({ op: 'failingTransaction' })).rejects.toThrow('the business rule refused');
    expect(cloud.store.dump()).toEqual(before);
    expect(cloud.db.transactions.openCount).toBe(0);
  });

  it('accepts only single-document operations', async () => {
    await expect(probe({ op: 'whereInTransaction' })).rejects.toMatchObject({
      errMsg: expect.stringContaining('single-document'),
    });
  });

  it('fails the nth database request when a fault is injected, writing nothing', async () => {
    const before = cloud.store.dump();
    cloud.db.failAt(3); // start, set a, set b, commit: the second set fails
    await expect(probe({ op: 'twoDocs', n: 1 })).rejects.toMatchObject({ errMsg: expect.stringContaining('injected fault') });
    expect(cloud.store.dump()).toEqual(before);
    cloud.db.failAt(null);
    await probe({ op: 'twoDocs', n: 1 });
    expect(cloud.store.dump().pairs.map((d) => d._id)).toEqual(['a1', 'b1']);
  });
});

describe("the database SDK's own transaction cases (tcb-admin-node test/database/unit/transaction.test.ts)", () => {
  const data = [
    { _id: '1', category: 'Web', tags: ['JavaScript', 'C#'] },
    { _id: '2', category: 'Web', tags: ['Go', 'C#'] },
    { _id: '3', category: 'Life', tags: ['Go', 'Python', 'JavaScript'] },
  ];
  beforeEach(() => cloud.store.commit(data.map((doc) => ({ collection: 'passages', id: doc._id, doc }))));
  const sdkCase = (name: string) => probe({ op: 'sdkCase', name });

  it('读快照: outside the transaction its writes are invisible; inside, it reads them', async () => {
    expect(await sdkCase('读快照')).toEqual({ outside: data[0], inside: { ...data[0], category: 'update in transaction' } });
    expect(cloud.store.dump().passages[0]).toEqual(data[0]);
  });

  it('读偏: reads keep the snapshot after others commit, and writing over their change is a conflict', async () => {
    const result = await sdkCase('读偏');
    expect(result.snapshot1).toEqual(data[0]);
    expect(result.snapshot2).toEqual(data[1]);
    // Reported where runTransaction retries it: by the commit.
    expect(result.write).toEqual({ ok: true });
    expect(result.commit).toMatchObject({ ok: false, code: 'DATABASE_TRANSACTION_CONFLICT', message: expect.stringContaining('TransactionConflict') });
    expect(result.after).toEqual({ _id: '1', category: 'wwwwwwwwwwwwwwwww' });
  });

  it('冲突检测: the first writer of a document commits; the second one conflicts', async () => {
    const result = await sdkCase('冲突检测');
    expect(result.second).toEqual({ ok: true });
    expect(result.first).toMatchObject({ ok: false, code: 'DATABASE_TRANSACTION_CONFLICT' });
    expect(result.after).toEqual({ ...data[0], category: '冲突检测' });
  });

  it('事务提交后不能进行其它操作: a committed transaction takes no more requests', async () => {
    const { write } = await sdkCase('事务提交后不能进行其它操作');
    expect(write).toMatchObject({ ok: false, message: expect.stringContaining('TransactionNotExist') });
    expect(cloud.store.dump().passages[0]).toEqual(data[0]);
  });

  it('write skew: two transactions writing what the other read both commit, as snapshot isolation allows', async () => {
    expect(await sdkCase('write skew')).toEqual({ first: { ok: true }, second: { ok: true } });
  });

  it('forgets a transaction left open for 30 seconds, and the versions it kept', async () => {
    let now = Date.parse('2026-03-01T00:00:00Z');
    cloud.db.now = () => new Date(now);
    const abandoned = cloud.db.handle('database.startTransaction') as { transactionId: string };
    cloud.store.commit([{ collection: 'passages', id: '1', doc: { ...data[0], category: 'changed' } }]);
    expect(cloud.store.history.size).toBe(1);
    now += 30_000;
    expect(cloud.db.handle('database.commitTransaction', { transactionId: abandoned.transactionId })).toMatchObject({
      code: 'DATABASE_TRANSACTION_FAIL',
    });
    expect(cloud.db.transactions.openCount).toBe(0);
    expect(cloud.store.history.size).toBe(0);
  });
});

describe('identity', () => {
  it('gives each of 50 concurrent callers their own OPENID, before and after awaiting', async () => {
    const openids = Array.from({ length: 50 }, (_, i) => `openid-${i}`);
    const results = await Promise.all(openids.map((openid, i) => probe({ op: 'whoami', delayMs: (i * 7) % 23 }, openid)));
    results.forEach((result, i) => expect(result).toEqual({ before: openids[i], after: openids[i] }));
  });

  it('gives a timer or anonymous call no OPENID, and the configured function environment', async () => {
    const result = await probe({ op: 'env' });
    expect(result.admins).toBe('admin-1');
    expect((result.context as Record<string, unknown>).OPENID).toBeUndefined();
    expect((result.context as Record<string, unknown>).ENV).toBe('local');
  });
});

describe('storage and subscription messages', () => {
  it('maps uploadFile, getTempFileURL, downloadFile and deleteFile to a folder', async () => {
    expect(await probe({ op: 'files' })).toEqual({
      fileID: 'cloud://local.local/evidence/a.txt',
      url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:8787\/storage\/evidence\/a\.txt\?expires=\d+&sign=[0-9a-f]{64}$/),
      content: 'photo',
      removed: 0,
    });
    expect(cloud.storage.exists('cloud://local.local/evidence/a.txt')).toBe(false);
  });

  it('records subscription messages in the outbox, and refuses a user who did not subscribe', async () => {
    await probe({ op: 'notify', touser: 'approver-1' });
    expect(cloud.outbox.delivered()).toEqual([
      expect.objectContaining({
        data: expect.objectContaining({ touser: 'approver-1', template_id: 'TEMPLATE_1' }),
      }),
    ]);
    cloud.outbox.refuse('approver-2');
    await expect(probe({ op: 'notify', touser: 'approver-2' })).rejects.toMatchObject({ errCode: 43101 });
    expect(cloud.outbox.delivered()).toHaveLength(1);
  });
});

describe('invocation', () => {
  it('refuses a function that is not built', async () => {
    await expect(cloud.invoke('nope', {})).rejects.toBeInstanceOf(UnknownFunctionError);
    await expect(cloud.invoke('../probe', {})).rejects.toBeInstanceOf(UnknownFunctionError);
  });

  it("stops waiting at the function's configured timeout", async () => {
    await expect(cloud.invoke('probe', { op: 'sleep', ms: 2300 })).rejects.toBeInstanceOf(FunctionTimeoutError);
  });
});
