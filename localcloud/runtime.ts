/**
 * The local cloud: runs cloud functions written for production, with the real `wx-server-sdk`,
 * against the embedded store.
 *
 * What is replaced is the transport only:
 * - `Db.reqClass` of `@cloudbase/database` (the SDK assigns it on every `cloud.database()`; we pin
 *   it with a property whose setter ignores the assignment);
 * - the network methods of `@cloudbase/node-sdk`'s CloudBase for storage, open APIs and
 *   function-to-function calls.
 * Everything above them (query building, serialization, error handling, runTransaction's retries)
 * is the SDK's own code.
 */
import * as fs from 'fs';
import * as path from 'path';
import { randomBytes } from 'crypto';
import { DatabaseService } from './store/database';
import { Store } from './store/store';
import type { IndexSpec } from './store/indexes';
import { LocalStorage, Outbox } from './services';
import { runWithEnv, wxContextEnv, type Caller } from './identity';

export interface LocalCloudOptions {
  /** Data folder; `null` keeps the store in memory (tests). Default `.localcloud`. */
  dir?: string | null;
  /** Folder holding one folder per deployable function. Default `<repo>/cloudfunctions`. */
  functionsRoot?: string;
  /** The cloud environment id the functions see. */
  env?: string;
  fsync?: boolean;
  /** Environment variables configured for the functions (like the console's function settings). */
  functionEnv?: Record<string, string>;
  /** Base URL of the gateway, for temporary file URLs. */
  baseUrl?: string;
  /** The database manifest whose indexes the store builds; `null` for none. Default deploy/database.json. */
  manifest?: string | null;
}

export interface InvokeOptions extends Caller {
  /** Overrides the function's configured timeout, in milliseconds. */
  timeoutMs?: number;
}

type CloudFunctionMain = (event: unknown, context: unknown) => unknown;

const REPO_ROOT = path.resolve(__dirname, '..');
const DEFAULT_TIMEOUT_SECONDS = 3;

export class FunctionTimeoutError extends Error {
  constructor(name: string, seconds: number) {
    super(`Invoking task timed out after ${seconds} seconds (function ${name})`);
  }
}

export class UnknownFunctionError extends Error {
  constructor(name: string) {
    super(`function ${name} is not built under cloudfunctions/`);
  }
}

let active: LocalCloud | null = null;

export class LocalCloud {
  readonly store: Store;
  readonly db: DatabaseService;
  readonly storage: LocalStorage;
  readonly outbox = new Outbox();
  readonly env: string;
  readonly functionsRoot: string;
  functionEnv: Record<string, string>;
  baseUrl: string;

  constructor(options: LocalCloudOptions = {}) {
    const dir = options.dir === undefined ? path.join(REPO_ROOT, '.localcloud') : options.dir;
    this.env = options.env ?? 'local';
    this.functionsRoot = options.functionsRoot ?? path.join(REPO_ROOT, 'cloudfunctions');
    this.functionEnv = options.functionEnv ?? {};
    this.baseUrl = options.baseUrl ?? 'http://127.0.0.1:8787';
    this.store = new Store({ dir: dir === null ? null : path.join(dir, 'db'), fsync: options.fsync });
    const manifest = options.manifest === undefined ? path.join(REPO_ROOT, 'deploy', 'database.json') : options.manifest;
    if (manifest) loadIndexes(this.store, manifest);
    this.db = new DatabaseService(this.store);
    this.storage = new LocalStorage(dir, this.env, () => this.baseUrl);
    installTransport();
    active = this;
  }

  /** Makes this instance the one the SDK talks to (the last constructed one is active). */
  activate(): this {
    active = this;
    return this;
  }

  static current(): LocalCloud {
    if (!active) throw new Error('no local cloud is running');
    return active;
  }

  /** Deployable functions: folders under the functions root with a built index.js. */
  functionNames(): string[] {
    if (!fs.existsSync(this.functionsRoot)) return [];
    return fs
      .readdirSync(this.functionsRoot)
      .filter((name) => fs.existsSync(path.join(this.functionsRoot, name, 'index.js')))
      .sort();
  }

  /** Invokes a function as the platform does: JSON in, JSON out, the caller's identity in the environment. */
  async invoke(name: string, event: unknown, caller: InvokeOptions = {}): Promise<unknown> {
    this.activate();
    const main = this.load(name);
    const timeoutSeconds = this.timeoutOf(name);
    const timeoutMs = caller.timeoutMs ?? timeoutSeconds * 1000;
    const payload = JSON.parse(JSON.stringify(event ?? {})) as unknown;
    const isObject = payload !== null && typeof payload === 'object' && !Array.isArray(payload);
    if (caller.openid && isObject) {
      (payload as Record<string, unknown>).userInfo = { appId: caller.appid ?? 'wxlocalappid', openId: caller.openid };
    }
    const context = {
      request_id: randomBytes(16).toString('hex'),
      function_name: name,
      namespace: this.env,
      time_limit_in_ms: timeoutMs,
      memory_limit_in_mb: 256,
    };
    const overlay = { ...this.functionEnv, ...wxContextEnv(caller, this.env) };
    let timer: NodeJS.Timeout | undefined;
    const run = runWithEnv(overlay, async () => main(payload, context));
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new FunctionTimeoutError(name, timeoutMs / 1000)), timeoutMs);
    });
    try {
      const result = await Promise.race([run, timeout]);
      return result === undefined ? null : JSON.parse(JSON.stringify(result));
    } finally {
      clearTimeout(timer);
    }
  }

  close(): void {
    this.store.close();
    this.storage.close();
    if (active === this) active = null;
  }

  private load(name: string): CloudFunctionMain {
    if (!/^[A-Za-z0-9_-]+$/.test(name) || !this.functionNames().includes(name)) throw new UnknownFunctionError(name);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(path.join(this.functionsRoot, name, 'index.js')) as { main?: CloudFunctionMain };
    if (typeof mod.main !== 'function') throw new Error(`function ${name} does not export main`);
    return mod.main;
  }

  private timeoutOf(name: string): number {
    const file = path.join(this.functionsRoot, name, 'config.json');
    if (!fs.existsSync(file)) return DEFAULT_TIMEOUT_SECONDS;
    const config = JSON.parse(fs.readFileSync(file, 'utf8')) as { timeout?: number };
    return typeof config.timeout === 'number' ? config.timeout : DEFAULT_TIMEOUT_SECONDS;
  }
}

interface DatabaseManifest {
  collections: { name: string; indexes: IndexSpec[] }[];
}

/** Builds the indexes the deployment manifest declares, as the real database would have them. */
export function loadIndexes(store: Store, manifestFile: string): void {
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as DatabaseManifest;
  for (const collection of manifest.collections) store.defineIndexes(collection.name, collection.indexes);
}

/** Resolves the SDK's own copies of its dependencies (the ones its code will load). */
function sdkModule<T>(id: string): T {
  const sdkDir = path.dirname(require.resolve('wx-server-sdk'));
  const nodeSdkDir = path.dirname(require.resolve('@cloudbase/node-sdk/package.json', { paths: [sdkDir] }));
  if (id === '@cloudbase/node-sdk/cloudbase') return require(path.join(nodeSdkDir, 'dist', 'cloudbase.js')) as T;
  return require(require.resolve(id, { paths: [nodeSdkDir, sdkDir] })) as T;
}

let transportInstalled = false;

/**
 * Functions load the project's `wx-server-sdk` (the copy whose transport is replaced), even a
 * function folder outside the project or with a node_modules of its own from a DevTools install.
 */
function pinSdkResolution(): void {
  const Module = require('module') as { _resolveFilename: (request: string, ...rest: unknown[]) => string };
  const original = Module._resolveFilename;
  const sdkEntry = require.resolve('wx-server-sdk');
  Module._resolveFilename = function (request: string, ...rest: unknown[]) {
    if (request === 'wx-server-sdk') return sdkEntry;
    return original.call(this, request, ...rest);
  };
}

function installTransport(): void {
  if (transportInstalled) return;
  transportInstalled = true;
  pinSdkResolution();

  /** The database transport: what `@cloudbase/database` instantiates for every request. */
  class LocalDatabaseTransport {
    constructor(readonly config: unknown) {}
    async send(action: string, data?: Record<string, unknown>): Promise<unknown> {
      // Yield to the event loop as a network round trip would, so concurrent calls interleave.
      await tick();
      return LocalCloud.current().db.handle(action, data ?? {});
    }
  }
  const { Db } = sdkModule<{ Db: object }>('@cloudbase/database');
  Object.defineProperty(Db, 'reqClass', {
    configurable: true,
    get: () => LocalDatabaseTransport,
    set: () => undefined,
  });

  const { CloudBase } = sdkModule<{ CloudBase: { prototype: Record<string, unknown> } }>('@cloudbase/node-sdk/cloudbase');
  const protobuf = sdkModule<Protobuf>('protobufjs/minimal');
  const proto = CloudBase.prototype;

  proto.uploadFile = async ({ cloudPath, fileContent }: { cloudPath: string; fileContent: Buffer | string }) => {
    await tick();
    const content = await readContent(fileContent);
    return { fileID: LocalCloud.current().storage.upload(cloudPath, content), requestId: requestId() };
  };
  proto.downloadFile = async ({ fileID }: { fileID: string }) => {
    await tick();
    const content = LocalCloud.current().storage.read(fileID);
    if (!content) return { code: 'STORAGE_FILE_NONEXIST', message: `file ${fileID} does not exist`, requestId: requestId() };
    return { fileContent: content, message: 'success', requestId: requestId() };
  };
  proto.getTempFileURL = async ({ fileList }: { fileList: (string | { fileID: string; maxAge?: number })[] }) => {
    await tick();
    const { storage } = LocalCloud.current();
    return {
      requestId: requestId(),
      fileList: fileList.map((entry) => {
        const fileID = typeof entry === 'string' ? entry : entry.fileID;
        const maxAge = typeof entry === 'string' ? 7200 : (entry.maxAge ?? 7200);
        const url = storage.tempUrl(fileID, maxAge);
        return url
          ? { fileID, tempFileURL: url, maxAge, code: 'SUCCESS' }
          : { fileID, tempFileURL: '', code: 'STORAGE_FILE_NONEXIST' };
      }),
    };
  };
  proto.deleteFile = async ({ fileList }: { fileList: string[] }) => {
    await tick();
    const { storage } = LocalCloud.current();
    return {
      requestId: requestId(),
      fileList: fileList.map((fileID) =>
        storage.remove(fileID) ? { fileID, code: 'SUCCESS' } : { fileID, code: 'STORAGE_FILE_NONEXIST' },
      ),
    };
  };
  proto.callCompatibleWxOpenApi = async ({ apiName, requestData }: { apiName: string; requestData: Uint8Array }) => {
    await tick();
    const cloud = LocalCloud.current();
    const reply = cloud.outbox.record(apiName, decodeOpenApiRequest(protobuf, requestData), cloud.db.now());
    // CommOpenApiResp { respData = 1 (bytes), contentType = 2 (string), httpCode = 4 (uint32) }
    const writer = protobuf.Writer.create();
    writer.uint32(10).bytes(Buffer.from(JSON.stringify(reply)));
    writer.uint32(18).string('application/json');
    writer.uint32(32).uint32(200);
    return Buffer.from(writer.finish());
  };
  proto.callFunction = async ({ name, data }: { name: string; data?: unknown }) => {
    const cloud = LocalCloud.current();
    const openid = process.env.WX_OPENID;
    const result = await cloud.invoke(name, data ?? {}, { openid: openid || undefined });
    return { result, requestId: requestId() };
  };
}

interface ProtoWriter {
  uint32(value: number): ProtoWriter;
  bytes(value: Uint8Array): ProtoWriter;
  string(value: string): ProtoWriter;
  finish(): Uint8Array;
}

interface ProtoReader {
  pos: number;
  len: number;
  uint32(): number;
  bytes(): Uint8Array;
  string(): string;
  skipType(wireType: number): void;
}

interface Protobuf {
  Writer: { create(): ProtoWriter };
  Reader: { create(buffer: Uint8Array): ProtoReader };
}

/** CommApiData { openapiData = 2: OpenApiData { pairs = 1: KeyValuePair { key = 1, value = 2 } } } → JSON object. */
function decodeOpenApiRequest(protobuf: Protobuf, buffer: Uint8Array): Record<string, unknown> {
  const fields = (bytes: Uint8Array, visit: (field: number, reader: ProtoReader, wire: number) => void): void => {
    const reader = protobuf.Reader.create(bytes);
    while (reader.pos < reader.len) {
      const tag = reader.uint32();
      visit(tag >>> 3, reader, tag & 7);
    }
  };
  const data: Record<string, unknown> = {};
  fields(buffer, (field, reader, wire) => {
    if (field !== 2) return reader.skipType(wire);
    fields(reader.bytes(), (pairField, pairReader, pairWire) => {
      if (pairField !== 1) return pairReader.skipType(pairWire);
      let key = '';
      let value = '';
      fields(pairReader.bytes(), (kvField, kv, kvWire) => {
        if (kvField === 1) key = kv.string();
        else if (kvField === 2) value = Buffer.from(kv.bytes()).toString('utf8');
        else kv.skipType(kvWire);
      });
      data[key] = JSON.parse(value);
    });
  });
  return data;
}

/** One event-loop turn (jsdom page tests have no setImmediate). */
const tick = (): Promise<void> =>
  new Promise((resolve) => (typeof setImmediate === 'function' ? setImmediate(resolve) : setTimeout(resolve, 0)));
const requestId = (): string => randomBytes(8).toString('hex');

async function readContent(content: unknown): Promise<Buffer> {
  if (Buffer.isBuffer(content)) return content;
  if (typeof content === 'string') return Buffer.from(content);
  if (content && typeof (content as NodeJS.ReadableStream).pipe === 'function') {
    const chunks: Buffer[] = [];
    for await (const chunk of content as AsyncIterable<Buffer>) chunks.push(Buffer.from(chunk));
    return Buffer.concat(chunks);
  }
  throw new Error('fileContent must be a Buffer, a string or a readable stream');
}
