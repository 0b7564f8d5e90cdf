/**
 * The gateway's routes for the preview (localcloud/preview.ts), over HTTP: the preview's files, the
 * demo's cast, and the storage a page uses as a phone would (upload as the caller, then read through
 * the URL getTempFileURL hands out). No browser here.
 */
import * as fs from 'fs';
import type { Server } from 'http';
import * as os from 'os';
import * as path from 'path';
import { createGateway, listen } from '../../localcloud/gateway';
import type { DemoCast } from '../../localcloud/preview';
import { LocalCloud } from '../../localcloud/runtime';
import { startLocalCloud } from '../../localcloud/server';

const CAST: DemoCast = { scheme: 'jingmen', people: [{ openid: 'demo-a', name: '甲', roles: ['会员'], unit: '东宝分会' }], start: 'demo-a' };

describe('the gateway’s preview routes', () => {
  let dir: string;
  let cloud: LocalCloud;
  let server: Server;
  let base: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'preview-routes-'));
    cloud = new LocalCloud({ dir });
    // A mini-program of one picture and one json, for the files the preview may and may not serve.
    const miniprogramRoot = path.join(dir, 'miniprogram');
    fs.mkdirSync(path.join(miniprogramRoot, 'images'), { recursive: true });
    fs.writeFileSync(path.join(miniprogramRoot, 'images', 'tab.png'), 'png bytes');
    fs.writeFileSync(path.join(miniprogramRoot, 'app.json'), '{}');
    server = createGateway(cloud, { cast: CAST, miniprogramRoot });
    const { port } = await listen(server, { port: 0 });
    base = cloud.baseUrl = `http://127.0.0.1:${port}`;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    cloud.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const upload = (cloudPath: string, body: string, caller: string | null = 'demo-a') =>
    fetch(`${base}/preview/storage/upload?cloudPath=${encodeURIComponent(cloudPath)}`, { method: 'POST', body, headers: caller ? { 'X-Openid': caller } : {} });

  it('serves the preview at / and its files under /preview/, revalidated by ETag', async () => {
    const page = await fetch(`${base}/`);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toContain('/preview/preview.js');
    const script = await fetch(`${base}/preview/preview.js`);
    expect(script.status).toBe(200);
    const again = await fetch(`${base}/preview/preview.js`, { headers: { 'If-None-Match': script.headers.get('etag') ?? '' } });
    expect(again.status).toBe(304);
  });

  it('serves the mini-program’s pictures (tab bar icons, images in pages)', async () => {
    const picture = await fetch(`${base}/preview/miniprogram/images/tab.png`);
    expect(picture.headers.get('content-type')).toBe('image/png');
    expect(await picture.text()).toBe('png bytes');
  });

  it('serves nothing outside the built preview, and only pictures of the mini-program', async () => {
    // web/tsconfig.json and docs/preview.png exist, one folder up from each root.
    expect((await fetch(`${base}/preview/%2e%2e%2ftsconfig.json`)).status).toBe(404);
    expect((await fetch(`${base}/preview/miniprogram/%2e%2e%2fdocs%2fpreview.png`)).status).toBe(404);
    expect((await fetch(`${base}/preview/miniprogram/app.json`)).status).toBe(404);
  });

  it('answers /demo.json with the people the seeding returned', async () => {
    expect(await (await fetch(`${base}/demo.json`)).json()).toEqual(CAST);
  });

  it('stores a page’s upload as the caller and hands out a URL that serves it', async () => {
    const uploaded = await upload('evidence/2026-11/photo.png', 'picture bytes');
    const { fileID } = (await uploaded.json()) as { fileID: string };
    expect(fileID).toBe('cloud://local.local/evidence/2026-11/photo.png');
    const urls = await fetch(`${base}/preview/storage/temp-urls`, {
      method: 'POST',
      headers: { 'X-Openid': 'demo-b', 'Content-Type': 'application/json' },
      body: JSON.stringify({ fileList: [fileID, 'cloud://local.local/evidence/missing.png'] }),
    });
    const { fileList } = (await urls.json()) as { fileList: { tempFileURL: string; status: number }[] };
    expect(fileList.map((f) => f.status)).toEqual([0, -1]);
    expect(await (await fetch(fileList[0].tempFileURL)).text()).toBe('picture bytes');
  });

  it('refuses an upload without a caller, or to a path outside storage', async () => {
    const anonymous = await upload('evidence/x.png', 'x', null);
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as { errMsg: string }).errMsg).toContain('X-Openid');
    expect((await upload('../outside.png', 'x')).status).toBe(400);
    expect(fs.existsSync(path.join(dir, 'outside.png'))).toBe(false);
  });
});

describe('the demo’s cast beside the store', () => {
  const saved = { PORT: process.env.PORT, LOCALCLOUD_DIR: process.env.LOCALCLOUD_DIR, SEED: process.env.SEED, ADMIN_OPENIDS: process.env.ADMIN_OPENIDS };
  let dir: string;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'preview-cast-'));
    Object.assign(process.env, { PORT: '0', LOCALCLOUD_DIR: dir });
    delete process.env.SEED;
    delete process.env.ADMIN_OPENIDS;
    jest.spyOn(console, 'log').mockImplementation(() => undefined);
  });

  afterEach(() => {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    jest.restoreAllMocks();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const castAt = async (url: string) => {
    const response = await fetch(`${url}/demo.json`);
    return response.ok ? ((await response.json()) as DemoCast) : null;
  };

  /** A small seed through the api, as the demo's is, returning its cast. */
  const seed = async (cloud: LocalCloud) => {
    const payload = { rows: [{ name: '甲', branch: '东宝分会', tier: 'member' }] };
    await cloud.invoke('api', { action: 'admin.members.import', payload }, { openid: 'local-admin' });
    return { summary: 'seeded', cast: CAST };
  };

  it('is written when an empty store is seeded, and read again when the store is reopened', async () => {
    const first = await startLocalCloud({ seed });
    expect(await castAt(`http://127.0.0.1:${first.port}`)).toEqual(CAST);
    first.close();
    const again = await startLocalCloud({ seed: async () => fail('a seeded store is not seeded again') });
    expect(await castAt(`http://127.0.0.1:${again.port}`)).toEqual(CAST);
    again.close();
  });

  it('is forgotten when the store starts empty and is not seeded', async () => {
    const first = await startLocalCloud({ seed });
    first.close();
    fs.rmSync(path.join(dir, 'db'), { recursive: true, force: true });
    process.env.SEED = 'none';
    const empty = await startLocalCloud({ seed });
    expect(await castAt(`http://127.0.0.1:${empty.port}`)).toBeNull();
    empty.close();
    expect(fs.existsSync(path.join(dir, 'demo.json'))).toBe(false);
  });
});

function fail(message: string): never {
  throw new Error(message);
}
