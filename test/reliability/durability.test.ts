/**
 * Durability through the gateway (SPEC §3, §7): several clients stream claim.submit over HTTP with
 * requestIds; the local cloud is killed with SIGKILL in the middle; restarted on the same data
 * folder it still has every claim it acknowledged, exactly once, no transaction half-written (a
 * claim without its idempotency record or the reverse), and retrying the unacknowledged requestIds
 * creates each claim at most once.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { ApiResult, DataOf } from '../../typings/api';
import { Store, type Doc } from '../../localcloud/store/store';
import { callApi, startGateway, type Gateway } from './support/gateway';

const ADMIN = 'durability-admin';
const CLIENTS = 6;
const KILL_AFTER_ACKS = 120;

/** Yesterday in Shanghai: inside the claims window whatever the hour. */
const occurredOn = new Date(Date.now() + 8 * 3_600_000 - 86_400_000).toISOString().slice(0, 10);

interface Sent {
  openid: string;
  requestId: string;
  claimId: string | null;
}

let gateway: Gateway | null = null;
afterEach(async () => {
  await gateway?.kill();
  gateway = null;
});

/** The store on disk, read as the next start would read it (journal replayed, torn tail dropped). */
function storeOnDisk(dir: string): Record<string, Doc[]> {
  const store = new Store({ dir: path.join(dir, 'db') });
  try {
    return store.dump();
  } finally {
    store.close();
  }
}

const submit = (openid: string, requestId: string) =>
  callApi<'claim.submit'>(gateway!.base, openid, { action: 'claim.submit', payload: { itemId: 'honor.county', occurredOn, note: requestId }, requestId });

/** Every claim document, grouped by the requestId its note carries. */
function claimsByRequest(dump: Record<string, Doc[]>): Map<string, Doc[]> {
  const out = new Map<string, Doc[]>();
  for (const claim of dump.claims ?? []) out.set(String(claim.note), [...(out.get(String(claim.note)) ?? []), claim]);
  return out;
}

/** Half-written transactions: a claim without its requestId record, or a record without its claim. */
function halfWritten(dump: Record<string, Doc[]>): string[] {
  const claims = new Map((dump.claims ?? []).map((c) => [c._id, c]));
  const problems: string[] = [];
  const recorded = new Set<string>();
  for (const record of dump.requests ?? []) {
    const claimId = (record.result as { claim?: { _id?: string } } | undefined)?.claim?._id;
    if (!claimId || !claims.has(claimId)) problems.push(`request ${record._id} has no claim`);
    else recorded.add(claimId);
    const requestId = record._id.slice(record._id.indexOf(':') + 1);
    if (claimId && claims.get(claimId)!.note !== requestId) problems.push(`request ${record._id} names another request's claim`);
  }
  for (const claim of claims.values()) if (!recorded.has(claim._id)) problems.push(`claim ${claim._id} has no request record`);
  return problems;
}

it('keeps every acknowledged claim exactly once across a kill -9 of the gateway, and retries create none twice', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reliability-durability-'));
  const started = Date.now();
  gateway = await startGateway(dir, ADMIN);

  // An association over HTTP: a branch president to endorse, and one member per client, each bound to their WeChat.
  const imported = await callApi<'admin.members.import'>(gateway.base, ADMIN, {
    action: 'admin.members.import',
    payload: {
      rows: [
        { name: '分会长', branch: '东宝分会', tier: 'director', positions: ['branch_president'] },
        { name: '会长', tier: 'council', positions: ['president'] },
        ...Array.from({ length: CLIENTS }, (_, i) => ({ name: `会员${i + 1}`, branch: '东宝分会' })),
      ],
    },
  });
  if (!imported.ok) throw new Error(`import failed: ${imported.error.message}`);
  expect(imported.data).toMatchObject({ created: CLIENTS + 2, errors: [] });
  const { members } = imported.data;
  const openids: string[] = [];
  for (const [i, member] of members.entries()) {
    const openid = `durability-${i}`;
    expect(await callApi<'me.bind'>(gateway.base, openid, { action: 'me.bind', payload: { inviteCode: member.inviteCode } })).toMatchObject({ ok: true });
    if (member.name.startsWith('会员')) openids.push(openid);
  }

  // The stream: each client submits one claim after another, with its own requestIds, until the kill.
  const sent: Sent[] = [];
  let acks = 0;
  let killedAt = 0;
  let streamError: unknown = null;
  const server = gateway;
  const killing = new Promise<void>((resolve) => {
    const client = async (openid: string, c: number) => {
      for (let n = 1; ; n++) {
        const record: Sent = { openid, requestId: `dur-c${c}-${String(n).padStart(4, '0')}`, claimId: null };
        sent.push(record);
        try {
          const result = await submit(openid, record.requestId);
          if (!result.ok) throw new Error(`submit refused: ${result.error.code} ${result.error.message}`);
          record.claimId = result.data.claim._id;
          if (++acks === KILL_AFTER_ACKS) {
            // A few milliseconds later, so that the kill lands while other clients' writes are in flight.
            setTimeout(() => {
              killedAt = Date.now() - started;
              server.child.kill('SIGKILL');
              resolve();
            }, Math.random() * 30);
          }
        } catch (error) {
          if (killedAt > 0) return; // the connection died with the server
          throw error;
        }
      }
    };
    Promise.all(openids.map((openid, c) => client(openid, c))).catch((error: unknown) => {
      streamError = error;
      resolve();
    });
  });
  await killing;
  if (streamError) throw streamError;
  await gateway.kill();
  gateway = null;
  // Let the clients' in-flight requests fail.
  await new Promise((resolve) => setTimeout(resolve, 200));

  const acknowledged = sent.filter((s) => s.claimId !== null);
  const unacknowledged = sent.filter((s) => s.claimId === null);
  expect(acknowledged.length).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);
  const journalBytes = fs.statSync(path.join(dir, 'db', 'journal.log')).size;

  // On disk after the kill: every acknowledged claim once, nothing half-written.
  const afterKill = storeOnDisk(dir);
  const byRequest = claimsByRequest(afterKill);
  for (const s of acknowledged) {
    expect(byRequest.get(s.requestId)?.map((c) => c._id)).toEqual([s.claimId]);
  }
  for (const [requestId, claims] of byRequest) expect([requestId, claims.length]).toEqual([requestId, 1]);
  expect(halfWritten(afterKill)).toEqual([]);
  const writtenUnacked = unacknowledged.filter((s) => byRequest.has(s.requestId)).length;

  // Restarted on the same folder, the api serves them all.
  gateway = await startGateway(dir, ADMIN);
  for (const s of acknowledged) {
    const got = await callApi<'claim.get'>(gateway.base, s.openid, { action: 'claim.get', payload: { claimId: s.claimId! } });
    expect(got).toMatchObject({ ok: true, data: { claim: { _id: s.claimId, note: s.requestId, status: 'pending' } } });
  }
  for (const openid of openids) {
    const mine: string[] = [];
    for (let cursor: string | null = null; ; ) {
      const page: ApiResult<DataOf<'claim.mine'>> = await callApi<'claim.mine'>(gateway.base, openid, { action: 'claim.mine', payload: cursor ? { cursor } : {} });
      if (!page.ok) throw new Error(`claim.mine failed: ${page.error.message}`);
      mine.push(...page.data.claims.map((c) => c._id));
      cursor = page.data.cursor;
      if (!cursor) break;
    }
    const own = acknowledged.filter((s) => s.openid === openid).map((s) => s.claimId!);
    expect(mine.filter((id) => own.includes(id)).sort()).toEqual([...own].sort());
    expect(new Set(mine).size).toBe(mine.length);
  }

  // Clients retry what they never heard back about, and a few acknowledged ones: each request is created once.
  const retried = await Promise.all(unacknowledged.map(async (s) => ({ s, result: await submit(s.openid, s.requestId) })));
  for (const { s, result } of retried) {
    if (!result.ok) throw new Error(`retry of ${s.requestId} failed: ${result.error.code} ${result.error.message}`);
    const previous = byRequest.get(s.requestId)?.[0];
    if (previous) expect(result.data.claim._id).toBe(previous._id); // written before the kill: answered with the first result
  }
  for (const s of acknowledged.slice(0, 10)) {
    const again = await submit(s.openid, s.requestId);
    expect(again).toMatchObject({ ok: true, data: { claim: { _id: s.claimId } } });
  }
  await gateway.kill();
  gateway = null;

  const settled = storeOnDisk(dir);
  const settledByRequest = claimsByRequest(settled);
  for (const s of sent) expect([s.requestId, settledByRequest.get(s.requestId)?.length]).toEqual([s.requestId, 1]);
  expect(settled.claims).toHaveLength(sent.length);
  expect(halfWritten(settled)).toEqual([]);

  console.log(
    `durability: ${CLIENTS} clients sent ${sent.length} claim.submit over HTTP; kill -9 after ${acknowledged.length} acknowledged ` +
      `(${killedAt} ms in, journal ${journalBytes} bytes); ${unacknowledged.length} unacknowledged, of which ${writtenUnacked} had been written; ` +
      `after restart ${acknowledged.length}/${acknowledged.length} acknowledged present exactly once, 0 half-written; ` +
      `${unacknowledged.length} retries created ${unacknowledged.length - writtenUnacked} new, ${writtenUnacked} replayed; total ${Date.now() - started} ms`,
  );
  fs.rmSync(dir, { recursive: true, force: true });
}, 120_000);
