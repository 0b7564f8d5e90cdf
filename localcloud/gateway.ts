/**
 * The local cloud's HTTP gateway (local mode only):
 *   POST /api/<function>   JSON body = the event; header X-Openid = the caller; response = the result
 *   GET  /health           200 with the functions it serves
 *   GET  /storage/<path>?expires=…&sign=…   a stored file, with the signature getTempFileURL gave (403 without)
 *   POST /timer/<function>/<trigger>   fires a timer trigger now
 *   GET  /, /demo.json, /preview/...   the browser preview (localcloud/preview.ts)
 */
import * as http from 'http';
import { handlePreviewRequest, type PreviewOptions } from './preview';
import { FunctionTimeoutError, UnknownFunctionError, type LocalCloud } from './runtime';

const MAX_BODY_BYTES = 1024 * 1024;
/** Deeper events than this are refused: the platform's JSON handling (and ours) recurses per level. */
export const MAX_EVENT_DEPTH = 64;

export interface GatewayOptions {
  port: number;
  host?: string;
}

function send(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/**
 * The request body as text, or null when it is over the limit. An oversized body is read to its end
 * and discarded, so the client receives the 413 answer instead of a reset connection.
 */
function readBody(req: http.IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > MAX_BODY_BYTES ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** How deeply a parsed JSON value nests (a scalar is 0), counted without recursion. */
export function jsonDepth(value: unknown, stopAbove = Infinity): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    deepest = Math.max(deepest, depth + 1);
    if (deepest > stopAbove) return deepest;
    for (const child of Object.values(node)) stack.push([child, depth + 1]);
  }
  return deepest;
}

function gatewayError(res: http.ServerResponse, status: number, errCode: string, errMsg: string): void {
  send(res, status, { errCode, errMsg });
}

async function invokeFunction(cloud: LocalCloud, name: string, req: http.IncomingMessage, res: http.ServerResponse) {
  if (!cloud.functionNames().includes(name)) {
    return gatewayError(res, 404, 'FUNCTION_NOT_FOUND', `没有名为 ${name} 的云函数`);
  }
  const declared = Number(req.headers['content-length'] ?? 0);
  const text = declared > MAX_BODY_BYTES ? (req.resume(), null) : await readBody(req);
  if (text === null) {
    res.setHeader('connection', 'close');
    return gatewayError(res, 413, 'BODY_TOO_LARGE', '请求体超过 1 MB');
  }
  let event: unknown;
  try {
    event = text.trim() === '' ? {} : JSON.parse(text);
  } catch {
    return gatewayError(res, 400, 'INVALID_JSON', '请求体不是合法的 JSON');
  }
  if (event === null || typeof event !== 'object' || Array.isArray(event)) {
    return gatewayError(res, 400, 'INVALID_EVENT', '请求体必须是 JSON 对象');
  }
  if (jsonDepth(event, MAX_EVENT_DEPTH) > MAX_EVENT_DEPTH) {
    return gatewayError(res, 400, 'INVALID_EVENT', `请求体嵌套超过 ${MAX_EVENT_DEPTH} 层`);
  }
  const header = req.headers['x-openid'];
  const openid = typeof header === 'string' && header.trim() !== '' ? header.trim() : undefined;
  try {
    send(res, 200, await cloud.invoke(name, event, { openid }));
  } catch (error) {
    if (error instanceof UnknownFunctionError) return gatewayError(res, 404, 'FUNCTION_NOT_FOUND', error.message);
    if (error instanceof FunctionTimeoutError) return gatewayError(res, 504, 'FUNCTION_TIMEOUT', error.message);
    const message = (error as { errMsg?: string; message?: string }).errMsg ?? (error as Error).message ?? String(error);
    process.stderr.write(`function ${name} failed: ${message}\n`);
    gatewayError(res, 500, 'FUNCTION_FAILED', message);
  }
}

export function createGateway(cloud: LocalCloud, preview: PreviewOptions = {}): http.Server {
  return http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://local');
    const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    const handle = async (): Promise<void> => {
      if (req.method === 'GET' && url.pathname === '/health') {
        return send(res, 200, { ok: true, env: cloud.env, functions: cloud.functionNames() });
      }
      if (req.method === 'POST' && parts[0] === 'api' && parts.length === 2) {
        return invokeFunction(cloud, parts[1], req, res);
      }
      if (req.method === 'POST' && parts[0] === 'timer' && parts.length === 3) {
        const event = { Type: 'Timer', TriggerName: parts[2], Time: new Date().toISOString() };
        if (!cloud.functionNames().includes(parts[1])) {
          return gatewayError(res, 404, 'FUNCTION_NOT_FOUND', `没有名为 ${parts[1]} 的云函数`);
        }
        return send(res, 200, await cloud.invoke(parts[1], event, {}));
      }
      if (req.method === 'GET' && parts[0] === 'storage' && parts.length > 1) {
        const cloudPath = parts.slice(1).join('/');
        // As in the cloud, a file is read only through the short-lived URL the functions handed out.
        if (!cloud.storage.verify(cloudPath, url.searchParams.get('expires'), url.searchParams.get('sign'))) {
          return gatewayError(res, 403, 'FORBIDDEN', '文件链接无效或已过期');
        }
        const content = cloud.storage.read(cloud.storage.fileIdOf(cloudPath));
        if (!content) return gatewayError(res, 404, 'FILE_NOT_FOUND', '文件不存在');
        res.writeHead(200, { 'content-length': content.length });
        return void res.end(content);
      }
      if (await handlePreviewRequest(cloud, preview, req, res, url)) return;
      gatewayError(res, 404, 'NOT_FOUND', `${req.method} ${url.pathname} 不存在；云函数请用 POST /api/<函数名>`);
    };
    handle().catch((error: unknown) => gatewayError(res, 500, 'GATEWAY_ERROR', String((error as Error)?.message ?? error)));
  });
}

export function listen(server: http.Server, options: GatewayOptions): Promise<{ port: number }> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => {
      const address = server.address();
      resolve({ port: typeof address === 'object' && address ? address.port : options.port });
    });
  });
}
