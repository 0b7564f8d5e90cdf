/**
 * wx.cloud against the local cloud's gateway, as the caller chosen in the preview:
 *   callFunction   → POST /api/<name> (X-Openid), the function's result as `result`
 *   uploadFile     → POST /preview/storage/upload?cloudPath=…, the temporary file's bytes
 *   getTempFileURL → POST /preview/storage/temp-urls, the short-lived URLs the cloud hands out
 *   downloadFile   → getTempFileURL, then the file, kept as a temporary file
 */
import { asyncApi, WxFailure } from './callbacks';
import { saveTempFile, tempFile } from './files';

export interface TempUrl {
  fileID: string;
  tempFileURL: string;
  maxAge?: number;
  status: number;
  errMsg: string;
}

export class CloudClient {
  private readonly urls = new Map<string, { url: string; until: number }>();

  constructor(readonly openid: string) {}

  private headers(extra: Record<string, string> = {}): Record<string, string> {
    return { 'X-Openid': this.openid, ...extra };
  }

  async callFunction(name: string, data: unknown): Promise<{ result: unknown; requestID: string }> {
    let response: Response;
    try {
      response = await fetch(`/api/${encodeURIComponent(name)}`, {
        method: 'POST',
        headers: this.headers({ 'Content-Type': 'application/json' }),
        body: JSON.stringify(data ?? {}),
      });
    } catch (error) {
      throw new WxFailure(`cloud.callFunction:fail -1 ${(error as Error).message}`, { errCode: -1 });
    }
    const body = (await response.json().catch(() => null)) as { errCode?: string; errMsg?: string } | null;
    if (!response.ok) {
      throw new WxFailure(`cloud.callFunction:fail ${body?.errCode ?? response.status} ${body?.errMsg ?? response.statusText}`, { errCode: body?.errCode ?? response.status });
    }
    return { result: body, requestID: response.headers.get('x-request-id') ?? '' };
  }

  async uploadFile(cloudPath: string, filePath: string): Promise<{ fileID: string; statusCode: number }> {
    const { blob } = tempFile(filePath);
    const response = await fetch(`/preview/storage/upload?cloudPath=${encodeURIComponent(cloudPath)}`, {
      method: 'POST',
      headers: this.headers({ 'Content-Type': blob.type || 'application/octet-stream' }),
      body: blob,
    });
    const body = (await response.json()) as { fileID?: string; errMsg?: string };
    if (!response.ok || !body.fileID) throw new WxFailure(`cloud.uploadFile:fail ${body.errMsg ?? response.status}`);
    return { fileID: body.fileID, statusCode: 200 };
  }

  async getTempFileURL(fileList: (string | { fileID: string; maxAge?: number })[]): Promise<TempUrl[]> {
    const response = await fetch('/preview/storage/temp-urls', {
      method: 'POST',
      headers: this.headers({ 'Content-Type': 'application/json' }),
      body: JSON.stringify({ fileList }),
    });
    const body = (await response.json()) as { fileList?: TempUrl[]; errMsg?: string };
    if (!response.ok || !body.fileList) throw new WxFailure(`cloud.getTempFileURL:fail ${body.errMsg ?? response.status}`);
    return body.fileList;
  }

  /** The URL to show a cloud file at, reused until shortly before it expires. */
  async urlOf(fileID: string): Promise<string> {
    const known = this.urls.get(fileID);
    if (known && known.until > Date.now()) return known.url;
    const [entry] = await this.getTempFileURL([fileID]);
    if (!entry?.tempFileURL) throw new WxFailure(`cloud.getTempFileURL:fail ${entry?.errMsg ?? 'file not found'}`);
    this.urls.set(fileID, { url: entry.tempFileURL, until: Date.now() + Math.max(0, (entry.maxAge ?? 600) - 60) * 1000 });
    return entry.tempFileURL;
  }

  async downloadFile(fileID: string): Promise<{ tempFilePath: string; statusCode: number }> {
    const url = await this.urlOf(fileID);
    const response = await fetch(url);
    if (!response.ok) throw new WxFailure(`cloud.downloadFile:fail ${response.status}`);
    const name = fileID.split('/').pop() ?? 'file';
    return { tempFilePath: saveTempFile(await response.blob(), name), statusCode: response.status };
  }

  api(record: (env: unknown) => void) {
    return {
      init: (options: unknown = {}) => record(options),
      callFunction: asyncApi('cloud.callFunction', ({ name, data }: { name: string; data?: unknown }) => this.callFunction(name, data)),
      uploadFile: asyncApi('cloud.uploadFile', ({ cloudPath, filePath }: { cloudPath: string; filePath: string }) => this.uploadFile(cloudPath, filePath)),
      downloadFile: asyncApi('cloud.downloadFile', ({ fileID }: { fileID: string }) => this.downloadFile(fileID)),
      getTempFileURL: asyncApi('cloud.getTempFileURL', async ({ fileList }: { fileList: (string | { fileID: string; maxAge?: number })[] }) => ({
        fileList: await this.getTempFileURL(fileList),
      })),
    };
  }
}
