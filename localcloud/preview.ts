/**
 * The gateway's routes for the browser preview (web/, built by scripts/build-preview.ts):
 *   GET  /                         the preview (web/dist/index.html)
 *   GET  /preview/<file>           its script, stylesheet and source map
 *   GET  /preview/miniprogram/<p>  the mini-program's own pictures (tab bar icons, images in pages)
 *   GET  /demo.json                the seeded demo's people: { scheme, people: [{ openid, name, roles, unit, household? }], start? }
 *   GET  /clock.json               the cloud's clock: { now } in ms, so the pages count days as the functions do
 *                                  when the clock was moved (LOCALCLOUD_NOW, a test's pinned day; clock.ts)
 *   POST /preview/storage/upload?cloudPath=<p>   the body becomes that file (wx.cloud.uploadFile from a page)
 *   POST /preview/storage/temp-urls              { fileList } → { fileList: [{ fileID, tempFileURL, maxAge, status, errMsg }] }
 *                                                (wx.cloud.getTempFileURL from a page: the URLs the cloud hands out)
 * The storage routes take the caller from X-Openid, as /api does.
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as http from 'http';
import * as path from 'path';
import type { LocalCloud } from './runtime';

export interface DemoPerson {
  openid: string;
  name: string;
  /** Role names as the scheme calls them (会长, 东宝分会会长, 秘书处…). */
  roles: string[];
  /** The unit the person belongs to (a branch, or the association itself). */
  unit: string;
  household?: string;
}

/** What the demo's seeding returns, and GET /demo.json answers. */
export interface DemoCast {
  scheme: string;
  people: DemoPerson[];
  /** Whom the preview opens as when the URL names nobody. */
  start?: string;
}

export interface PreviewOptions {
  cast?: DemoCast | null;
  /** The built preview (default web/dist). */
  distDir?: string;
  /** The mini-program's root, for its pictures (default miniprogram/). */
  miniprogramRoot?: string;
}

const REPO_ROOT = path.resolve(__dirname, '..');
export const PREVIEW_DIST = path.join(REPO_ROOT, 'web', 'dist');
const CAST_FILE = 'demo.json';
const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
  '.webp': 'image/webp',
};
const PICTURE_EXTENSIONS = new Set(['.png', '.jpg', '.jpeg', '.gif', '.svg', '.webp']);

/** The cast is kept beside the store, so a later `npm start` on the same store still lists the people; null forgets it. */
export function saveDemoCast(dir: string | null, cast: DemoCast | null): void {
  if (!dir) return;
  const file = path.join(dir, CAST_FILE);
  if (!cast) {
    fs.rmSync(file, { force: true });
    return;
  }
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(cast, null, 2)}\n`);
}

export function loadDemoCast(dir: string | null): DemoCast | null {
  if (!dir) return null;
  const file = path.join(dir, CAST_FILE);
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as DemoCast) : null;
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/** Files are revalidated on every load (no-cache) and answered 304 while unchanged, so a rebuilt preview shows at once. */
function sendFile(req: http.IncomingMessage, res: http.ServerResponse, file: string): void {
  const content = fs.readFileSync(file);
  const etag = `"${createHash('sha1').update(content).digest('base64url')}"`;
  const headers = { etag, 'cache-control': 'no-cache' };
  if (req.headers['if-none-match'] === etag) {
    res.writeHead(304, headers);
    return void res.end();
  }
  res.writeHead(200, { ...headers, 'content-type': CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream', 'content-length': content.length });
  res.end(content);
}

/** `relative` inside `root`, or null for anything that would leave it. */
function inside(root: string, relative: string): string | null {
  const file = path.resolve(root, relative);
  return file.startsWith(root + path.sep) && fs.existsSync(file) && fs.statSync(file).isFile() ? file : null;
}

function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) over = true;
      if (!over) chunks.push(chunk);
    });
    req.on('end', () => resolve(over ? null : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function callerOf(req: http.IncomingMessage): string | null {
  const header = req.headers['x-openid'];
  return typeof header === 'string' && header.trim() !== '' ? header.trim() : null;
}

async function upload(cloud: LocalCloud, req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
  if (!callerOf(req)) return sendJson(res, 401, { errCode: 'NO_CALLER', errMsg: '上传文件需要调用者（X-Openid）' });
  const cloudPath = url.searchParams.get('cloudPath') ?? '';
  const body = await readBody(req, MAX_UPLOAD_BYTES);
  if (!body) return sendJson(res, 413, { errCode: 'BODY_TOO_LARGE', errMsg: `文件超过 ${MAX_UPLOAD_BYTES / 1024 / 1024} MB` });
  try {
    sendJson(res, 200, { fileID: cloud.storage.upload(cloudPath, body) });
  } catch {
    sendJson(res, 400, { errCode: 'INVALID_CLOUD_PATH', errMsg: `云端路径无效：${cloudPath}` });
  }
}

async function tempUrls(cloud: LocalCloud, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  if (!callerOf(req)) return sendJson(res, 401, { errCode: 'NO_CALLER', errMsg: '获取文件链接需要调用者（X-Openid）' });
  const body = await readBody(req, 64 * 1024);
  let fileList: unknown;
  try {
    fileList = (JSON.parse(body?.toString('utf8') ?? '') as { fileList?: unknown }).fileList;
  } catch {
    fileList = undefined;
  }
  if (!Array.isArray(fileList)) return sendJson(res, 400, { errCode: 'INVALID_EVENT', errMsg: '请求体须为 { fileList: [...] }' });
  sendJson(res, 200, {
    fileList: fileList.map((entry) => {
      const fileID = typeof entry === 'string' ? entry : String((entry as { fileID?: unknown })?.fileID ?? '');
      const maxAge = typeof entry === 'object' && entry && typeof (entry as { maxAge?: unknown }).maxAge === 'number' ? (entry as { maxAge: number }).maxAge : 7200;
      const tempFileURL = cloud.storage.tempUrl(fileID);
      return tempFileURL ? { fileID, tempFileURL, maxAge, status: 0, errMsg: 'ok' } : { fileID, tempFileURL: '', status: -1, errMsg: 'STORAGE_FILE_NONEXIST' };
    }),
  });
}

/** Answers the request if it is one of the preview's; returns whether it did. */
export async function handlePreviewRequest(
  cloud: LocalCloud,
  options: PreviewOptions,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  url: URL,
): Promise<boolean> {
  const dist = options.distDir ?? PREVIEW_DIST;
  const miniprogram = options.miniprogramRoot ?? path.join(REPO_ROOT, 'miniprogram');
  const route = url.pathname;
  if (req.method === 'GET' && (route === '/' || route === '/index.html')) {
    const index = inside(dist, 'index.html');
    if (!index) sendJson(res, 503, { errCode: 'PREVIEW_NOT_BUILT', errMsg: '预览尚未构建：请运行 npm run build:preview（npm start 会自动构建）' });
    else sendFile(req, res, index);
    return true;
  }
  if (req.method === 'GET' && route === '/demo.json') {
    if (options.cast) sendJson(res, 200, options.cast);
    else sendJson(res, 404, { errCode: 'NO_DEMO', errMsg: '没有演示数据：本地云未播种演示协会（SEED=none 或数据目录来自别处）' });
    return true;
  }
  if (req.method === 'GET' && route === '/clock.json') {
    sendJson(res, 200, { now: Date.now() });
    return true;
  }
  if (req.method === 'GET' && route.startsWith('/preview/miniprogram/')) {
    const relative = decodeURIComponent(route.slice('/preview/miniprogram/'.length));
    const file = PICTURE_EXTENSIONS.has(path.extname(relative).toLowerCase()) ? inside(miniprogram, relative) : null;
    if (!file) sendJson(res, 404, { errCode: 'FILE_NOT_FOUND', errMsg: `小程序中没有图片 ${relative}` });
    else sendFile(req, res, file);
    return true;
  }
  if (req.method === 'POST' && route === '/preview/storage/upload') {
    await upload(cloud, req, res, url);
    return true;
  }
  if (req.method === 'POST' && route === '/preview/storage/temp-urls') {
    await tempUrls(cloud, req, res);
    return true;
  }
  if (req.method === 'GET' && route.startsWith('/preview/')) {
    const file = inside(dist, decodeURIComponent(route.slice('/preview/'.length)));
    if (!file) sendJson(res, 404, { errCode: 'FILE_NOT_FOUND', errMsg: `预览中没有 ${route}` });
    else sendFile(req, res, file);
    return true;
  }
  return false;
}
