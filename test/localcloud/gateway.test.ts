/**
 * The HTTP gateway, run as `npm start` runs it (a separate Node process), serving a function the
 * project has never seen, dropped into a functions folder outside the repository.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawnTs, type TsProcess } from '../support/ts-process';

let child: TsProcess;
let base: string;
let dataDir: string;
let functionsRoot: string;

/** Starts `localcloud/server.ts` as `npm start` does, with these environment variables. */
async function startServer(env: Record<string, string>): Promise<{ child: TsProcess; base: string }> {
  const process_ = spawnTs(path.join(__dirname, '..', '..', 'localcloud', 'server.ts'), [], { ...process.env, PORT: '0', SEED: 'none', ...env });
  const server = process_.child;
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    server.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /local cloud on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (match) resolve(match[1]);
    });
    server.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    server.on('exit', () => reject(new Error(`server exited: ${out}`)));
  });
  return { child: process_, base: url };
}

async function stopServer(server: TsProcess): Promise<void> {
  server.child.kill('SIGKILL');
  await server.exited;
}

beforeAll(async () => {
  functionsRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'gateway-functions-'));
  fs.cpSync(path.join(__dirname, 'fixtures', 'functions', 'probe'), path.join(functionsRoot, 'stranger'), { recursive: true });
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gateway-data-'));
  ({ child, base } = await startServer({ LOCALCLOUD_DIR: dataDir, LOCALCLOUD_FUNCTIONS: functionsRoot, ADMIN_OPENIDS: 'boss' }));
}, 30_000);

afterAll(async () => {
  await stopServer(child);
  for (const dir of [dataDir, functionsRoot]) fs.rmSync(dir, { recursive: true, force: true });
});

const post = (fn: string, body: string, headers: Record<string, string> = {}) =>
  fetch(`${base}/api/${fn}`, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } });

const journalSize = () => {
  const file = path.join(dataDir, 'db', 'journal.log');
  return fs.existsSync(file) ? fs.statSync(file).size : 0;
};

it('answers /health with the functions it serves', async () => {
  const res = await fetch(`${base}/health`);
  expect(res.status).toBe(200);
  expect(await res.json()).toEqual({ ok: true, env: 'local', functions: ['stranger'] });
});

it('runs a function it has never seen, with X-Openid as the caller', async () => {
  const res = await post('stranger', JSON.stringify({ op: 'whoami' }), { 'X-Openid': 'user-42' });
  expect(res.status).toBe(200);
  expect(await res.json()).toEqual({ before: 'user-42', after: 'user-42' });
  const env = (await (await post('stranger', JSON.stringify({ op: 'env' }))).json()) as { admins: string };
  expect(env.admins).toBe('boss');
});

it('persists writes made through the gateway', async () => {
  await post('stranger', JSON.stringify({ op: 'twoDocs', n: 7 }));
  expect(journalSize()).toBeGreaterThan(0);
});

it('answers a body over 1 MB with 413 and its JSON error, not a dropped connection', async () => {
  const before = journalSize();
  const huge = JSON.stringify({ op: 'twoDocs', n: 8, padding: 'x'.repeat(1024 * 1024) });
  const res = await post('stranger', huge);
  expect(res.status).toBe(413);
  expect(await res.json()).toEqual({ errCode: 'BODY_TOO_LARGE', errMsg: '请求体超过 1 MB' });
  // The same without a declared length (chunked): read to the end, then refused.
  const chunked = await fetch(`${base}/api/stranger`, {
    method: 'POST',
    body: new Blob([huge]).stream(),
    duplex: 'half',
    headers: { 'content-type': 'application/json' },
  } as RequestInit);
  expect(chunked.status).toBe(413);
  expect(journalSize()).toBe(before);
});

it('answers deeply nested JSON with 400 INVALID_EVENT, not a stack overflow', async () => {
  const depth = 100_000;
  const nested = `{"op":"env","deep":${'['.repeat(depth)}${']'.repeat(depth)}}`;
  const res = await post('stranger', nested);
  expect(res.status).toBe(400);
  expect(await res.json()).toEqual({ errCode: 'INVALID_EVENT', errMsg: '请求体嵌套超过 64 层' });
  // The gateway still serves.
  expect((await fetch(`${base}/health`)).status).toBe(200);
});

it('answers bad input with a clear error and writes nothing', async () => {
  const before = journalSize();
  const malformed = await post('stranger', '{"op": ');
  expect(malformed.status).toBe(400);
  expect(await malformed.json()).toEqual({ errCode: 'INVALID_JSON', errMsg: '请求体不是合法的 JSON' });

  const notObject = await post('stranger', '[1,2]');
  expect(notObject.status).toBe(400);
  expect(((await notObject.json()) as { errCode: string }).errCode).toBe('INVALID_EVENT');

  const unknown = await post('nosuchfunction', '{}');
  expect(unknown.status).toBe(404);
  expect(((await unknown.json()) as { errCode: string }).errCode).toBe('FUNCTION_NOT_FOUND');

  const wrongRoute = await fetch(`${base}/api`, { method: 'GET' });
  expect(wrongRoute.status).toBe(404);
  expect(journalSize()).toBe(before);
});

it('starts the clock at LOCALCLOUD_NOW and lets it run on, for functions, serverDate and the preview’s pages alike', async () => {
  const clockDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gateway-clock-'));
  const server = await startServer({ LOCALCLOUD_DIR: clockDir, LOCALCLOUD_FUNCTIONS: functionsRoot, LOCALCLOUD_NOW: '2026-12-31T23:59:58+08:00' });
  try {
    const ask = async () =>
      (await (await fetch(`${server.base}/api/stranger`, { method: 'POST', body: '{"op":"now"}' })).json()) as { functionNow: string; serverDate: string };
    const first = await ask();
    // The preview's pages set their clock from GET /clock.json (web/runtime/framework/clock.ts).
    const pages = ((await (await fetch(`${server.base}/clock.json`)).json()) as { now: number }).now;
    const start = Date.parse('2026-12-31T15:59:58Z');
    for (const at of [first.functionNow, first.serverDate, new Date(pages).toISOString()]) {
      expect(Date.parse(at)).toBeGreaterThanOrEqual(start);
      expect(Date.parse(at)).toBeLessThan(start + 15_000);
    }
    await new Promise((resolve) => setTimeout(resolve, 2100));
    const later = await ask();
    // It runs on: two seconds later it is the new year in China.
    expect(Date.parse(later.functionNow) - Date.parse(first.functionNow)).toBeGreaterThanOrEqual(2000);
    expect(new Date(Date.parse(later.functionNow) + 8 * 3_600_000).toISOString().slice(0, 4)).toBe('2027');
  } finally {
    await stopServer(server.child);
    fs.rmSync(clockDir, { recursive: true, force: true });
  }
}, 30_000);

it('refuses a LOCALCLOUD_NOW that is not an ISO time, saying what it wants', async () => {
  await expect(startServer({ LOCALCLOUD_FUNCTIONS: functionsRoot, LOCALCLOUD_NOW: 'next friday' })).rejects.toThrow(
    /LOCALCLOUD_NOW must be an ISO time such as 2026-12-31T23:59:00\+08:00, got "next friday"/,
  );
});
