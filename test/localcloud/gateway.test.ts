/**
 * The HTTP gateway, run as `npm start` runs it (a separate Node process), serving a function the
 * project has never seen, dropped into a functions folder outside the repository.
 */
import { spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const tsxRegister = require.resolve('tsx/cjs');
let child: ChildProcess;
let base: string;
let dataDir: string;
let functionsRoot: string;

beforeAll(async () => {
  functionsRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'gateway-functions-'));
  fs.cpSync(path.join(__dirname, 'fixtures', 'functions', 'probe'), path.join(functionsRoot, 'stranger'), { recursive: true });
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gateway-data-'));
  child = spawn(process.execPath, ['--require', tsxRegister, path.join(__dirname, '..', '..', 'localcloud', 'server.ts')], {
    env: { ...process.env, PORT: '0', SEED: 'none', LOCALCLOUD_DIR: dataDir, LOCALCLOUD_FUNCTIONS: functionsRoot, ADMIN_OPENIDS: 'boss' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  base = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /local cloud on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (match) resolve(match[1]);
    });
    child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('exit', () => reject(new Error(`server exited: ${out}`)));
  });
}, 30_000);

afterAll(async () => {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
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
