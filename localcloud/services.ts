/**
 * Cloud storage mapped to a folder, and the subscription-message outbox.
 *
 * These stand behind the network methods of `@cloudbase/node-sdk`'s CloudBase instance (the
 * object `wx-server-sdk` calls for storage and open APIs), so the functions use the real
 * `cloud.uploadFile`, `cloud.getTempFileURL`, `cloud.deleteFile` and
 * `cloud.openapi.subscribeMessage.send`.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export class LocalStorage {
  readonly root: string;
  /** A store kept in memory keeps its files in a temporary folder, removed when the cloud closes. */
  private readonly temporary: boolean;
  /** Signs temporary URLs, as the cloud's do: `/storage/<path>` is served only with a valid, unexpired signature. */
  private readonly signingKey = randomBytes(32);

  constructor(
    dir: string | null,
    private readonly env: string,
    private readonly publicBaseUrl: () => string,
  ) {
    this.temporary = dir === null;
    this.root = dir ? path.join(dir, 'storage') : fs.mkdtempSync(path.join(os.tmpdir(), 'localcloud-storage-'));
    fs.mkdirSync(this.root, { recursive: true });
  }

  /** Removes a temporary folder; a data folder's files stay. */
  close(): void {
    if (this.temporary) fs.rmSync(this.root, { recursive: true, force: true });
  }

  fileIdOf(cloudPath: string): string {
    return `cloud://${this.env}.local/${cloudPath}`;
  }

  /** The cloud path of a fileID of this environment, or null. */
  pathOf(fileID: string): string | null {
    const prefix = `cloud://${this.env}.local/`;
    if (!fileID.startsWith(prefix)) return null;
    const cloudPath = fileID.slice(prefix.length);
    return safeCloudPath(cloudPath) ? cloudPath : null;
  }

  upload(cloudPath: string, content: Buffer | string): string {
    if (!safeCloudPath(cloudPath)) throw new Error(`invalid cloudPath ${cloudPath}`);
    const file = path.join(this.root, cloudPath);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
    return this.fileIdOf(cloudPath);
  }

  read(fileID: string): Buffer | null {
    const cloudPath = this.pathOf(fileID);
    if (!cloudPath) return null;
    const file = path.join(this.root, cloudPath);
    return fs.existsSync(file) ? fs.readFileSync(file) : null;
  }

  exists(fileID: string): boolean {
    const cloudPath = this.pathOf(fileID);
    return cloudPath !== null && fs.existsSync(path.join(this.root, cloudPath));
  }

  remove(fileID: string): boolean {
    const cloudPath = this.pathOf(fileID);
    if (!cloudPath) return false;
    const file = path.join(this.root, cloudPath);
    if (!fs.existsSync(file)) return false;
    fs.rmSync(file);
    return true;
  }

  /** A URL of the file that works for `maxAgeSeconds` (getTempFileURL); null for a missing file. */
  tempUrl(fileID: string, maxAgeSeconds = 7200): string | null {
    const cloudPath = this.pathOf(fileID);
    if (!cloudPath || !this.exists(fileID)) return null;
    const expires = Math.floor(Date.now() / 1000) + maxAgeSeconds;
    const query = `expires=${expires}&sign=${this.signature(cloudPath, expires)}`;
    return `${this.publicBaseUrl()}/storage/${cloudPath.split('/').map(encodeURIComponent).join('/')}?${query}`;
  }

  /** Whether `sign` is this storage's signature of `cloudPath` until `expires` (unix seconds), not yet past. */
  verify(cloudPath: string, expires: string | null, sign: string | null): boolean {
    if (!expires || !sign || !/^\d{1,12}$/.test(expires) || !/^[0-9a-f]{64}$/.test(sign)) return false;
    if (Number(expires) < Date.now() / 1000) return false;
    return timingSafeEqual(Buffer.from(sign, 'hex'), Buffer.from(this.signature(cloudPath, Number(expires)), 'hex'));
  }

  private signature(cloudPath: string, expires: number): string {
    return createHmac('sha256', this.signingKey).update(`${cloudPath}\n${expires}`).digest('hex');
  }
}

/** Rejects absolute paths and `..` so a cloud path never leaves the storage folder. */
export function safeCloudPath(cloudPath: string): boolean {
  if (!cloudPath || cloudPath.startsWith('/') || cloudPath.includes('\\')) return false;
  return cloudPath.split('/').every((part) => part !== '' && part !== '.' && part !== '..');
}

export interface OutboxMessage {
  api: string;
  /** The request as the function sent it (snake_case, as WeChat receives it). */
  data: Record<string, unknown>;
  at: string;
  delivered: boolean;
  errcode: number;
}

/**
 * Recorded open-API calls. A subscriber who has not accepted (or has used up) their subscription
 * is refused with WeChat's errcode 43101, as the real API does.
 */
export class Outbox {
  readonly messages: OutboxMessage[] = [];
  private readonly refusing = new Set<string>();

  refuse(openid: string): void {
    this.refusing.add(openid);
  }

  accept(openid: string): void {
    this.refusing.delete(openid);
  }

  record(api: string, data: Record<string, unknown>, now: Date): { errcode: number; errmsg: string } {
    const touser = typeof data.touser === 'string' ? data.touser : '';
    const refused = api === 'subscribeMessage.send' && this.refusing.has(touser);
    const errcode = refused ? 43101 : 0;
    this.messages.push({ api, data, at: now.toISOString(), delivered: !refused, errcode });
    return refused ? { errcode, errmsg: 'user refuse to accept the msg' } : { errcode: 0, errmsg: 'ok' };
  }

  delivered(api = 'subscribeMessage.send'): OutboxMessage[] {
    return this.messages.filter((m) => m.api === api && m.delivered);
  }

  clear(): void {
    this.messages.length = 0;
  }
}
