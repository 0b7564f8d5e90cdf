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
