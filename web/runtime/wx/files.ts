/**
 * Local files as the phone has them: what the user picks (chooseMedia, chooseMessageFile) or what is
 * downloaded (downloadFile, cloud.downloadFile) becomes a temporary file with a `wxfile://tmp_…` path, kept in memory for this page
 * load; readFile, uploadFile, openDocument and <image> read it by that path.
 */
import { asyncApi, WxFailure } from './callbacks';

interface TempFile {
  blob: Blob;
  name: string;
  url: string;
}

const files = new Map<string, TempFile>();
let counter = 0;

export const TEMP_PREFIX = 'wxfile://tmp_';

export function saveTempFile(blob: Blob, name: string): string {
  const extension = /\.([A-Za-z0-9]{1,8})$/.exec(name)?.[1]?.toLowerCase() ?? 'bin';
  counter += 1;
  const path = `${TEMP_PREFIX}${Date.now().toString(36)}${counter}.${extension}`;
  files.set(path, { blob, name, url: URL.createObjectURL(blob) });
  return path;
}

export function tempFile(path: string): TempFile {
  const file = files.get(path);
  if (!file) throw new WxFailure(`no such file or directory, open "${path}"`);
  return file;
}

export function isTempPath(path: string): boolean {
  return path.startsWith(TEMP_PREFIX);
}

/** Opens the browser's file chooser; resolves with the chosen files, rejects with "cancel". */
function chooseFiles(api: string, accept: string, multiple: boolean): Promise<File[]> {
  return new Promise((resolve, reject) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.multiple = multiple;
    input.style.display = 'none';
    document.body.append(input);
    const done = () => input.remove();
    input.addEventListener('change', () => {
      const chosen = [...(input.files ?? [])];
      done();
      if (chosen.length === 0) reject(new WxFailure(`${api}:fail cancel`));
      else resolve(chosen);
    });
    input.addEventListener('cancel', () => {
      done();
      reject(new WxFailure(`${api}:fail cancel`));
    });
    input.click();
  });
}

interface MediaArgs {
  count?: number;
  mediaType?: string[];
}

interface MessageFileArgs {
  count?: number;
  type?: 'all' | 'video' | 'image' | 'file';
  extension?: string[];
}

export function fileApis() {
  const chooseMedia = asyncApi('chooseMedia', async ({ count = 9, mediaType = ['image', 'video'] }: MediaArgs) => {
    const accept = [mediaType.includes('image') ? 'image/*' : '', mediaType.includes('video') ? 'video/*' : ''].filter(Boolean).join(',');
    const chosen = (await chooseFiles('chooseMedia', accept || 'image/*', count > 1)).slice(0, count);
    return {
      type: chosen.every((f) => f.type.startsWith('image/')) ? 'image' : 'mix',
      tempFiles: chosen.map((file) => ({
        tempFilePath: saveTempFile(file, file.name),
        size: file.size,
        fileType: file.type.startsWith('video/') ? 'video' : 'image',
      })),
    };
  });

  const chooseImage = asyncApi('chooseImage', async ({ count = 9 }: { count?: number }) => {
    const chosen = (await chooseFiles('chooseImage', 'image/*', count > 1)).slice(0, count);
    const tempFiles = chosen.map((file) => ({ path: saveTempFile(file, file.name), size: file.size }));
    return { tempFilePaths: tempFiles.map((f) => f.path), tempFiles };
  });

  const chooseMessageFile = asyncApi('chooseMessageFile', async ({ count = 1, type = 'all', extension }: MessageFileArgs) => {
    const accept = extension?.length ? extension.map((e) => `.${e.replace(/^\./, '')}`).join(',') : type === 'image' ? 'image/*' : type === 'video' ? 'video/*' : '';
    const chosen = (await chooseFiles('chooseMessageFile', accept, count > 1)).slice(0, count);
    return {
      tempFiles: chosen.map((file) => ({
        path: saveTempFile(file, file.name),
        name: file.name,
        size: file.size,
        type: file.type.startsWith('image/') ? 'image' : file.type.startsWith('video/') ? 'video' : 'file',
        time: Math.floor(file.lastModified / 1000),
      })),
    };
  });

  const readFile = asyncApi('readFile', async ({ filePath, encoding }: { filePath: string; encoding?: string }) => {
    const { blob } = tempFile(filePath);
    if (!encoding || encoding === 'binary') return { data: await blob.arrayBuffer() };
    const bytes = new Uint8Array(await blob.arrayBuffer());
    if (encoding === 'base64') return { data: btoa(String.fromCharCode(...bytes)) };
    return { data: new TextDecoder(encoding === 'utf8' || encoding === 'utf-8' ? 'utf-8' : encoding).decode(bytes) };
  });

  /** wx.downloadFile: an http(s) URL (a link the server handed out) becomes a temporary file, as on a phone. */
  const downloadFile = asyncApi('downloadFile', async ({ url }: { url: string }) => {
    const response = await fetch(url);
    const name = decodeURIComponent(new URL(url, location.href).pathname.split('/').pop() || 'file');
    // A phone reports a refused download by its status code, with no file.
    if (!response.ok) return { statusCode: response.status, tempFilePath: '' };
    return { statusCode: response.status, tempFilePath: saveTempFile(await response.blob(), name) };
  });

  /**
   * wx.canvasToTempFilePath for a canvas of type="2d" (`canvas`: the node a selector query answered):
   * the area x, y, width, height of its pixels, scaled to destWidth × destHeight, as a PNG or JPEG
   * temporary file.
   */
  const canvasToTempFilePath = asyncApi(
    'canvasToTempFilePath',
    async (args: { canvas?: unknown; x?: number; y?: number; width?: number; height?: number; destWidth?: number; destHeight?: number; fileType?: string; quality?: number }) => {
      const { canvas, x = 0, y = 0, fileType = 'png', quality = 1 } = args;
      if (!(canvas instanceof HTMLCanvasElement)) throw new WxFailure('canvasToTempFilePath:fail canvas is empty');
      const width = args.width ?? canvas.width - x;
      const height = args.height ?? canvas.height - y;
      const out = document.createElement('canvas');
      out.width = Math.round(args.destWidth ?? width);
      out.height = Math.round(args.destHeight ?? height);
      out.getContext('2d')?.drawImage(canvas, x, y, width, height, 0, 0, out.width, out.height);
      const jpeg = fileType === 'jpg';
      const blob = await new Promise<Blob | null>((resolve) => out.toBlob(resolve, jpeg ? 'image/jpeg' : 'image/png', quality));
      if (!blob) throw new WxFailure('canvasToTempFilePath:fail the canvas could not be read');
      return { tempFilePath: saveTempFile(blob, jpeg ? 'canvas.jpg' : 'canvas.png') };
    },
  );

  const fileSystemManager = {
    readFile,
    access: asyncApi('access', async ({ path }: { path: string }) => {
      tempFile(path);
      return {};
    }),
    getFileInfo: asyncApi('getFileInfo', async ({ filePath }: { filePath: string }) => ({ size: tempFile(filePath).blob.size })),
  };

  return { chooseMedia, chooseImage, chooseMessageFile, downloadFile, canvasToTempFilePath, getFileSystemManager: () => fileSystemManager };
}
