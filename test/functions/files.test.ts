/**
 * Files are read only through short-lived URLs the server hands out to callers it would show them to
 * (cloud.getTempFileURL); locally the gateway's /storage/<path> answers 403 without a valid signature,
 * so an <image> works with the URL it was given and nothing else. Exports are deleted after a day.
 */
import type { Server } from 'http';
import { createGateway, listen } from '../../localcloud/gateway';
import { ADMIN_OPENID, ApiHarness } from '../support/api';
import { associationAt, openidOf } from '../support/fixtures';

let h: ApiHarness;
let server: Server;
let base: string;

beforeEach(async () => {
  h = associationAt(new Date('2026-11-21T04:00:00Z'));
  server = createGateway(h.cloud);
  const { port } = await listen(server, { port: 0 });
  base = `http://127.0.0.1:${port}`;
  h.cloud.baseUrl = base;
});
afterEach(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  h.close();
});

const as = openidOf;
const get = async (url: string) => {
  const response = await fetch(url);
  return { status: response.status, body: Buffer.from(await response.arrayBuffer()).toString() };
};

async function claimWithPhoto(): Promise<{ claimId: string; fileID: string }> {
  const fileID = h.cloud.storage.upload('evidence/2026-11/photo-1.jpg', 'photo of the certificate');
  const { claim } = await h.ok(as('m1'), 'claim.submit', { itemId: 'honor.county', occurredOn: '2026-11-20', note: '', evidence: [fileID] });
  return { claimId: claim._id, fileID };
}

describe('evidence photos', () => {
  it('hands the reviewer a signed URL that works, and refuses the bare path, a forged signature and an expired one', async () => {
    const { fileID } = await claimWithPhoto();
    const [card] = (await h.ok(as('b1head'), 'inbox.list', {})).claims;
    expect(card.evidence).toEqual([fileID]);
    const [url] = card.evidenceUrls!;
    expect(url.startsWith(`${base}/storage/evidence/2026-11/photo-1.jpg?`)).toBe(true);
    expect(await get(url)).toEqual({ status: 200, body: 'photo of the certificate' });

    expect((await get(`${base}/storage/evidence/2026-11/photo-1.jpg`)).status).toBe(403);
    expect((await get(url.replace(/sign=[0-9a-f]/, (s) => (s.endsWith('0') ? 'sign=1' : 'sign=0')))).status).toBe(403);
    expect((await get(url.replace('photo-1.jpg', 'photo-2.jpg'))).status).toBe(403);
    h.setNow(new Date('2026-11-21T05:00:00Z'));
    expect((await get(url)).status).toBe(403);
  });

  it("shows an award's photos to its final reviewer (第十五条 集体事件, recorded with evidence)", async () => {
    const fileID = h.cloud.storage.upload('evidence/2026-11/meeting.jpg', 'photo of the meeting');
    await h.ok(as('b1head'), 'award.propose', {
      itemId: 'meeting.attend.branch', occurredOn: '2026-11-20', recipients: [{ memberId: 'm1' }, { memberId: 'm2' }], note: '东宝分会理事会', evidence: [fileID],
    });
    const [card] = (await h.ok(as('president'), 'inbox.list', {})).claims.filter((claim) => claim.kind === 'award');
    expect(card.evidence).toEqual([fileID]);
    expect(await get(card.evidenceUrls![0])).toEqual({ status: 200, body: 'photo of the meeting' });
  });

  it('gives URLs to the claimant and the reviewers, and nothing to anyone else', async () => {
    const { claimId } = await claimWithPhoto();
    expect((await h.ok(as('m1'), 'claim.get', { claimId })).claim.evidenceUrls).toHaveLength(1);
    expect((await h.ok(as('m1'), 'claim.mine', {})).claims[0].evidenceUrls).toHaveLength(1);
    expect((await h.ok(as('b1lead'), 'claim.get', { claimId })).claim.evidenceUrls).toHaveLength(1);
    expect((await h.fails(as('m3'), 'claim.get', { claimId })).code).toBe('FORBIDDEN');
    expect((await h.fails(as('m2'), 'claim.get', { claimId })).code).toBe('FORBIDDEN');
  });
});

describe('exported sheets', () => {
  it('answers the export with a signed URL, and the daily job deletes the file after a day', async () => {
    const { fileID, url } = await h.ok(ADMIN_OPENID, 'admin.export', { period: 'month' });
    expect((await get(url)).status).toBe(200);
    expect((await get(url.split('?')[0])).status).toBe(403);

    h.setNow(new Date('2026-11-22T03:30:00Z'));
    await h.cloud.invoke('cron', { Type: 'Timer', TriggerName: 'daily' }, {});
    expect(h.cloud.storage.exists(fileID)).toBe(true);
    h.setNow(new Date('2026-11-22T04:30:00Z'));
    const result = await h.cloud.invoke('cron', { Type: 'Timer', TriggerName: 'daily' }, {});
    expect(result).toEqual({ ok: true, data: { job: 'exports', deleted: 1 } });
    expect(h.cloud.storage.exists(fileID)).toBe(false);
    expect(h.cloud.store.dump().exports ?? []).toEqual([]);
  });
});
